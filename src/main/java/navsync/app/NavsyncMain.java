package navsync.app;

import io.vertx.core.net.impl.TCPServerBase;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import navsync.api.ConnectionApi;
import navsync.coupling.CouplingService;
import navsync.mapping.MappingException;
import navsync.sales.SalesMetrics;
import navsync.sync.SynchronizationService;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
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
    /** A failure after Camel started, which camel-main logs without ending the process. */
    private static final AtomicReference<Throwable> START_FAILURE = new AtomicReference<>();

    private NavsyncMain() {
    }

    public static void main(String[] args) {
        try {
            int exitCode = create().run(args);
            Throwable failedAfterStart = START_FAILURE.get();
            if (failedAfterStart != null) {
                throw failedAfterStart;
            }
            if (exitCode != 0) {
                System.exit(exitCode);
            }
        } catch (Throwable e) {
            // the sandbox, the console and the HTTP servers run on threads of their own: a start that failed
            // part-way must not leave them serving without navsync
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof MappingException)) {
                cause = cause.getCause();
            }
            if (cause instanceof MappingException) {
                LOG.error("navsync did not start: {}", cause.getMessage()); // file, line and key say it all
            } else {
                LOG.error("navsync did not start: {}", e.toString(), e);
            }
            System.exit(1);
        }
    }

    /** A camel-main application with navsync's configuration, not started yet. */
    public static Main create() {
        Main main = new Main(); // no package scan: routes come from routes/ and the mapping files
        main.configure().addConfiguration(NavsyncConfiguration.class);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                try {
                    requireListening(started.getCamelContext());
                } catch (RuntimeException e) {
                    START_FAILURE.set(e); // camel-main only logs what fails here and returns from run()
                    throw e;
                }
                started.getCamelContext().getRegistry().lookupByNameAndType("salesMetrics", SalesMetrics.class).register();
                // test connection: one log line with the user, organization and bulk actions, or the error
                started.getCamelContext().getRegistry().lookupByNameAndType("connectionApi", ConnectionApi.class).logCheck();
                runOnStart(started.getCamelContext());
            }
        });
        return main;
    }

    /**
     * Vert.x only logs a port it cannot bind (taken by another program, or an address not of this machine), and
     * Camel starts without that server: a navsync without its REST API or management port must not stay up.
     * (Vert.x's {@code actualPort()} reports the configured port even then; its server base says whether it listens.)
     */
    static void requireListening(CamelContext camel) {
        MainHttpServer api = camel.hasService(MainHttpServer.class);
        for (VertxPlatformHttpServer server : camel.hasServices(VertxPlatformHttpServer.class)) {
            if (!(server.getServer() instanceof TCPServerBase bound) || !bound.isListening()) {
                String what = api != null && api.getPort() == server.getConfigurationPort() ? "the REST API"
                        : "the management port";
                throw new IllegalStateException(what + " could not listen on " + server.getHost() + ":"
                        + server.getConfigurationPort() + " (see the error above: is the port taken by another program?)");
            }
        }
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
