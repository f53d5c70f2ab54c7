package navsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's table (Markdown) and its target checks, from the results of the measured JVMs. */
final class Report {

    static final String START = "<!-- bench:results:start -->";
    static final String END = "<!-- bench:results:end -->";

    private final JsonNode report;
    private final JsonNode results;
    private final int changed;
    private final ObjectNode summary = Bench.object();
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(JsonNode report, int changed) {
        this.report = report;
        this.results = report.path("results");
        this.changed = changed;
        build();
    }

    ObjectNode summary() {
        return summary;
    }

    private JsonNode task(String... ids) {
        for (String id : ids) {
            if (results.has(id)) {
                return results.get(id);
            }
        }
        return null;
    }

    private void build() {
        JsonNode initial = task("initial");
        JsonNode perRecord = task("per-record");
        JsonNode ceiling = task("ceiling");
        JsonNode incSmall = task("incremental-small");
        JsonNode incLarge = task("incremental-large");
        JsonNode million = task("million");
        JsonNode s2n = task("sales-to-nav");
        JsonNode remote = task("remote");
        JsonNode remotePerRecord = task("remote-per-record");
        double navsyncRate = ok(initial) ? initial.path("initial").path("recordsPerSecond").asDouble() : Double.NaN;

        if (initial != null) {
            JsonNode i = initial.path("initial");
            row("1", "navsync initial sync NAV -> Sales, table of " + count(initial.path("tableRows").asLong())
                    + " customers", initial, i.path("records").asLong(), i.path("seconds").asDouble(),
                    i.path("recordsPerSecond").asDouble(), heap(i, initial), "", "", "");
        }
        if (perRecord != null) {
            double ratio = navsyncRate / perRecord.path("recordsPerSecond").asDouble();
            boolean met = ratio >= 30;
            summary.put("navsyncOverPerRecord", ratio);
            summary.put("navsyncOverPerRecordMet", met);
            row("2", "per-record writer (1 PATCH + 1 state commit per record, 1 thread), same rows", perRecord,
                    perRecord.path("records").asLong(), perRecord.path("seconds").asDouble(),
                    perRecord.path("recordsPerSecond").asDouble(), "",
                    String.format(Locale.ROOT, "navsync / per-record = **%.1fx**", ratio), ">= 30x", verdict(met, initial, perRecord));
        }
        if (ceiling != null) {
            double ratio = navsyncRate / ceiling.path("recordsPerSecond").asDouble();
            boolean met = ratio >= 0.60;
            summary.put("navsyncOverCeiling", ratio);
            summary.put("navsyncOverCeilingMet", met);
            StringBuilder what = new StringBuilder("sandbox bulk ceiling: pre-built UpsertMultiple of "
                    + ceiling.path("batchSize").asInt() + " rows, minimal client, ");
            double seconds = Double.NaN;
            for (JsonNode run : ceiling.path("runs")) {
                what.append(run.path("parallel").asInt()).append(" in flight ");
                if (run.path("recordsPerSecond").asDouble() >= ceiling.path("recordsPerSecond").asDouble()) {
                    seconds = run.path("seconds").asDouble();
                }
            }
            row("3", what.toString().trim(), ceiling, ceiling.path("records").asLong(), seconds,
                    ceiling.path("recordsPerSecond").asDouble(), "",
                    String.format(Locale.ROOT, "navsync / ceiling = **%.0f%%**", ratio * 100), ">= 60%", verdict(met, initial, ceiling));
        }
        if (incSmall != null) {
            incrementalRow("4a", incSmall, "", "", "");
        }
        if (incLarge != null) {
            double ratio = incLarge.path("incremental").path("medianSeconds").asDouble()
                    / (incSmall == null ? Double.NaN : incSmall.path("incremental").path("medianSeconds").asDouble());
            boolean met = ratio <= 1.5;
            summary.put("incrementalLargeOverSmall", ratio);
            summary.put("incrementalLargeOverSmallMet", met);
            incrementalRow("4b", incLarge, String.format(Locale.ROOT, "large / small = **%.2fx**", ratio), "<= 1.5x",
                    verdict(met, incSmall, incLarge));
        }
        if (s2n != null) {
            JsonNode s = s2n.path("salesToNav");
            row("5", "Sales -> NAV: " + count(s.path("edited").asLong()) + " accounts edited in Sales, pulled and written to NAV",
                    s2n, s.path("records").asLong(), s.path("seconds").asDouble(), s.path("recordsPerSecond").asDouble(),
                    heap(s, s2n), "", "", "");
            JsonNode first = s2n.path("salesToNavFirstPass");
            if (first.has("seconds")) {
                notes.add(String.format(Locale.ROOT, "Item 5's setup: the first Sales -> NAV pass over %s unchanged accounts "
                        + "took %s (%,.0f records/s).", count(first.path("records").asLong()),
                        time(first.path("seconds").asDouble()), first.path("recordsPerSecond").asDouble()));
            }
        }
        if (remote != null) {
            JsonNode r = remote.path("initial");
            double seconds = r.path("seconds").asDouble();
            boolean met = ok(remote) && seconds < 600;
            summary.put("remoteSeconds", seconds);
            summary.put("remoteMet", met);
            row("6", "remote organization model (" + remote.path("sandbox").asText() + "): initial sync", remote,
                    r.path("records").asLong(), seconds, r.path("recordsPerSecond").asDouble(), heap(r, remote),
                    "", "< 10 min", verdict(met, remote));
        }
        if (remotePerRecord != null) {
            double ratio = (remote != null && ok(remote) ? remote.path("initial").path("recordsPerSecond").asDouble()
                    : Double.NaN) / remotePerRecord.path("recordsPerSecond").asDouble();
            summary.put("remoteNavsyncOverPerRecord", ratio);
            row("6b", "per-record writer against the same remote model, its first " + count(remotePerRecord.path("records")
                    .asLong()) + " records", remotePerRecord, remotePerRecord.path("records").asLong(),
                    remotePerRecord.path("seconds").asDouble(), remotePerRecord.path("recordsPerSecond").asDouble(), "",
                    String.format(Locale.ROOT, "navsync (6) / per-record = **%.0fx**", ratio), "", "");
        }
        if (million != null) {
            JsonNode m = million.path("initial");
            boolean completed = m.path("completed").asBoolean(false);
            boolean met = ok(million) && completed && "Succeeded".equals(m.path("status").asText());
            summary.put("millionCompleted", met);
            String verdict = met ? "**met**" : "**missed**" + (million.has("error") ? " (" + million.path("error").asText() + ")"
                    : completed || !ok(million) ? "" : " (unfinished at the deadline)");
            row("7", "initial sync of a " + count(million.path("tableRows").asLong()) + "-row table with -Xmx"
                    + million.path("jvmHeap").asText() + (completed ? "" : ", **left unfinished at its deadline**"), million,
                    m.path("records").asLong(), m.path("seconds").asDouble(), m.path("recordsPerSecond").asDouble(),
                    heap(m, million), "", "completes", verdict);
            if (ok(million) && !completed) {
                notes.add("Item 7 did not finish: " + progress(m));
            }
        }
        for (String id : List.of("initial", "remote")) {
            JsonNode t = task(id);
            if (ok(t) && t.path("initial").has("completed") && !t.path("initial").path("completed").asBoolean()) {
                notes.add("Item " + (id.equals("initial") ? "1" : "6") + " did not finish: " + progress(t.path("initial")));
            }
        }
        for (JsonNode r : results) {
            if (!ok(r)) {
                notes.add("**" + r.path("task").asText() + " failed:** " + r.path("error").asText() + " (log: "
                        + r.path("log").asText() + ")");
            }
        }
    }

    /** How far an unfinished pass got, and how its rate moved (first and last minute of its progress samples). */
    private static String progress(JsonNode phase) {
        JsonNode p = phase.path("progress");
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s records in %s", count(phase.path("records").asLong()),
                time(phase.path("seconds").asDouble())));
        if (p.size() >= 4) {
            double firstRate = rate(p, 0, Math.min(p.size() - 1, 12));
            double lastRate = rate(p, Math.max(0, p.size() - 13), p.size() - 1);
            sb.append(String.format(Locale.ROOT, "; %,.0f records/s in its first minute, %,.0f records/s in its last", firstRate,
                    lastRate));
        }
        return sb.append('.').toString();
    }

    private static double rate(JsonNode progress, int from, int to) {
        double dt = progress.get(to).get(0).asDouble() - progress.get(from).get(0).asDouble();
        return dt <= 0 ? Double.NaN : (progress.get(to).get(1).asDouble() - progress.get(from).get(1).asDouble()) / dt;
    }

    private void incrementalRow(String number, JsonNode task, String ratio, String target, String met) {
        JsonNode inc = task.path("incremental");
        JsonNode setup = task.path("setup");
        if (setup.has("kind") && notes.stream().noneMatch(n -> n.startsWith("Setup of items 4"))) {
            notes.add("Setup of items 4 and 5: the state of a finished initial pass (accounts in Sales, couplings with their "
                    + "baselines, the watermark) was " + setup.path("kind").asText() + ", then checked: rows re-saved in NAV "
                    + "without a change came out unchanged. Each incremental measurement follows "
                    + inc.path("warmupPasses").asInt() + " warm-up passes.");
        }
        double median = inc.path("medianSeconds").asDouble();
        String timeText = String.format(Locale.ROOT, "%s (min %s, max %s, %d runs)", time(median),
                time(inc.path("minSeconds").asDouble()), time(inc.path("maxSeconds").asDouble()), inc.path("runs").size());
        rows.add(String.format(Locale.ROOT, "| %s | incremental NAV -> Sales: %d rows edited in a table of %s | %s | %s | %s | %s | %s | %s | %s |",
                number, changed, count(task.path("tableRows").asLong()), ok(task) ? count(changed) : "-", ok(task) ? timeText : "failed",
                ok(task) ? String.format(Locale.ROOT, "%,.0f", changed / median) : "-", "", ratio, target, met));
        JsonNode idle = task.path("idlePass");
        if (idle.has("seconds")) {
            notes.add(String.format(Locale.ROOT, "Item %s: a pass with nothing changed in the table of %s took %s.", number,
                    count(task.path("tableRows").asLong()), time(idle.path("seconds").asDouble())));
        }
    }

    private void row(String number, String what, JsonNode task, long records, double seconds, double rate, String heap,
                     String ratio, String target, String met) {
        if (!ok(task)) {
            rows.add(String.format(Locale.ROOT, "| %s | %s | - | failed | - | - | %s | %s | %s |", number, what, ratio,
                    target, met.isEmpty() ? "" : "**missed**"));
            return;
        }
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %,.0f | %s | %s | %s | %s |", number, what, count(records),
                time(seconds), rate, heap, ratio, target, met));
    }

    private static boolean ok(JsonNode task) {
        return task != null && task.path("ok").asBoolean(false);
    }

    private static String verdict(boolean met, JsonNode... tasks) {
        for (JsonNode t : tasks) {
            if (!ok(t)) {
                return "not measured";
            }
        }
        return met ? "**met**" : "**missed**";
    }

    private static String heap(JsonNode phase, JsonNode task) {
        JsonNode h = phase.path("heap");
        if (!h.has("peakUsedBytes")) {
            return "";
        }
        return String.format(Locale.ROOT, "%,d / %,d MB of %s", h.path("peakUsedBytes").asLong() >> 20,
                h.path("peakAfterGcBytes").asLong() >> 20, task.path("jvmHeap").asText());
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String time(double seconds) {
        if (Double.isNaN(seconds)) {
            return "-";
        }
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    String markdown() {
        JsonNode m = report.path("machine");
        StringBuilder sb = new StringBuilder();
        sb.append("Run of ").append(report.path("startedAt").asText()).append(" (").append(String.format(Locale.ROOT, "%.1f",
                report.path("totalMinutes").asDouble())).append(" min)")
                .append(m.has("revision") ? ", navsync " + m.path("revision").asText() : "").append(".\n\n");
        sb.append(String.format(Locale.ROOT, "Machine: %d cores (%s), %.1f GiB memory, %s, %s. Load average %.2f at the start, "
                        + "%.2f at the end.%n%n", m.path("cores").asInt(), m.path("cpu").asText(), m.path("memoryGiB").asDouble(),
                m.path("os").asText(), m.path("jdk").asText(), report.path("loadAverageAtStart").asDouble(),
                report.path("loadAverageAtEnd").asDouble()));
        sb.append("Command: `").append(report.path("command").asText()).append("`\n\n");
        sb.append("| # | measurement | records | wall time | records/s | peak heap: used / after GC, of -Xmx | ratio | target | |\n");
        sb.append("|---|---|--:|--:|--:|--:|---|---|---|\n");
        rows.forEach(r -> sb.append(r).append('\n'));
        sb.append('\n');
        JsonNode first = results.elements().hasNext() ? results.elements().next() : null;
        sb.append("Records: rows the CUSTOMER mapping's pass handled (its table filter leaves out the ~2% blocked "
                + "customers; the table also holds the CRONUS demo customers). Sales sandbox: a fresh one per "
                + "measurement, ").append(report.path("options").path("sandbox").asText()).append(", ")
                .append(first == null ? "" : first.path("sandbox").asText()).append(" unless stated. State store: ")
                .append(report.path("options").path("state").asText()).append(".\n");
        for (String note : notes) {
            sb.append("\n").append(note).append('\n');
        }
        return sb.toString();
    }

    /** Replaces the text between the bench:results markers of a Markdown file (appends them if missing). */
    static void writeDoc(Path file, String markdown) throws IOException {
        String doc = Files.exists(file) ? Files.readString(file) : "";
        String block = START + "\n" + markdown + END;
        int s = doc.indexOf(START);
        int e = doc.indexOf(END);
        doc = s >= 0 && e > s ? doc.substring(0, s) + block + doc.substring(e + END.length())
                : doc + (doc.isEmpty() || doc.endsWith("\n") ? "" : "\n") + "\n" + block + "\n";
        Files.writeString(file, doc);
    }
}
