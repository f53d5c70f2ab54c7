package navsync.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import navsync.sandbox.http.RequestCounters;
import navsync.sandbox.http.Router;
import navsync.sandbox.json.RowWriter;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.schema.StandardSchema;
import navsync.sandbox.service.EntityService;
import navsync.sandbox.service.Identity;
import navsync.sandbox.service.SeedData;
import navsync.sandbox.store.DataStore;
import navsync.sandbox.store.Row;

/**
 * The Sales sandbox: an in-process emulator of the Dataverse Web API v9.2 (accounts, contacts, systemusers,
 * transactioncurrencies, products) on the JDK HTTP server, following {@code reference/dataverse-webapi.md}.
 * Thread-safe; data lives in memory.
 *
 * <pre>
 * try (SalesSandbox sales = SalesSandbox.start(SandboxOptions.defaults())) {
 *     String webApi = sales.organizationUrl() + "/api/data/v9.2/";
 *     ...
 * }
 * </pre>
 */
public final class SalesSandbox implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final DataStore store;
    private final EntityService service;
    private final RequestCounters counters;
    private final String organizationUrl;
    private final boolean seeded;

    private SalesSandbox(HttpServer server, ExecutorService pool, DataStore store, EntityService service,
                         RequestCounters counters, String organizationUrl, boolean seeded) {
        this.server = server;
        this.pool = pool;
        this.store = store;
        this.service = service;
        this.counters = counters;
        this.organizationUrl = organizationUrl;
        this.seeded = seeded;
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
        DataStore store = new DataStore(StandardSchema.create());
        Identity identity = SeedData.identity(options.seedData());
        EntityService service = new EntityService(store, identity, Clock.systemUTC());
        if (options.seedData()) {
            SeedData.seed(store, service);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), options.backlog());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the Sales sandbox to " + options.host() + ":" + options.port(), e);
        }
        String host = options.host().equals("0.0.0.0") || options.host().equals("::") ? "127.0.0.1" : options.host();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        String organizationUrl = "http://" + host + ":" + server.getAddress().getPort();
        RequestCounters counters = new RequestCounters();
        server.createContext("/", new Router(store, service, identity, organizationUrl, options.threads(), counters));
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(options.threads(), options.threads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "sales-sandbox-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        server.setExecutor(pool);
        server.start();
        return new SalesSandbox(server, pool, store, service, counters, organizationUrl, options.seedData());
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
        return seeded ? Optional.of(SeedData.BASE_CURRENCY_ID) : Optional.empty();
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

    /** Removes all rows (and re-creates the seed rows when seeding is on). Counters are kept. */
    public void clearData() {
        store.clear();
        if (seeded) {
            SeedData.seed(store, service);
        }
    }

    private EntityType type(String entitySetName) {
        EntityType type = store.schema().byEntitySet(entitySetName);
        if (type == null) {
            throw new IllegalArgumentException("the sandbox has no entity set '" + entitySetName + "'");
        }
        return type;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    /** Standalone: {@code --port N} (default 8181), {@code --host H} (default 127.0.0.1), {@code --threads N}. */
    public static void main(String[] args) throws InterruptedException {
        SandboxOptions options = SandboxOptions.defaults().withPort(8181);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length && !a.equals("--help")) {
                usage("missing value for " + a);
            }
            switch (a) {
                case "--port" -> options = options.withPort(Integer.parseInt(args[++i]));
                case "--host" -> options = options.withHost(args[++i]);
                case "--threads" -> options = options.withThreads(Integer.parseInt(args[++i]));
                case "--help" -> usage(null);
                default -> usage("unknown option " + a);
            }
        }
        SalesSandbox sandbox = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sales-sandbox-shutdown"));
        System.out.println(sandbox.organizationUrl());
        System.out.println("Sales sandbox (Dataverse Web API emulator) listening; Web API root "
                + sandbox.webApiUrl() + " - Ctrl+C stops it.");
        stopped.await();
    }

    private static void usage(String error) {
        if (error != null) {
            System.err.println(error);
        }
        System.err.println("usage: SalesSandbox [--port N (default 8181)] [--host H] [--threads N]");
        System.exit(error == null ? 0 : 2);
    }
}
