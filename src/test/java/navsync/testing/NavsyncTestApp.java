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

    /** navsync pointed at a sandbox the test started itself (faults, TLS, sign-in...), as at a remote organization. */
    public static NavsyncTestApp startAgainst(SalesSandbox sandbox, Path dataDir, Map<String, String> overrides) {
        Map<String, String> all = new java.util.HashMap<>(overrides);
        all.put("navsync.sales.sandbox", "false");
        all.put("navsync.sales.url", sandbox.organizationUrl());
        return start(dataDir, all);
    }

    /** A copy of the shipped mapping files in {@code folder}, with every mapping's batch size set to {@code batchSize}. */
    public static Path mappingsWithBatchSize(Path folder, int batchSize) {
        try {
            java.nio.file.Files.createDirectories(folder);
            try (var files = java.nio.file.Files.list(Path.of("mappings"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    String text = java.nio.file.Files.readString(file)
                            .replaceAll("(?m)^batchSize: \\d+$", "batchSize: " + batchSize);
                    java.nio.file.Files.writeString(folder.resolve(file.getFileName()), text);
                }
            }
            return folder;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
