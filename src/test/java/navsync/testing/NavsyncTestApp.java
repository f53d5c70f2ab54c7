package navsync.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import navsync.app.NavsyncMain;
import navsync.nav.demo.DemoNavDatabase;
import navsync.sandbox.SalesSandbox;
import navsync.state.StateStore;
import navsync.sync.SynchronizationService;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;

/**
 * The whole navsync application as the README's command starts it (camel-main, YAML routes, REST
 * API, demo NAV database, Sales sandbox), with private in-memory databases and free ports.
 */
public final class NavsyncTestApp implements AutoCloseable {

    private final Main main;
    private final int port;
    private final int managementPort;

    private NavsyncTestApp(Main main, int port, int managementPort) {
        this.main = main;
        this.port = port;
        this.managementPort = managementPort;
    }

    public static NavsyncTestApp start(Path dataDir, Map<String, String> overrides) {
        int port = AvailablePortFinder.getNextAvailable();
        int managementPort = AvailablePortFinder.getNextAvailable();
        String id = UUID.randomUUID().toString();
        Main main = NavsyncMain.create();
        main.addOverrideProperty("navsync.http.port", Integer.toString(port));
        main.addOverrideProperty("navsync.management.port", Integer.toString(managementPort));
        main.addOverrideProperty("navsync.data-dir", dataDir.toString());
        main.addOverrideProperty("navsync.nav.url", DemoNavDatabase.jdbcUrl("nav-" + id));
        main.addOverrideProperty("navsync.state.url", "jdbc:h2:mem:state-" + id + ";DB_CLOSE_DELAY=-1");
        main.addOverrideProperty("navsync.run-on-start", "none");
        main.addOverrideProperty("navsync.schedules.enabled", "false"); // tests that want schedules say so
        main.addOverrideProperty("navsync.console.enabled", "false"); // the console test turns it on
        overrides.forEach(main::addOverrideProperty);
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("navsync did not start: " + e.getMessage(), e);
        }
        return new NavsyncTestApp(main, port, managementPort);
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    public <T> T bean(String name, Class<T> type) {
        return camel().getRegistry().lookupByNameAndType(name, type);
    }

    public SynchronizationService synchronization() {
        return bean("synchronizationService", SynchronizationService.class);
    }

    public StateStore store() {
        return bean("stateStore", StateStore.class);
    }

    public DataSource nav() {
        return bean("navDataSource", DataSource.class);
    }

    public SalesSandbox sandbox() {
        return bean("salesSandbox", SalesSandbox.class);
    }

    public String apiUrl(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    @Override
    public void close() {
        try {
            main.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
