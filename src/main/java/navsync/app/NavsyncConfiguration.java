package navsync.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import navsync.api.ConnectionApi;
import navsync.api.CouplingApi;
import navsync.api.RestApi;
import navsync.api.StatusApi;
import navsync.console.HawtioConsole;
import navsync.console.JolokiaGate;
import navsync.coupling.CouplingService;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.MappingLoader;
import navsync.mapping.SalesMetadata;
import navsync.monitoring.MappingStatus;
import navsync.nav.NavDialect;
import navsync.nav.NavPlatform;
import navsync.nav.NavQueries;
import navsync.nav.NavSchema;
import navsync.nav.demo.DemoNavDatabase;
import navsync.sales.BulkActions;
import navsync.sales.ConnectionCheck;
import navsync.sales.ParallelLimit;
import navsync.sales.SalesMetrics;
import navsync.sales.RetryPolicy;
import navsync.sales.SalesCatalog;
import navsync.sales.SalesConnection;
import navsync.sales.SalesReader;
import navsync.sales.SalesWebApi;
import navsync.sandbox.SalesSandbox;
import navsync.sandbox.SandboxOptions;
import navsync.security.ApiSecurity;
import navsync.security.Credentials;
import navsync.security.Role;
import navsync.state.JobRetention;
import navsync.state.StateStore;
import navsync.status.SynchronizationStatus;
import navsync.sync.Mappings;
import navsync.sync.SyncEngine;
import navsync.sync.SynchronizationJobs;
import navsync.sync.SynchronizationService;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires navsync from its configuration: the NAV database (the demo one by default), the state store,
 * the Sales Web API (the in-process sandbox by default), the mappings, and the beans the routes call.
 * Mapping files are validated here, so a bad file stops navsync before anything runs.
 */
public final class NavsyncConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NavsyncConfiguration.class);

    @Override
    public void configure(CamelContext camel) throws Exception {
        Settings settings = new Settings(camel);
        Closer closer = new Closer();
        camel.addService(closer, true, true);
        Registry registry = camel.getRegistry();
        Path dataDir = Path.of(settings.text("navsync.data-dir", "data"));
        Files.createDirectories(dataDir);

        HikariDataSource nav = closer.register(navDataSource(settings, dataDir));
        String company = settings.text("navsync.nav.company", DemoNavDatabase.DEFAULT_COMPANY);
        if (settings.bool("navsync.nav.demo", true)) {
            DemoNavDatabase.install(nav, company);
        }
        NavPlatform platform = NavPlatform.parse(settings.text("navsync.nav.platform", "nav"));
        NavSchema schema = new NavSchema(nav, company,
                platform.tableSuffix(settings.text("navsync.nav.app-id", NavPlatform.BASE_APPLICATION_ID)));
        NavDialect dialect = NavDialect.forJdbcUrl(nav.getJdbcUrl());

        StateStore store = closer.register(StateStore.open(
                // WRITE_DELAY=0: a commit is on disk when it returns (H2 delays writes by 500 ms by default, so a
                // killed process lost committed couplings of new rows and the rerun duplicated them)
                settings.text("navsync.state.url", "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("navsync") + ";WRITE_DELAY=0"),
                settings.text("navsync.state.user", "sa"), settings.optional("navsync.state.password").orElse(null),
                settings.integer("navsync.state.pool-size", 10)));
        int interrupted = store.jobs().failInterrupted("interrupted: navsync stopped while this job ran "
                + "(found at the next start); its committed batches stay, the rest is synchronized by the next run");
        if (interrupted > 0) {
            LOG.warn("{} synchronization jobs were interrupted by the last stop; marked failed", interrupted);
        }

        int batchSize = settings.integer("navsync.sync.batch-size", 500);
        Path mappingsDir = Path.of(settings.text("navsync.mappings-dir", "mappings"));
        List<IntegrationTableMapping> loaded = new MappingLoader(schema, batchSize).loadFolder(mappingsDir);
        Mappings mappings = new Mappings(loaded);
        LOG.info("Loaded {} integration table mappings: {}", loaded.size(),
                loaded.stream().map(IntegrationTableMapping::name).toList());

        SalesConnection connection = salesConnection(settings, closer, registry, dataDir);
        int parallel = settings.integer("navsync.sales.max-parallel-requests", 4);
        ParallelLimit parallelLimit = new ParallelLimit(parallel);
        SalesSignIn signIn = new SalesSignIn(settings, camel, connection);
        // Camel's Prometheus registry (/observe/metrics), bound once Camel starts
        SalesMetrics salesMetrics = new SalesMetrics(() -> registry.lookupByNameAndType("metricsRegistry",
                io.micrometer.core.instrument.MeterRegistry.class), parallelLimit);
        registry.bind("salesMetrics", salesMetrics);
        // the files again, against Sales' metadata: the Web API client sends once Camel starts, and this listener
        // runs then, before any route (a schedule, the REST API) does
        camel.addStartupListener((context, alreadyStarted) -> new MappingLoader(schema, batchSize,
                salesMetadata(camel, connection, signIn, parallelLimit, salesMetrics)).loadFolder(mappingsDir));
        SalesWebApi api = new SalesWebApi(camel, connection, signIn.accessTokens(), new RetryPolicy(
                settings.integer("navsync.sales.retry.max-attempts", 5),
                java.time.Duration.ofMillis(settings.integer("navsync.sales.retry.first-backoff-ms", 500)),
                java.time.Duration.ofSeconds(settings.integer("navsync.sales.retry.max-wait-seconds", 120))),
                parallelLimit, salesMetrics, signIn.endpointOptions());
        BulkActions bulkActions = new BulkActions(api);

        SynchronizationJobs jobs = new SynchronizationJobs(store, mappings);
        jobs.reportTo(new navsync.monitoring.JobMetrics(() -> registry.lookupByNameAndType("metricsRegistry",
                io.micrometer.core.instrument.MeterRegistry.class)));
        SyncEngine engine = new SyncEngine(schema, new NavQueries(schema, dialect), nav, api, bulkActions, store, mappings, jobs,
                settings.integer("navsync.sync.skip-after-failures", 3));
        SynchronizationService synchronization = new SynchronizationService(camel, jobs, mappings, store,
                engine.inactivitySleep());
        if (!settings.text("navsync.run-on-start", "none").equals("none")) {
            synchronization.holdSchedules(); // released by the start-up run when it is done
        }
        registry.bind("navDataSource", nav);
        registry.bind("stateStore", store);
        registry.bind("mappings", mappings);
        registry.bind("salesWebApi", api);
        registry.bind("synchronizationJobs", jobs);
        registry.bind("synchronizationService", synchronization);
        registry.bind("connectionApi", new ConnectionApi(new ConnectionCheck(api, bulkActions), mappings));
        registerHealthChecks(registry, nav, store, api);
        registry.bind("navReader", engine.navReader());
        registry.bind("salesSource", engine.salesSource());
        registry.bind("syncSteps", engine.steps());
        registry.bind("optionPass", engine.optionPass());
        registry.bind("couplingSweep", engine.couplingSweep());
        registry.bind("restApi", new RestApi(mappings, store, synchronization));
        closer.register(MappingStatus.registerAll(mappings, store, synchronization));
        CouplingService couplingService = new CouplingService(mappings, store, new SalesReader(api),
                engine.coupledFields(), synchronization, jobs, connection.organizationUrl());
        registry.bind("couplingService", couplingService);
        registry.bind("couplingApi", new CouplingApi(couplingService, settings.integer("navsync.api.max-records", 10000)));
        registry.bind("statusApi", new StatusApi(mappings, new SynchronizationStatus(mappings, store, new SalesReader(api),
                new NavQueries(schema, dialect), nav, synchronization, jobs), connection.organizationUrl()));
        registry.bind("jobRetention", new JobRetention(store, settings.duration("navsync.retention.max-age", "30d")));
        registry.bind("salesWriters", salesWriters(camel, parallel));
        Credentials credentials = protect(camel, settings);
        // picked up by camel-main with the YAML routes, after the route templates of routes/ are known
        registry.bind("mappingRoutes", new MappingRoutes(mappings, settings.bool("navsync.schedules.enabled", true)));
        if (store.isShared()) {
            ClusteredSchedules.configure(camel, store, settings);
        }
        if (settings.bool("navsync.console.enabled", false)) {
            registry.bind("hawtioConsole", closer.register(hawtioConsole(settings, dataDir, credentials)));
        }
    }

    /**
     * Sales' metadata for the mapping files' checks, read once with a single attempt (start-up does not wait out
     * the retry policy); null, with one line saying which checks are deferred, when Sales does not answer.
     */
    private static SalesMetadata salesMetadata(CamelContext camel, SalesConnection connection, SalesSignIn signIn,
                                               ParallelLimit parallelLimit, SalesMetrics metrics) {
        SalesWebApi once = new SalesWebApi(camel, connection, signIn.accessTokens(),
                new RetryPolicy(1, Duration.ZERO, Duration.ofSeconds(30)), parallelLimit, metrics,
                signIn.endpointOptions());
        try {
            return SalesCatalog.read(once);
        } catch (RuntimeException e) {
            LOG.warn("Sales metadata could not be read at start-up ({}): the mapping files' Sales attributes, lookup"
                    + " columns, constant types and integrationTableFilters are not checked (deferred to the passes,"
                    + " which fail on them)", e.getMessage());
            return null;
        }
    }

    /** The Hawtio console, reading navsync through its Jolokia on the management port. */
    private static HawtioConsole hawtioConsole(Settings settings, Path dataDir, Credentials credentials) {
        String managementHost = settings.text("navsync.management.host", "127.0.0.1");
        String jolokiaHost = managementHost.equals("0.0.0.0") || managementHost.equals("::") ? "127.0.0.1" : managementHost;
        String jolokiaUrl = "http://" + (jolokiaHost.contains(":") ? "[" + jolokiaHost + "]" : jolokiaHost) + ":"
                + settings.integer("navsync.management.port", 9876) + jolokiaPath(settings);
        return HawtioConsole.start(settings.text("navsync.console.host", "127.0.0.1"),
                settings.integer("navsync.console.port", 8888), jolokiaUrl, dataDir.toAbsolutePath().resolve("console"),
                credentials);
    }

    private static String jolokiaPath(Settings settings) {
        return settings.text("camel.management.jolokia-path", "/observe/jolokia");
    }

    /**
     * Puts authentication and roles in front of the REST API, the status page, the management port and
     * the console when any of them listens on anything but loopback, or when navsync.security.enabled
     * says so, and refuses to start without credentials; puts Jolokia's access policy, answering 403,
     * in front of Jolokia. Returns the credentials, or null when authentication is off.
     */
    private static Credentials protect(CamelContext camel, Settings settings) throws Exception {
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put("navsync.http.host", settings.text("navsync.http.host", "127.0.0.1"));
        hosts.put("navsync.management.host", settings.text("navsync.management.host", "127.0.0.1"));
        if (settings.bool("navsync.console.enabled", false)) {
            hosts.put("navsync.console.host", settings.text("navsync.console.host", "127.0.0.1"));
        }
        String setting = settings.text("navsync.security.enabled", "auto");
        boolean required = ApiSecurity.required(setting, hosts.values().toArray(String[]::new));
        Credentials credentials = null;
        if (required) {
            credentials = Credentials.parse(settings.optional("navsync.security.users").orElse(null),
                    settings.optional("navsync.security.api-keys").orElse(null),
                    name -> settings.optional("navsync.security." + name));
            if (credentials.isEmpty()) {
                String reason = hosts.entrySet().stream().filter(host -> !ApiSecurity.isLoopback(host.getValue()))
                        .map(host -> host.getKey() + " is " + host.getValue() + " (not loopback)").findFirst()
                        .orElse("navsync.security.enabled is " + setting);
                throw new IllegalArgumentException(reason + ", so navsync requires authentication on its REST API,"
                        + " management port and console, but neither navsync.security.users nor navsync.security.api-keys"
                        + " names anyone (see README, Security)");
            }
        }
        ApiSecurity api = required ? new ApiSecurity(credentials) : null;
        String jolokia = jolokiaPath(settings);
        ApiSecurity management = required ? new ApiSecurity(credentials, request -> request.path().startsWith(jolokia)
                ? new ApiSecurity.Need(Role.operator, "Jolokia") : ApiSecurity.byMethod(request.method().name())) : null;
        JolokiaGate gate = new JolokiaGate(jolokia, required);
        // before the routes start, so no request is ever served unchecked; first of every route of each server
        camel.addStartupListener((context, alreadyStarted) -> {
            if (api != null) {
                MainHttpServer server = context.hasService(MainHttpServer.class);
                if (server == null || server.getRouter() == null) {
                    throw new IllegalStateException("the HTTP server is not up: cannot protect the REST API");
                }
                server.getRouter().route().order(-1000).handler(api);
            }
            ManagementHttpServer server = context.hasService(ManagementHttpServer.class);
            if (server != null) {
                if (server.getRouter() == null) {
                    throw new IllegalStateException("the management server is not up: cannot protect it");
                }
                if (management != null) {
                    server.getRouter().route().order(-1000).handler(management);
                }
                server.getRouter().route(jolokia + "*").order(-999).handler(BodyHandler.create().setBodyLimit(1 << 20))
                        .handler(gate);
            }
        });
        if (required) {
            LOG.info("REST API, status page, management port and console require authentication (HTTP basic or {})",
                    ApiSecurity.API_KEY_HEADER);
        }
        return credentials;
    }

    private static HikariDataSource navDataSource(Settings settings, Path dataDir) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("navsync-nav");
        config.setJdbcUrl(settings.text("navsync.nav.url",
                DemoNavDatabase.fileJdbcUrl(dataDir.toAbsolutePath().resolve("nav-demo"))));
        settings.optional("navsync.nav.user").ifPresent(config::setUsername);
        settings.optional("navsync.nav.password").ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.integer("navsync.nav.pool-size", 6));
        return new HikariDataSource(config);
    }

    private static SalesConnection salesConnection(Settings settings, Closer closer, Registry registry, Path dataDir) {
        String version = settings.text("navsync.sales.api-version", "v9.2");
        if (settings.bool("navsync.sales.sandbox", true)) {
            SandboxOptions options = SandboxOptions.defaults().withPort(settings.integer("navsync.sales.sandbox-port", 0));
            if (settings.bool("navsync.sales.sandbox-persist", true)) {
                // the demo NAV database and the couplings persist under data/: so do the sandbox's rows
                options = options.withDataFile(dataDir.toAbsolutePath().resolve("sandbox.json"));
            }
            SalesSandbox sandbox = closer.register(SalesSandbox.start(options));
            registry.bind("salesSandbox", sandbox);
            LOG.info("Sales sandbox (Dataverse Web API emulator) serving {}", sandbox.organizationUrl());
            return new SalesConnection(sandbox.organizationUrl(), version);
        }
        String url = settings.optional("navsync.sales.url").orElseThrow(() -> new IllegalArgumentException(
                "navsync.sales.url (NAVSYNC_SALES_URL) must name the Dynamics 365 organization when navsync.sales.sandbox=false"));
        return new SalesConnection(url, version);
    }

    /** Bounded pool for the parallel batches of a pass: when all are busy the reading thread writes too. */
    private static ExecutorService salesWriters(CamelContext camel, int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfile("salesWriters");
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(threads);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns);
        return camel.getExecutorServiceManager().newThreadPool(NavsyncConfiguration.class, "salesWriters", profile);
    }

    /**
     * Health of what navsync needs, in /observe/health: the NAV database, the state store, Sales
     * (signed in, WhoAmI). Camel's health registry picks up the checks bound in its bean registry.
     */
    private static void registerHealthChecks(org.apache.camel.spi.Registry registry, javax.sql.DataSource nav,
                                             StateStore store, SalesWebApi api) {
        registry.bind("navsync-health-nav-database",
                new navsync.monitoring.DependencyCheck("nav-database", () -> valid(nav, "NAV database")));
        registry.bind("navsync-health-state-store",
                new navsync.monitoring.DependencyCheck("state-store", () -> valid(store.dataSource(), "state store")));
        registry.bind("navsync-health-sales", new navsync.monitoring.DependencyCheck("sales", () -> {
            navsync.sales.SalesResponse whoAmI = api.get("WhoAmI");
            if (!whoAmI.isSuccess()) {
                throw new IllegalStateException("Sales WhoAmI answered " + whoAmI.status() + ": " + whoAmI.error());
            }
            return "signed in as user " + whoAmI.json().path("UserId").asText();
        }));
    }

    private static String valid(javax.sql.DataSource ds, String what) throws java.sql.SQLException {
        try (java.sql.Connection c = ds.getConnection()) {
            if (!c.isValid(5)) {
                throw new java.sql.SQLException(what + ": the connection is not valid");
            }
            return what + " reachable";
        }
    }
}
