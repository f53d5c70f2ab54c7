package navsync.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import navsync.sandbox.auth.AuthOptions;
import navsync.sandbox.limits.FaultOptions;
import navsync.sandbox.limits.LatencyOptions;
import navsync.sandbox.limits.ProtectionLimits;
import navsync.sandbox.schema.KeyDefinition;
import navsync.sandbox.service.ChangeTracking;

/**
 * How to start a {@link SalesSandbox}. Immutable; {@link #defaults()} then {@code with...} methods. Everything that
 * would surprise an existing caller (authentication, TLS, service protection, faults, latency, persistence) is off by
 * default.
 *
 * <ul>
 * <li>{@code host} interface to bind (default {@code 127.0.0.1}); {@code port} 0 picks a free one (default 0)</li>
 * <li>{@code threads} request-handling threads, also sent as {@code x-ms-dop-hint} (default 8); {@code backlog} TCP
 * accept backlog (default 256)</li>
 * <li>{@code seedData} whether to create the calling systemuser and the organization's base currency (USD), as every
 * real environment has them (default true); money columns then get {@code _transactioncurrencyid_value} and rows get
 * {@code _ownerid_value} pointing at existing rows</li>
 * <li>{@code demoData} adds the standalone demo rows: CRONUS salespeople as systemusers, currencies, a few accounts
 * (default false)</li>
 * <li>{@code alternateKeys} keys to define, e.g. {@code account:accountnumber} (default none, as in a new
 * environment [RETR])</li>
 * <li>{@code changeTrackingExpiryDays} ExpireChangeTrackingInDays (default 7 [CT])</li>
 * <li>{@code clock} the service's clock (createdon/modifiedon, token and delta-token ages; default UTC system)</li>
 * <li>{@code tls} serve HTTPS with a self-signed certificate made at start (default false)</li>
 * <li>{@code auth} require bearer tokens from the built-in token endpoint (default null: no authentication)</li>
 * <li>{@code protection} service protection limits (default null: none)</li>
 * <li>{@code faults} fault injection (default null: none)</li>
 * <li>{@code latency} latency model (default null: none)</li>
 * <li>{@code dataFile} load rows from this file at start and save them there while running and at close (default
 * null: memory only)</li>
 * </ul>
 */
public final class SandboxOptions {
    private String host = "127.0.0.1";
    private int port;
    private int threads = 8;
    private int backlog = 256;
    private boolean seedData = true;
    private boolean demoData;
    private List<KeyDefinition> alternateKeys = List.of();
    private int changeTrackingExpiryDays = ChangeTracking.DEFAULT_EXPIRY_DAYS;
    private Clock clock = Clock.systemUTC();
    private boolean tls;
    private AuthOptions auth;
    private ProtectionLimits protection;
    private FaultOptions faults;
    private LatencyOptions latency;
    private Path dataFile;
    private Duration saveInterval = Duration.ofSeconds(5);
    private java.util.Set<String> withoutBulkActions = java.util.Set.of();

    private SandboxOptions() {
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions();
    }

    private SandboxOptions copy() {
        SandboxOptions o = new SandboxOptions();
        o.host = host;
        o.port = port;
        o.threads = threads;
        o.backlog = backlog;
        o.seedData = seedData;
        o.demoData = demoData;
        o.alternateKeys = alternateKeys;
        o.changeTrackingExpiryDays = changeTrackingExpiryDays;
        o.clock = clock;
        o.tls = tls;
        o.auth = auth;
        o.protection = protection;
        o.faults = faults;
        o.latency = latency;
        o.dataFile = dataFile;
        o.saveInterval = saveInterval;
        o.withoutBulkActions = withoutBulkActions;
        return o;
    }

    public SandboxOptions withHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be set");
        }
        SandboxOptions o = copy();
        o.host = host;
        return o;
    }

    public SandboxOptions withPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        SandboxOptions o = copy();
        o.port = port;
        return o;
    }

    public SandboxOptions withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        SandboxOptions o = copy();
        o.threads = threads;
        return o;
    }

    public SandboxOptions withBacklog(int backlog) {
        if (backlog < 0) {
            throw new IllegalArgumentException("backlog must be >= 0: " + backlog);
        }
        SandboxOptions o = copy();
        o.backlog = backlog;
        return o;
    }

    public SandboxOptions withSeedData(boolean seedData) {
        SandboxOptions o = copy();
        o.seedData = seedData;
        return o;
    }

    /** The standalone demo rows (implies the seed rows). */
    public SandboxOptions withDemoData(boolean demoData) {
        SandboxOptions o = copy();
        o.demoData = demoData;
        return o;
    }

    /** Defines an alternate key, e.g. {@code withAlternateKey("account", "accountnumber")}. */
    public SandboxOptions withAlternateKey(String table, String... columns) {
        return withAlternateKey(new KeyDefinition(table, List.of(columns)));
    }

    public SandboxOptions withAlternateKey(KeyDefinition key) {
        SandboxOptions o = copy();
        List<KeyDefinition> keys = new ArrayList<>(alternateKeys);
        keys.add(key);
        o.alternateKeys = List.copyOf(keys);
        return o;
    }

    public SandboxOptions withChangeTrackingExpiryDays(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0: " + days);
        }
        SandboxOptions o = copy();
        o.changeTrackingExpiryDays = days;
        return o;
    }

    public SandboxOptions withClock(Clock clock) {
        SandboxOptions o = copy();
        o.clock = Objects.requireNonNull(clock);
        return o;
    }

    public SandboxOptions withTls(boolean tls) {
        SandboxOptions o = copy();
        o.tls = tls;
        return o;
    }

    /** Requires bearer tokens; null switches authentication off. */
    public SandboxOptions withAuth(AuthOptions auth) {
        SandboxOptions o = copy();
        o.auth = auth;
        return o;
    }

    /** Service protection limits; null switches them off. */
    public SandboxOptions withProtection(ProtectionLimits protection) {
        SandboxOptions o = copy();
        o.protection = protection;
        return o;
    }

    /** Fault injection; null switches it off. */
    public SandboxOptions withFaults(FaultOptions faults) {
        SandboxOptions o = copy();
        o.faults = faults;
        return o;
    }

    /** A latency model; null switches it off. */
    public SandboxOptions withLatency(LatencyOptions latency) {
        SandboxOptions o = copy();
        o.latency = latency;
        return o;
    }

    /** Persists rows to {@code file} (loaded at start if it exists); null keeps them in memory only. */
    public SandboxOptions withDataFile(Path file) {
        SandboxOptions o = copy();
        o.dataFile = file;
        return o;
    }

    /**
     * Tables (logical names, e.g. {@code product}) without CreateMultiple / UpdateMultiple / UpsertMultiple, as
     * Dataverse has them "for many common standard tables, but not all" [BULK]: {@code sdkmessagefilters} does not
     * list them and the actions answer 400.
     */
    public SandboxOptions withoutBulkActions(String... tables) {
        SandboxOptions o = copy();
        o.withoutBulkActions = java.util.Set.of(tables);
        return o;
    }

    public java.util.Set<String> withoutBulkActions() {
        return withoutBulkActions;
    }

    /** How often changed rows are saved to the data file while running (default 5 s). */
    public SandboxOptions withSaveInterval(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("saveInterval must be positive");
        }
        SandboxOptions o = copy();
        o.saveInterval = interval;
        return o;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public int threads() {
        return threads;
    }

    public int backlog() {
        return backlog;
    }

    public boolean seedData() {
        return seedData || demoData;
    }

    public boolean demoData() {
        return demoData;
    }

    public List<KeyDefinition> alternateKeys() {
        return alternateKeys;
    }

    public int changeTrackingExpiryDays() {
        return changeTrackingExpiryDays;
    }

    public Clock clock() {
        return clock;
    }

    public boolean tls() {
        return tls;
    }

    public AuthOptions auth() {
        return auth;
    }

    public ProtectionLimits protection() {
        return protection;
    }

    public FaultOptions faults() {
        return faults;
    }

    public LatencyOptions latency() {
        return latency;
    }

    public Path dataFile() {
        return dataFile;
    }

    public Duration saveInterval() {
        return saveInterval;
    }
}
