package navsync.app;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import navsync.api.ConnectionApi;
import navsync.coupling.CouplingService;
import navsync.sales.SalesMetrics;
import navsync.sync.SynchronizationService;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts navsync: Camel with the routes of {@code routes/}, the REST API, and the mappings; then resumes
 * the manual jobs the last stop cut off, runs the mappings named by {@code navsync.run-on-start} once
 * and keeps serving.
 */
public final class NavsyncMain {

    private static final Logger LOG = LoggerFactory.getLogger(NavsyncMain.class);

    private NavsyncMain() {
    }

    public static void main(String[] args) throws Exception {
        create().run(args);
    }

    /** A camel-main application with navsync's configuration, not started yet. */
    public static Main create() {
        Main main = new Main(); // no package scan: routes come from routes/ and the mapping files
        main.configure().addConfiguration(NavsyncConfiguration.class);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                started.getCamelContext().getRegistry().lookupByNameAndType("salesMetrics", SalesMetrics.class).register();
                // test connection: one log line with the user, organization and bulk actions, or the error
                started.getCamelContext().getRegistry().lookupByNameAndType("connectionApi", ConnectionApi.class).logCheck();
                runOnStart(started.getCamelContext());
            }
        });
        return main;
    }

    /**
     * Off the start-up thread: resumes the manual jobs and match-based couplings the last stop cut off,
     * then runs the configured mappings once, one after the other.
     */
    static void runOnStart(CamelContext camel) {
        String setting = new Settings(camel).text("navsync.run-on-start", "none");
        SynchronizationService service = camel.getRegistry().lookupByNameAndType("synchronizationService",
                SynchronizationService.class);
        CouplingService couplings = camel.getRegistry().lookupByNameAndType("couplingService", CouplingService.class);
        List<String> names = Arrays.stream(setting.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Thread runner = new Thread(() -> {
            try {
                runLogged("interrupted manual jobs", () -> service.resumeInterrupted(Duration.ofHours(12)));
                runLogged("interrupted match-based couplings", couplings::resumeInterrupted);
                if (setting.equals("none")) {
                    return;
                }
                if (setting.equals("all")) {
                    runLogged("all mappings", () -> service.runAll(Duration.ofHours(12)));
                    return;
                }
                for (String name : names) {
                    runLogged(name, () -> service.run(name, null, Duration.ofHours(12)));
                }
            } finally {
                if (!setting.equals("none")) {
                    service.releaseSchedules();
                }
            }
        }, "navsync-run-on-start");
        runner.setDaemon(true);
        runner.start();
    }

    private static void runLogged(String what, Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            LOG.error("Start-up synchronization of {} failed: {}", what, e.getMessage());
        }
    }
}
