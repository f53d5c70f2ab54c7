package navsync.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import navsync.sandbox.auth.Authenticator;
import navsync.sandbox.auth.IdentityEndpoint;
import navsync.sandbox.auth.SelfSignedCertificate;
import navsync.sandbox.auth.TokenService;
import navsync.sandbox.http.ApiHandler;
import navsync.sandbox.http.HttpFront;
import navsync.sandbox.http.RequestCounters;
import navsync.sandbox.http.Router;
import navsync.sandbox.json.RowWriter;
import navsync.sandbox.limits.FaultInjector;
import navsync.sandbox.limits.LatencyModel;
import navsync.sandbox.limits.ServiceProtection;
import navsync.sandbox.odata.EntityKeys;
import navsync.sandbox.persist.DataFile;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.schema.StandardSchema;
import navsync.sandbox.service.ChangeTracking;
import navsync.sandbox.service.DemoData;
import navsync.sandbox.service.EntityService;
import navsync.sandbox.service.Identity;
import navsync.sandbox.service.SeedData;
import navsync.sandbox.store.DataStore;
import navsync.sandbox.store.Row;

/**
 * The Sales sandbox: an in-process emulator of the Dataverse Web API v9.2 (accounts, contacts, systemusers,
 * transactioncurrencies, products) on the JDK HTTP server, following {@code reference/dataverse-webapi.md}.
 * Thread-safe; data lives in memory (optionally saved to a file).
 *
 * <pre>
 * try (SalesSandbox sales = SalesSandbox.start(SandboxOptions.defaults())) {
 *     String webApi = sales.organizationUrl() + "/api/data/v9.2/";
 *     ...
 * }
 * </pre>
 *
 * Alone: {@code java -cp ... navsync.sandbox.SalesSandbox --port 8181} (see {@link SandboxCommand} and
 * {@code docs/sandbox.md}).
 */
public final class SalesSandbox implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final DataStore store;
    private final EntityService service;
    private final RequestCounters counters;
    private final String organizationUrl;
    private final SandboxOptions options;
    private final SelfSignedCertificate certificate;
    private final TokenService tokens;
    private final ScheduledExecutorService saver;

    private SalesSandbox(Builder b) {
        this.server = b.server;
        this.pool = b.pool;
        this.store = b.store;
        this.service = b.service;
        this.counters = b.counters;
        this.organizationUrl = b.organizationUrl;
        this.options = b.options;
        this.certificate = b.certificate;
        this.tokens = b.tokens;
        this.saver = b.saver;
    }

    /** The parts made while starting. */
    private static final class Builder {
        HttpServer server;
        ExecutorService pool;
        DataStore store;
        EntityService service;
        RequestCounters counters;
        String organizationUrl;
        SandboxOptions options;
        SelfSignedCertificate certificate;
        TokenService tokens;
        ScheduledExecutorService saver;
    }

    /** {@link #start(SandboxOptions)} with {@link SandboxOptions#defaults()}: 127.0.0.1, a free port. */
    public static SalesSandbox start() {
        return start(SandboxOptions.defaults());
    }

    /** Binds {@code options.host():options.port()} (0 = any free port) and starts serving. */
    public static SalesSandbox start(SandboxOptions options) {
        // The JDK server leaves Nagle on by default, which adds ~40 ms to small responses on Linux.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Builder b = new Builder();
        b.options = options;
        b.store = new DataStore(StandardSchema.create(options.alternateKeys()));
        Identity identity = SeedData.identity(options.seedData());
        b.service = new EntityService(b.store, identity, options.clock());
        if (options.dataFile() == null || !DataFile.loadIfExists(b.store, options.dataFile())) {
            populate(b.store, b.service, options);
        }
        boolean wildcard = options.host().equals("0.0.0.0") || options.host().equals("::");
        b.certificate = options.tls() ? SelfSignedCertificate.generate(certificateNames(options.host(), wildcard)) : null;
        b.server = bind(options, b.certificate);
        String host = wildcard ? "127.0.0.1" : options.host();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        b.organizationUrl = (options.tls() ? "https" : "http") + "://" + host + ":" + b.server.getAddress().getPort();
        b.counters = new RequestCounters();
        Router router = new Router(b.store, b.service, identity,
                new ChangeTracking(b.store, options.clock(), options.changeTrackingExpiryDays()), options.withoutBulkActions());
        ApiHandler webApi = router;
        if (options.latency() != null) {
            webApi = new LatencyModel(options.latency(), webApi);
        }
        if (options.protection() != null) {
            webApi = new ServiceProtection(options.protection(), webApi);
        }
        if (options.faults() != null) {
            webApi = new FaultInjector(options.faults(), webApi);
        }
        ApiHandler identityEndpoint = request -> null;
        if (options.auth() != null) {
            b.tokens = new TokenService(options.auth(), b.organizationUrl, SeedData.CALLER_OBJECT_ID, options.clock());
            webApi = new Authenticator(b.tokens, b.organizationUrl, webApi);
            identityEndpoint = new IdentityEndpoint(b.tokens, b.organizationUrl);
        }
        b.server.createContext("/", new HttpFront(webApi, identityEndpoint, router, b.organizationUrl,
                options.threads(), b.counters));
        AtomicInteger n = new AtomicInteger();
        b.pool = new ThreadPoolExecutor(options.threads(), options.threads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, "sales-sandbox-" + n.incrementAndGet()));
        b.server.setExecutor(b.pool);
        b.server.start();
        if (options.dataFile() != null) {
            b.saver = saveEvery(b.store, options);
        }
        return new SalesSandbox(b);
    }

    private static void populate(DataStore store, EntityService service, SandboxOptions options) {
        if (options.seedData()) {
            String clientId = options.auth() == null ? null : options.auth().clientId();
            SeedData.seed(store, service, clientId != null && isGuid(clientId) ? clientId : null);
        }
        if (options.demoData()) {
            DemoData.add(store, service);
        }
    }

    private static boolean isGuid(String s) {
        return EntityKeys.parseGuid(s.toLowerCase(Locale.ROOT)) != null;
    }

    /** The names the certificate is valid for besides localhost: the bound host, or this machine's name. */
    private static List<String> certificateNames(String host, boolean wildcard) {
        if (!wildcard) {
            return List.of(host);
        }
        try {
            return List.of(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    private static HttpServer bind(SandboxOptions options, SelfSignedCertificate certificate) {
        InetSocketAddress address = new InetSocketAddress(options.host(), options.port());
        try {
            if (certificate == null) {
                return HttpServer.create(address, options.backlog());
            }
            HttpsServer https = HttpsServer.create(address, options.backlog());
            https.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
            return https;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the Sales sandbox to " + options.host() + ":" + options.port(), e);
        }
    }

    /** Saves the rows every {@code saveInterval} when something changed since the last save. */
    private static ScheduledExecutorService saveEvery(DataStore store, SandboxOptions options) {
        ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sales-sandbox-save"));
        AtomicLong saved = new AtomicLong(store.currentVersion());
        long every = options.saveInterval().toMillis();
        saver.scheduleWithFixedDelay(() -> {
            long version = store.currentVersion();
            if (version != saved.get()) {
                DataFile.save(store, options.dataFile());
                saved.set(version);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return saver;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** e.g. {@code http://127.0.0.1:41234}; the Web API root is this plus {@code /api/data/v9.2/}. */
    public String organizationUrl() {
        return organizationUrl;
    }

    /** {@code organizationUrl() + "/api/data/v9.2/"}. */
    public String webApiUrl() {
        return organizationUrl + "/api/data/v9.2/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** HTTP requests served since start or the last {@link #resetCounters()} (all methods and paths). */
    public long requestCount() {
        return counters.requests();
    }

    /** POST/PATCH/PUT/DELETE requests since start or the last {@link #resetCounters()}. */
    public long writeRequestCount() {
        return counters.writes();
    }

    public void resetCounters() {
        counters.reset();
    }

    /** The id of the calling user (WhoAmI's UserId; default owner of new rows). */
    public UUID callerUserId() {
        return SeedData.CALLER_USER_ID;
    }

    /** The seeded base currency (USD), unless seeding is off. */
    public Optional<UUID> baseCurrencyId() {
        return options.seedData() ? Optional.of(SeedData.BASE_CURRENCY_ID) : Optional.empty();
    }

    /**
     * The authority to give MSAL, {@code <organization URL>/<tenant>} (empty without authentication). MSAL for Java
     * needs it to be {@code https} ({@link SandboxOptions#withTls}); see {@code docs/sandbox.md}.
     */
    public Optional<String> authority() {
        return tokens == null ? Optional.empty() : Optional.of(organizationUrl + "/" + tokens.options().tenant());
    }

    /** The token endpoint, {@code <authority>/oauth2/v2.0/token} (empty without authentication). */
    public Optional<String> tokenEndpoint() {
        return authority().map(a -> a + "/oauth2/v2.0/token");
    }

    /** A fresh access token, as the token endpoint would issue it (tests that don't exercise the token flow). */
    public String accessToken() {
        if (tokens == null) {
            throw new IllegalStateException("authentication is off");
        }
        return tokens.issue();
    }

    /** The self-signed TLS certificate (empty without TLS). */
    public Optional<X509Certificate> certificate() {
        return Optional.ofNullable(certificate).map(SelfSignedCertificate::certificate);
    }

    /** The certificate as PEM, for curl's {@code --cacert} (empty without TLS). */
    public Optional<String> certificatePem() {
        return Optional.ofNullable(certificate).map(SelfSignedCertificate::pem);
    }

    /** An SSLContext that trusts the sandbox's certificate, for HTTP clients and MSAL (empty without TLS). */
    public Optional<SSLContext> clientSslContext() {
        return Optional.ofNullable(certificate).map(SelfSignedCertificate::clientContext);
    }

    /**
     * Snapshot copies of all rows of an entity set in primary-key order, as the Web API returns them without $select: {@code @odata.etag},
     * then every column (nulls included), lookups as {@code _x_value} GUID strings, DateTime as ISO strings without
     * fraction, money as BigDecimal with scale 4, GUIDs as strings.
     *
     * @throws IllegalArgumentException for an entity set the sandbox doesn't serve
     */
    public List<Map<String, Object>> rows(String entitySetName) {
        EntityType type = type(entitySetName);
        List<Row> snapshot = new ArrayList<>();
        store.table(type).scan(null, false, snapshot::add);
        List<Map<String, Object>> out = new ArrayList<>(snapshot.size());
        for (Row row : snapshot) {
            out.add(RowWriter.toMap(type, row));
        }
        return out;
    }

    public Optional<Map<String, Object>> row(String entitySetName, UUID id) {
        EntityType type = type(entitySetName);
        Row row = store.table(type).get(id);
        return row == null ? Optional.empty() : Optional.of(RowWriter.toMap(type, row));
    }

    /** Number of rows in an entity set (cheap; no copies). */
    public int rowCount(String entitySetName) {
        return store.table(type(entitySetName)).size();
    }

    /** Removes all rows (and re-creates the seed and demo rows when those are on). Counters are kept. */
    public void clearData() {
        store.clear();
        store.nextVersion(); // marks the store changed for the data file
        populate(store, service, options);
    }

    /** Writes the rows to the data file now (no-op without one). */
    public void save() {
        if (options.dataFile() != null) {
            DataFile.save(store, options.dataFile());
        }
    }

    private EntityType type(String entitySetName) {
        EntityType type = store.schema().byEntitySet(entitySetName);
        if (type == null) {
            throw new IllegalArgumentException("the sandbox has no entity set '" + entitySetName + "'");
        }
        return type;
    }

    /** Stops serving; with a data file, saves the rows a last time. */
    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        if (saver != null) {
            saver.shutdown();
            try {
                saver.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            save();
        }
    }

    /** Standalone; see {@link SandboxCommand} for the options. */
    public static void main(String[] args) throws InterruptedException {
        SandboxCommand.main(args);
    }
}
