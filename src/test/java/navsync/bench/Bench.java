package navsync.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Small helpers the benchmark's classes share. */
final class Bench {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Bench() {
    }

    static void log(String format, Object... args) {
        System.out.println("[bench " + LocalTime.now().format(CLOCK) + "] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static ObjectNode object() {
        return PayloadMapper.JSON.createObjectNode();
    }

    static void heap(ObjectNode node, HeapMeter.Peak peak) {
        ObjectNode h = node.putObject("heap");
        h.put("peakUsedBytes", peak.usedBytes());
        h.put("peakAfterGcBytes", peak.afterGcBytes());
        h.put("baselineAfterGcBytes", peak.baselineBytes());
        h.put("maxHeapBytes", peak.maxBytes());
        h.put("collections", peak.collections());
        h.put("gcMillis", peak.gcMillis());
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
