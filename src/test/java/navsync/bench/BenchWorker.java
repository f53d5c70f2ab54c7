package navsync.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavSchema;
import navsync.state.StateStore;
import navsync.state.SyncJob;
import navsync.sync.SynchronizationService;
import navsync.testing.NavsyncTestApp;

/**
 * One measured JVM of the benchmark ({@link ThroughputBenchmark} starts one per measurement, with the
 * heap it needs): runs one scenario against its own Sales sandbox and writes its figures as JSON.
 * <ul>
 * <li>{@code navsync}: the whole application (camel-main, YAML routes, state store, Web API client) on
 * a copy of a NAV database; an initial NAV -> Sales pass, then optionally incremental passes over
 * {@code --changed} rows edited in NAV, then optionally a Sales -> NAV pass over {@code --sales-changed}
 * rows edited in Sales;</li>
 * <li>{@code per-record}: {@link PerRecordWriter} over the same rows;</li>
 * <li>{@code ceiling}: {@link BulkCeiling} over the same rows.</li>
 * </ul>
 */
public final class BenchWorker {

    static final List<String> FLAGS = List.of("protection", "sandbox-in-process");

    private BenchWorker() {
    }

    private static ObjectNode result;
    private static Path resultFile;

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args, FLAGS);
        result = Bench.object();
        result.put("scenario", o.text("scenario", "navsync"));
        resultFile = Path.of(o.text("result", "target/bench/result.json"));
        int exit = 0;
        try {
            switch (o.text("scenario", "navsync")) {
                case "navsync" -> navsync(o, result);
                case "per-record" -> perRecord(o, result);
                case "ceiling" -> ceiling(o, result);
                default -> throw new IllegalArgumentException("unknown --scenario " + o.text("scenario", ""));
            }
            result.put("ok", true);
        } catch (Throwable e) {
            e.printStackTrace();
            result.put("ok", false);
            result.put("error", e.toString());
            exit = e instanceof OutOfMemoryError ? 3 : 1;
        }
        finishNow(exit);
    }

    /** Writes the result and stops the JVM at once (a pass left running at its deadline would hold a normal exit). */
    private static void finishNow(int exit) throws java.io.IOException {
        Files.createDirectories(resultFile.toAbsolutePath().getParent());
        PayloadMapper.JSON.writerWithDefaultPrettyPrinter().writeValue(resultFile.toFile(), result);
        System.out.flush();
        for (jdk.jfr.Recording r : jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings()) {
            if (r.getState() == jdk.jfr.RecordingState.RUNNING && r.getDestination() != null) {
                r.stop(); // writes --jfr's file, which halt would skip
            }
        }
        Runtime.getRuntime().halt(exit);
    }

    // --- navsync -------------------------------------------------------------------------------

    private static void navsync(Options o, ObjectNode result) throws Exception {
        Path work = Path.of(o.text("work", "target/bench/work"));
        Path nav = NavFixture.copyTo(Path.of(o.text("nav-db", "")), work);
        int tableSize = o.integer("table", 0);
        long seed = Long.parseLong(o.text("seed", "42"));
        SandboxSpec spec = SandboxSpec.parse(o);
        result.put("tableRows", tableSize);
        result.put("sandbox", spec.describe());
        try (BenchSandbox sandbox = startSandbox(o, spec, work);
             State state = State.open(o, work)) {
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("navsync.nav.url", NavFixture.jdbcUrl(nav));
            overrides.put("navsync.nav.user", "sa");
            overrides.put("navsync.state.url", state.url());
            overrides.put("navsync.state.user", state.user());
            overrides.put("navsync.sales.sandbox", "false");
            overrides.put("navsync.sales.url", sandbox.organizationUrl());
            overrides.put("navsync.schedules.enabled", "false");
            for (String kv : o.text("set", "").split(",")) {
                if (kv.contains("=")) {
                    overrides.put(kv.substring(0, kv.indexOf('=')).trim(), kv.substring(kv.indexOf('=') + 1).trim());
                }
            }
            ObjectNode settings = result.putObject("navsyncSettings");
            overrides.forEach((k, v) -> {
                if (!k.equals("navsync.sales.url")) {
                    settings.put(k, v);
                }
            });
            long startApp = System.nanoTime();
            try (NavsyncTestApp app = NavsyncTestApp.start(work, overrides)) {
                result.put("appStartSeconds", Bench.seconds(System.nanoTime() - startApp));
                Lookups.couple(app); // salespeople and currencies, as a configured organization has them
                SalesClient sales = new SalesClient(sandbox.organizationUrl());

                String setup = o.text("setup", "navsync");
                if (setup.equals("seed")) {
                    Bench.log("navsync: setup, the state of a finished initial pass seeded in bulk (%,d-row table)", tableSize);
                    NavSchema schema = new NavSchema(app.nav(), NavFixture.COMPANY);
                    IntegrationTableMapping mapping = NavFixture.customerMapping(schema);
                    long t0 = System.nanoTime();
                    long seeded = new StateSeeder(NavFixture.payloads(schema, Lookups.fromStore(app.store())))
                            .seed(app.nav(), schema, app.store(), sales);
                    ObjectNode s = result.putObject("setup");
                    s.put("kind", "seeded in bulk").put("records", seeded).put("seconds", Bench.seconds(System.nanoTime() - t0));
                    // the check: rows re-saved in NAV without a change must be found unchanged by navsync
                    List<String> same = NavFixture.touch(app.nav(), tableSize, 50, seed * 7919, true);
                    ObjectNode check = s.putObject("check");
                    SyncJob job = timedPass(app, Direction.ToIntegrationTable, check, false, 0);
                    if (job.counters().unchanged() != same.size() || job.counters().total() != same.size()) {
                        throw new IllegalStateException("seeded state differs from navsync's: " + same.size()
                                + " rows re-saved unchanged gave " + job.message());
                    }
                    Bench.log("  seeded %,d records in %.1f s; check passed (%d re-saved rows unchanged)", seeded,
                            s.get("seconds").asDouble(), same.size());
                } else {
                    Bench.log("navsync: initial NAV -> Sales pass over a table of %,d synthetic customers", tableSize);
                    ObjectNode initial = result.putObject("initial");
                    SyncJob job = timedPass(app, Direction.ToIntegrationTable, initial, true,
                            o.decimal("deadline-minutes", 0));
                    long accounts = sales.countRows("accounts", "accountid");
                    initial.put("accountsInSales", accounts);
                    if (job.counters().failed() > 0 || accounts < job.counters().inserted()) {
                        throw new IllegalStateException("initial pass incomplete: " + job.message() + "; accounts " + accounts);
                    }
                }

                int changed = o.integer("changed", 0);
                int repeat = o.integer("repeat", 5);
                if (changed > 0) {
                    int warmup = o.integer("warmup", 3);
                    for (int w = 1; w <= warmup; w++) { // the JIT settles before the passes that count
                        NavFixture.touch(app.nav(), tableSize, changed, seed * 1000 - w);
                        timedPass(app, Direction.ToIntegrationTable, Bench.object(), false, 0);
                    }
                    ArrayNode runs = result.putObject("incremental").put("changed", changed).put("warmupPasses", warmup)
                            .putArray("runs");
                    List<Double> times = new ArrayList<>();
                    for (int r = 1; r <= repeat; r++) {
                        List<String> keys = NavFixture.touch(app.nav(), tableSize, changed, seed * 1000 + r);
                        ObjectNode run = runs.addObject();
                        SyncJob inc = timedPass(app, Direction.ToIntegrationTable, run, false, 0);
                        run.put("edited", keys.size());
                        if (inc.counters().modified() != keys.size() || inc.counters().failed() > 0) {
                            throw new IllegalStateException("incremental pass modified " + inc.counters().modified()
                                    + " of " + keys.size() + " edited rows: " + inc.message());
                        }
                        times.add(run.get("seconds").asDouble());
                    }
                    ObjectNode inc = (ObjectNode) result.get("incremental");
                    inc.put("medianSeconds", Bench.median(times));
                    inc.put("minSeconds", times.stream().mapToDouble(d -> d).min().orElse(Double.NaN));
                    inc.put("maxSeconds", times.stream().mapToDouble(d -> d).max().orElse(Double.NaN));
                    // nothing changed: the cost of a pass that finds no work
                    ObjectNode idle = result.putObject("idlePass");
                    timedPass(app, Direction.ToIntegrationTable, idle, false, 0);
                }

                int salesChanged = o.integer("sales-changed", 0);
                if (salesChanged > 0) {
                    Bench.log("navsync: first Sales -> NAV pass (sets its watermark; every account unchanged)");
                    timedPass(app, Direction.FromIntegrationTable, result.putObject("salesToNavFirstPass"), false, 0);
                    List<UUID> ids = salesIds(app.store().dataSource(), salesChanged);
                    Bench.log("navsync: editing %,d accounts in Sales (UpsertMultiple, not timed)", ids.size());
                    editInSales(sales, ids, seed);
                    Thread.sleep(1100); // modifiedon has whole seconds
                    Bench.log("navsync: Sales -> NAV pass over %,d accounts edited in Sales", ids.size());
                    ObjectNode s2n = result.putObject("salesToNav");
                    s2n.put("edited", ids.size());
                    SyncJob from = timedPass(app, Direction.FromIntegrationTable, s2n, true, 0);
                    if (from.counters().modified() < ids.size() || from.counters().failed() > 0) {
                        throw new IllegalStateException("Sales -> NAV pass modified " + from.counters().modified()
                                + " of " + ids.size() + " edited accounts: " + from.message());
                    }
                }
            }
        }
    }

    /**
     * Runs one pass and records its wall time, counters, progress (every 5 s) and optionally the heap
     * while it ran. With a deadline (minutes, 0 = none) a pass still running then is left unfinished:
     * its partial figures are recorded, {@code completed} is false, and null is returned.
     */
    private static SyncJob timedPass(NavsyncTestApp app, Direction pass, ObjectNode out, boolean heap, double deadlineMinutes)
            throws Exception {
        HeapMeter meter = heap ? HeapMeter.start() : null;
        out.put("startedAt", java.time.Instant.now().toString());
        long t0 = System.nanoTime();
        SynchronizationService.Started started = app.synchronization().start(NavFixture.MAPPING, pass);
        ArrayNode progress = out.putArray("progress");
        long deadline = deadlineMinutes > 0 ? t0 + (long) (deadlineMinutes * 60e9) : Long.MAX_VALUE;
        long lastLog = t0;
        long lastLogRecords = 0;
        List<UUID> ids = null;
        while (ids == null) {
            try {
                ids = started.done().get(5, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                int done = app.store().jobs().find(started.jobId()).map(j -> j.counters().total()).orElse(0);
                progress.addArray().add(Math.round(Bench.seconds(now - t0))).add(done);
                if (now - lastLog >= 30e9) {
                    Bench.log("  ... %,d records after %.0f s (%,.0f records/s over the last %.0f s)", done,
                            Bench.seconds(now - t0), (done - lastLogRecords) / Bench.seconds(now - lastLog),
                            Bench.seconds(now - lastLog));
                    lastLog = now;
                    lastLogRecords = done;
                }
                if (now > deadline) {
                    double seconds = Bench.seconds(now - t0);
                    out.put("completed", false);
                    out.put("seconds", seconds);
                    out.put("records", done);
                    out.put("recordsPerSecond", done / seconds);
                    out.put("status", "unfinished after the deadline of " + deadlineMinutes + " min");
                    if (meter != null) {
                        Bench.heap(out, meter.stop());
                    }
                    Bench.log("  deadline: %,d records in %.0f s, pass left unfinished", done, seconds);
                    result.put("ok", true);
                    finishNow(0);
                    return null;
                }
            }
        }
        long t1 = System.nanoTime();
        out.put("endedAt", java.time.Instant.now().toString());
        HeapMeter.Peak peak = meter == null ? null : meter.stop();
        SyncJob job = app.store().jobs().find(ids.get(0)).orElseThrow();
        double seconds = Bench.seconds(t1 - t0);
        out.put("completed", true);
        out.put("seconds", seconds);
        out.put("records", job.counters().total());
        out.put("recordsPerSecond", job.counters().total() / seconds);
        out.put("inserted", job.counters().inserted());
        out.put("modified", job.counters().modified());
        out.put("unchanged", job.counters().unchanged());
        out.put("skipped", job.counters().skipped());
        out.put("failed", job.counters().failed());
        out.put("status", job.status());
        out.put("summary", job.message());
        if (peak != null) {
            Bench.heap(out, peak);
        }
        Bench.log("  %s: %,d records in %.3f s (%,.0f records/s)%s", pass, job.counters().total(), seconds,
                job.counters().total() / seconds, peak == null ? ""
                        : String.format(java.util.Locale.ROOT, ", peak heap %,d MB used / %,d MB after GC (max %,d MB)",
                        peak.usedBytes() >> 20, peak.afterGcBytes() >> 20, peak.maxBytes() >> 20));
        if (!SyncJob.SUCCEEDED.equals(job.status())) {
            throw new IllegalStateException(pass + " job " + job.status() + ": " + job.message());
        }
        return job;
    }

    private static List<UUID> salesIds(DataSource state, int count) throws SQLException {
        List<UUID> ids = new ArrayList<>(count);
        try (Connection c = state.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sales_id FROM coupling WHERE mapping_name = ? ORDER BY nav_key")) {
            ps.setString(1, NavFixture.MAPPING);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && ids.size() < count) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** A Sales user's edit of many accounts: a new telephone1, sent as UpsertMultiple of 500 on 4 connections. */
    private static void editInSales(SalesClient sales, List<UUID> ids, long seed) throws Exception {
        java.util.Random random = new java.util.Random(seed);
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            ObjectNode root = Bench.object();
            ArrayNode targets = root.putArray("Targets");
            for (UUID id : ids.subList(from, Math.min(ids.size(), from + 500))) {
                targets.addObject().put("@odata.type", "Microsoft.Dynamics.CRM.account").put("accountid", id.toString())
                        .put("telephone1", String.format("+1 555 %04d %04d", random.nextInt(10_000), random.nextInt(10_000)));
            }
            bodies.add(PayloadMapper.bytes(root));
        }
        BulkCeiling.send(sales, "accounts/Microsoft.Dynamics.CRM.UpsertMultiple", bodies, 4);
    }

    // --- per-record and ceiling -------------------------------------------------------------------

    private static void perRecord(Options o, ObjectNode result) throws Exception {
        Path work = Path.of(o.text("work", "target/bench/work"));
        Path navBase = NavFixture.copyTo(Path.of(o.text("nav-db", "")), work);
        SandboxSpec spec = SandboxSpec.parse(o);
        result.put("sandbox", spec.describe());
        try (BenchSandbox sandbox = startSandbox(o, spec, work);
             State state = State.open(o, work);
             StateStore store = StateStore.open(state.url(), state.user(), null, 2)) {
            DataSource nav = NavFixture.dataSource(navBase);
            NavSchema schema = new NavSchema(nav, NavFixture.COMPANY);
            IntegrationTableMapping mapping = NavFixture.customerMapping(schema);
            PerRecordWriter writer = new PerRecordWriter(new SalesClient(sandbox.organizationUrl()), store,
                    NavFixture.payloads(schema, Lookups.demo()));
            int limit = o.integer("limit", Integer.MAX_VALUE);
            Bench.log("per-record writer: one PATCH and one state-store commit per record%s",
                    limit == Integer.MAX_VALUE ? "" : String.format(" (first %,d records)", limit));
            double minutes = o.decimal("deadline-minutes", 0);
            PerRecordWriter.Result r = writer.run(nav, schema, limit,
                    minutes > 0 ? System.nanoTime() + (long) (minutes * 60e9) : System.nanoTime() + Long.MAX_VALUE / 2);
            result.put("stoppedEarly", r.records() < BulkCeiling.count(nav, schema, mapping) && limit == Integer.MAX_VALUE);
            result.put("records", r.records());
            result.put("seconds", r.seconds());
            result.put("recordsPerSecond", r.records() / r.seconds());
            result.put("requests", r.requests());
            result.put("commits", r.commits());
            Bench.log("  per-record: %,d records in %.1f s (%,.0f records/s)", r.records(), r.seconds(),
                    r.records() / r.seconds());
        }
    }

    private static void ceiling(Options o, ObjectNode result) throws Exception {
        Path work = Path.of(o.text("work", "target/bench/work"));
        Path navBase = NavFixture.copyTo(Path.of(o.text("nav-db", "")), work);
        SandboxSpec spec = SandboxSpec.parse(o);
        result.put("sandbox", spec.describe());
        DataSource nav = NavFixture.dataSource(navBase);
        NavSchema schema = new NavSchema(nav, NavFixture.COMPANY);
        IntegrationTableMapping mapping = NavFixture.customerMapping(schema);
        int batchSize = o.integer("batch-size", mapping.batchSize());
        List<byte[]> bodies = BulkCeiling.bodies(nav, schema, NavFixture.payloads(schema, Lookups.demo()), batchSize);
        int records = BulkCeiling.lastRecordCount();
        result.put("records", records);
        result.put("batchSize", batchSize);
        result.put("requests", bodies.size());
        ArrayNode runs = result.putArray("runs");
        double best = 0;
        for (String p : o.text("parallel", "4").split(",")) {
            int parallel = Integer.parseInt(p.trim());
            try (BenchSandbox sandbox = startSandbox(o, spec, work.resolve("p" + parallel))) {
                SalesClient sales = new SalesClient(sandbox.organizationUrl());
                Bench.log("bulk ceiling: %,d pre-built UpsertMultiple requests of %d rows, %d in flight", bodies.size(),
                        batchSize, parallel);
                double seconds = BulkCeiling.send(sales, mapping.entity().entitySet() + "/Microsoft.Dynamics.CRM.UpsertMultiple",
                        bodies, parallel);
                long accounts = sales.countRows("accounts", "accountid");
                if (accounts < records) {
                    throw new IllegalStateException("the sandbox holds " + accounts + " accounts after " + records + " upserts");
                }
                ObjectNode run = runs.addObject();
                run.put("parallel", parallel);
                run.put("seconds", seconds);
                run.put("recordsPerSecond", records / seconds);
                best = Math.max(best, records / seconds);
                Bench.log("  ceiling, %d in flight: %,d records in %.2f s (%,.0f records/s)", parallel, records, seconds,
                        records / seconds);
            }
        }
        result.put("recordsPerSecond", best);
    }

    private static BenchSandbox startSandbox(Options o, SandboxSpec spec, Path work) {
        List<String> jvm = new ArrayList<>();
        String jfr = o.text("sandbox-jfr", "");
        if (!jfr.isEmpty()) {
            jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        return BenchSandbox.start(spec, !o.flag("sandbox-in-process"), o.text("sandbox-heap", "4g"),
                work.resolve("sandbox.log"), jvm);
    }

    /** The state store of a run: an H2 file in the run's folder (navsync's default), or a fresh PostgreSQL schema. */
    record State(String url, String user, String schema, String adminUrl) implements AutoCloseable {

        static State open(Options o, Path work) throws SQLException {
            String kind = o.text("state", "h2");
            if (kind.equals("h2")) {
                // as navsync's default store (NavsyncConfiguration): a commit is on disk when it returns
                return new State("jdbc:h2:file:" + work.toAbsolutePath().resolve("state") + ";WRITE_DELAY=0", "sa", null,
                        null);
            }
            if (!kind.equals("postgres")) {
                throw new IllegalArgumentException("--state is h2 or postgres, not " + kind);
            }
            String admin = o.text("postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = o.text("postgres-user", "postgres");
            String schema = "navsync_bench_" + ProcessHandle.current().pid();
            try (Connection c = DriverManager.getConnection(admin, user, null); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                s.execute("CREATE SCHEMA " + schema);
            }
            return new State(admin + (admin.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, schema, admin);
        }

        @Override
        public void close() {
            if (schema == null) {
                return;
            }
            try (Connection c = DriverManager.getConnection(adminUrl, user, null); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException ignored) {
                // the server went away
            }
        }
    }
}
