package navsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * navsync's throughput benchmark (issue #8): one command that measures, on this machine and its Sales
 * sandbox, navsync's initial NAV -> Sales synchronization against a per-record writer (NAV's way) and
 * the sandbox's raw bulk ceiling, incremental cost against table size, Sales -> NAV, a modelled remote
 * organization, and a million-row run in 512 MB of heap; prints the table and writes it as Markdown and
 * JSON. Each measurement runs in a JVM of its own ({@link BenchWorker}, with the heap it states), each
 * against a fresh Sales sandbox in another JVM ({@link BenchSandbox}). See {@code docs/benchmarks.md}.
 *
 * <pre>
 * mvn -Pbench verify                      # everything, full sizes (about 30 minutes on 2 cores)
 * mvn -Pbench verify -Dbench.args="--quick"
 * java -cp target/test-classes:target/classes:&lt;deps&gt; navsync.bench.ThroughputBenchmark --help
 * </pre>
 */
public final class ThroughputBenchmark {

    static final List<String> ITEMS = List.of("initial", "per-record", "ceiling", "incremental", "sales-to-nav", "remote",
            "million");
    static final List<String> FLAGS = List.of("quick", "jfr", "sandbox-in-process", "help", "no-protection",
            "keep-databases");

    static final String USAGE = """
            usage: ThroughputBenchmark [options]   (run from the project folder: it reads mappings/ and routes/)
              --quick                    small sizes to iterate: --n 5000 --incremental-small 10000
                                         --incremental-large 100000 --sales-to-nav 5000 --remote-n 5000
                                         --million 100000 --repeat 5
              --items LIST               comma list of %s (default: all)
              --n N                      customers in the NAV table for items 1-3 (default 100000)
              --incremental-small N      table size of the small incremental run (default 10000)
              --incremental-large N      table size of the large one (default 1000000)
              --incremental-setup seed|navsync
                                         how the incremental (and Sales -> NAV) runs get the state of a finished
                                         initial pass: seeded in bulk and checked (default), or a navsync pass
              --changed N                rows edited in NAV before each incremental pass (default 100)
              --repeat N                 incremental passes per table size; the median is reported (default 15)
              --sales-to-nav N           accounts edited in Sales for the Sales -> NAV pass (default 100000)
              --remote-n N               accounts for the remote-organization run (default 70000)
              --remote-request-ms X      latency model: per request (default 80)
              --remote-record-ms X       latency model: per record (default 0.5)
              --no-protection            remote run without service protection limits
              --remote-per-record-limit N  records the per-record writer writes against the remote model
                                         (default 500 [100]; it pays the request latency on each)
              --million N                rows of the heap-limited initial run (default 1000000)
              --million-heap SIZE        its -Xmx (default 512m)
              --million-deadline-minutes N
                                         leave that pass unfinished after N minutes and report how far it got
                                         (default 30)
              --deadline-minutes N       the same for the other initial passes and the per-record writer
                                         (default 60)
              --worker-heap SIZE         -Xmx of the other measured JVMs (default 1g; 3g for the
                                         incremental table of 1M rows, whose bulk setup needs it)
              --sandbox-heap SIZE        -Xmx of the sandbox JVMs (default: 6g when a run has 1M rows, else 3g)
              --sandbox-in-process       host the sandbox in the measured JVM (its rows then count in the heap)
              --ceiling-parallel LIST    requests in flight for the bulk ceiling (default 4 = navsync's
                                         navsync.sales.max-parallel-requests; the best is the ceiling)
              --per-record-limit N       stop the per-record writer after N records (default: all)
              --state h2|postgres        state store: an H2 file per run (default) or a schema on
                                         --postgres-url (default jdbc:postgresql://127.0.0.1:5432/test, user postgres)
              --set k=v,k=v              navsync configuration overrides for every navsync run
              --seed N                   synthetic data seed (default 42)
              --keep-databases           keep each measurement's databases (deleted after it by default)
              --jfr                      record a JFR profile of every measured JVM (and sandbox JVM)
              --out DIR                  where runs, logs and results go (default target/bench)
              --write-doc FILE           also put the table into FILE between the bench:results markers
              --timeout-minutes N        kill a measured JVM after N minutes (default 180)
            """.formatted(String.join(",", ITEMS));

    private ThroughputBenchmark() {
    }

    /** One measured JVM. */
    record Task(String id, String scenario, String heap, int tableRows, List<String> args, String sandboxHeap) {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false"); // the NAV databases are generated here
        }
        if (args.length == 1 && args[0].startsWith("--args=")) {
            // mvn -Pbench test -Dbench.args="..." passes all options as one argument
            String all = args[0].substring("--args=".length()).trim();
            args = all.isEmpty() ? new String[0] : all.split("\\s+");
        }
        Options o = Options.parse(args, FLAGS);
        if (o.flag("help")) {
            System.out.println(USAGE);
            return;
        }
        boolean quick = o.flag("quick");
        int n = o.integer("n", quick ? 5_000 : 100_000);
        int incSmall = o.integer("incremental-small", 10_000);
        int incLarge = o.integer("incremental-large", quick ? 100_000 : 1_000_000);
        int changed = o.integer("changed", 100);
        int repeat = o.integer("repeat", quick ? 5 : 15);
        int salesToNav = o.integer("sales-to-nav", quick ? 5_000 : 100_000);
        int remoteN = o.integer("remote-n", quick ? 5_000 : 70_000);
        int million = o.integer("million", quick ? 100_000 : 1_000_000);
        String millionHeap = o.text("million-heap", "512m");
        String workerHeap = o.text("worker-heap", "1g");
        long seed = Long.parseLong(o.text("seed", "42"));
        Set<String> items = new LinkedHashSet<>(Arrays.asList(o.text("items", String.join(",", ITEMS)).split(",")));
        items.removeIf(String::isBlank);
        for (String item : items) {
            if (!ITEMS.contains(item)) {
                throw new IllegalArgumentException("unknown item " + item + "; items are " + ITEMS);
            }
        }
        Path out = Path.of(o.text("out", "target/bench")).toAbsolutePath();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path runDir = out.resolve("run-" + stamp);
        Files.createDirectories(runDir);
        if (!Files.isDirectory(Path.of("mappings")) || !Files.isDirectory(Path.of("routes"))) {
            throw new IllegalStateException("run from the project folder (mappings/ and routes/ not found in "
                    + Path.of("").toAbsolutePath() + ")");
        }

        ObjectNode report = Bench.object();
        report.put("command", "ThroughputBenchmark " + String.join(" ", args));
        report.set("machine", Machine.facts());
        ObjectNode opts = report.putObject("options");
        opts.put("quick", quick).put("n", n).put("incrementalSmall", incSmall).put("incrementalLarge", incLarge)
                .put("changed", changed).put("repeat", repeat).put("salesToNav", salesToNav).put("remoteN", remoteN)
                .put("million", million).put("millionHeap", millionHeap).put("workerHeap", workerHeap).put("seed", seed)
                .put("items", String.join(",", items)).put("state", o.text("state", "h2"))
                .put("sandbox", o.flag("sandbox-in-process") ? "in the measured JVM" : "own JVM");

        // the measured JVMs
        List<Task> tasks = new ArrayList<>();
        List<String> common = new ArrayList<>(List.of("--seed", Long.toString(seed), "--state", o.text("state", "h2")));
        for (String k : List.of("postgres-url", "postgres-user", "set")) {
            if (o.has(k)) {
                common.addAll(List.of("--" + k, o.text(k, "")));
            }
        }
        if (o.flag("sandbox-in-process")) {
            common.add("--sandbox-in-process");
        }
        String smallSandbox = o.text("sandbox-heap", "3g");
        String bigSandbox = o.text("sandbox-heap", "6g");
        String deadline = o.text("deadline-minutes", "60");
        String setup = o.text("incremental-setup", "seed");
        if (items.contains("initial")) {
            tasks.add(new Task("initial", "navsync", workerHeap, n, List.of("--deadline-minutes", deadline), smallSandbox));
        }
        if (items.contains("per-record")) {
            List<String> a = new ArrayList<>(List.of("--deadline-minutes", deadline));
            if (o.has("per-record-limit")) {
                a.addAll(List.of("--limit", o.text("per-record-limit", "")));
            }
            tasks.add(new Task("per-record", "per-record", workerHeap, n, a, smallSandbox));
        }
        if (items.contains("ceiling")) {
            tasks.add(new Task("ceiling", "ceiling", "2g", n, List.of("--parallel", o.text("ceiling-parallel", "4")),
                    smallSandbox));
        }
        if (items.contains("incremental")) {
            List<String> a = List.of("--setup", setup, "--changed", Integer.toString(changed), "--repeat",
                    Integer.toString(repeat), "--deadline-minutes", deadline);
            tasks.add(new Task("incremental-small", "navsync", workerHeap, incSmall, a, smallSandbox));
            // the bulk seeding of a million couplings (setup, not measured) ran out of memory in 1 GB
            tasks.add(new Task("incremental-large", "navsync", incLarge >= 500_000 && !o.has("worker-heap") ? "3g"
                    : workerHeap, incLarge, a, incLarge >= 500_000 ? bigSandbox : smallSandbox));
        }
        if (items.contains("million")) {
            tasks.add(new Task("million", "navsync", millionHeap, million,
                    List.of("--deadline-minutes", o.text("million-deadline-minutes", "30")),
                    million >= 500_000 ? bigSandbox : smallSandbox));
        }
        if (items.contains("sales-to-nav")) {
            tasks.add(new Task("sales-to-nav", "navsync", workerHeap, inScope(salesToNav),
                    List.of("--setup", setup, "--sales-changed", Integer.toString(salesToNav)), smallSandbox));
        }
        if (items.contains("remote")) {
            List<String> a = new ArrayList<>(List.of("--latency-request-ms", o.text("remote-request-ms", "80"),
                    "--latency-record-ms", o.text("remote-record-ms", "0.5"), "--deadline-minutes", deadline));
            if (!o.flag("no-protection")) {
                a.add("--protection");
            }
            tasks.add(new Task("remote", "navsync", workerHeap, inScope(remoteN), a, smallSandbox));
            // NAV's way against the same remote model: 80 ms per record, so only its first records
            List<String> p = new ArrayList<>(a);
            p.addAll(List.of("--limit", Integer.toString(o.integer("remote-per-record-limit", quick ? 100 : 500))));
            tasks.add(new Task("remote-per-record", "per-record", workerHeap, inScope(remoteN), p, smallSandbox));
        }

        // NAV databases first (generated once per size and seed, kept in the cache)
        Path cache = out.resolve("cache");
        Map<Integer, Path> databases = new LinkedHashMap<>();
        for (int size : new TreeSet<>(tasks.stream().map(Task::tableRows).toList())) {
            databases.put(size, NavFixture.cached(cache, size, seed));
        }

        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report.put("startedAt", Instant.now().toString());
        report.put("loadAverageAtStart", load0);
        ObjectNode results = report.putObject("results");
        long t0 = System.nanoTime();
        for (Task task : tasks) {
            Bench.log("=== %s: %s, NAV table of %,d customers, -Xmx%s ===", task.id(), task.scenario(), task.tableRows(),
                    task.heap());
            results.set(task.id(), runWorker(task, runDir, databases.get(task.tableRows()), common, o));
            if (!o.flag("keep-databases")) {
                deleteDatabases(runDir.resolve(task.id().replace('+', '_')));
            }
        }
        report.put("totalMinutes", Bench.seconds(System.nanoTime() - t0) / 60);
        report.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.put("finishedAt", Instant.now().toString());

        Report table = new Report(report, changed);
        String markdown = table.markdown();
        report.set("summary", table.summary());
        Files.writeString(runDir.resolve("results.md"), markdown);
        PayloadMapper.JSON.writerWithDefaultPrettyPrinter().writeValue(runDir.resolve("results.json").toFile(), report);
        Files.writeString(out.resolve("latest.md"), markdown);
        PayloadMapper.JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("latest.json").toFile(), report);
        if (o.has("write-doc")) {
            Report.writeDoc(Path.of(o.text("write-doc", "docs/benchmarks.md")), markdown);
        }
        System.out.println();
        System.out.println(markdown);
        System.out.println("Results: " + runDir.resolve("results.md") + " and results.json (also " + out.resolve("latest.*") + ")");
        boolean allOk = true;
        for (JsonNode r : results) {
            allOk &= r.path("ok").asBoolean(false);
        }
        System.exit(allOk ? 0 : 1);
    }

    /**
     * Deletes a finished measurement's H2 databases (its copy of the NAV database, its state store): a
     * full run would leave tens of gigabytes. Logs, results and profiles stay.
     */
    private static void deleteDatabases(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".mv.db") || name.endsWith(".trace.db")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** A table size whose rows in the CUSTOMER filter (about 98% are not blocked) cover {@code wanted}. */
    static int inScope(int wanted) {
        return (int) Math.ceil(wanted / 0.97);
    }

    private static JsonNode runWorker(Task task, Path runDir, Path navDb, List<String> common, Options o) throws Exception {
        Path dir = runDir.resolve(task.id().replace('+', '_'));
        Files.createDirectories(dir);
        Path resultFile = dir.resolve("result.json");
        List<String> command = new ArrayList<>(List.of(Bench.javaExecutable(), "-Xmx" + task.heap(),
                "-Dorg.slf4j.simpleLogger.log.org.apache.camel=warn", "-Dorg.slf4j.simpleLogger.log.com.zaxxer=warn",
                "-Dorg.slf4j.simpleLogger.log.org.flywaydb=warn", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"));
        List<String> workerArgs = new ArrayList<>(List.of("--scenario", task.scenario(), "--work", dir.toString(),
                "--nav-db", navDb.toString(), "--table", Integer.toString(task.tableRows()), "--result", resultFile.toString(),
                "--sandbox-heap", task.sandboxHeap()));
        if (o.flag("jfr")) {
            command.add("-XX:StartFlightRecording=filename=" + dir.resolve("worker.jfr") + ",settings=profile,dumponexit=true");
            workerArgs.addAll(List.of("--sandbox-jfr", dir.resolve("sandbox.jfr").toString()));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchWorker.class.getName()));
        command.addAll(workerArgs);
        command.addAll(common);
        command.addAll(task.args());
        Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Path log = dir.resolve("worker.log");
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 var w = Files.newBufferedWriter(log)) {
                String line;
                while ((line = r.readLine()) != null) {
                    w.write(line);
                    w.newLine();
                    w.flush();
                    if (line.startsWith("[bench") || line.contains("Exception") || line.contains("Error")
                            || line.contains(" ERROR ")) {
                        System.out.println("  " + line);
                    }
                }
            } catch (IOException ignored) {
                // the worker went away
            }
        }, "bench-pump-" + task.id());
        pump.start();
        long minutes = o.integer("timeout-minutes", 180);
        boolean finished = p.waitFor(minutes, TimeUnit.MINUTES);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        pump.join(10_000);
        ObjectNode result;
        if (Files.exists(resultFile)) {
            result = (ObjectNode) PayloadMapper.JSON.readTree(resultFile.toFile());
        } else {
            result = Bench.object().put("ok", false).put("error", finished ? "the worker JVM exited with "
                    + p.exitValue() + " and no result (see " + log + ")" : "timed out after " + minutes + " minutes");
        }
        result.put("task", task.id());
        result.put("jvmHeap", task.heap());
        result.put("log", log.toString());
        if (!result.path("ok").asBoolean(false)) {
            Bench.log("%s FAILED: %s", task.id(), result.path("error").asText());
        }
        return result;
    }

    static String formatCount(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
