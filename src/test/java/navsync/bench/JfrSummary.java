package navsync.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU samples of a JFR recording ({@code --jfr}) went: by thread, by top frame (self), and
 * inclusive by method for the methods matching {@code --focus} (default navsync's and the libraries'
 * entry points), optionally within a time window (a pass's {@code startedAt}/{@code endedAt} from its
 * result.json).
 * <pre>
 * java -cp ... navsync.bench.JfrSummary --file target/bench/run-.../initial/worker.jfr [--from ISO --to ISO] [--top 25]
 *      [--focus 'navsync\.|org\.h2\.|org\.apache\.camel\.'] [--threads regex]
 * </pre>
 */
public final class JfrSummary {

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args, List.of());
        Path file = Path.of(o.text("file", "worker.jfr"));
        Instant from = o.has("from") ? Instant.parse(o.text("from", "")) : Instant.MIN;
        Instant to = o.has("to") ? Instant.parse(o.text("to", "")) : Instant.MAX;
        int top = o.integer("top", 25);
        Pattern focus = Pattern.compile(o.text("focus", "^navsync\\."));
        Pattern threads = Pattern.compile(o.text("threads", ".*"));
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> pkgSelf = new HashMap<>();
        int total = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                    continue;
                }
                String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
                if (thread == null || !threads.matcher(thread).find()) {
                    continue;
                }
                RecordedStackTrace stack = e.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                total++;
                byThread.merge(thread.replaceAll("[-#]?\\d+$", "-N").replaceAll("\\d+", "N"), 1, Integer::sum);
                RecordedFrame first = stack.getFrames().get(0);
                self.merge(name(first.getMethod()), 1, Integer::sum);
                pkgSelf.merge(area(first.getMethod().getType().getName()), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : stack.getFrames()) {
                    String n = name(f.getMethod());
                    if (focus.matcher(n).find() && seen.add(n)) {
                        inclusive.merge(n, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%,d CPU samples in %s%n", total, file);
        print("by thread", byThread, total, top);
        print("self time by area (top frame)", pkgSelf, total, top);
        print("self time by method (top frame)", self, total, top);
        print("inclusive, methods matching " + focus.pattern() + " (truncated stacks undercount)", inclusive, total, top);
    }

    private static String name(RecordedMethod m) {
        return m.getType().getName() + "." + m.getName();
    }

    /** A coarse owner of a class: navsync's packages, the libraries, the JDK. */
    static String area(String type) {
        String[][] areas = {{"navsync.sandbox.", "sandbox"}, {"navsync.", "navsync"}, {"org.h2.", "H2"},
                {"org.apache.camel.", "Camel"}, {"org.apache.hc.", "Apache HttpClient"}, {"com.fasterxml.jackson.", "Jackson"},
                {"com.zaxxer.", "HikariCP"}, {"io.vertx.", "Vert.x"}, {"io.netty.", "Netty"}, {"sun.nio.", "JDK NIO"},
                {"java.util.zip", "JDK zip"}, {"java.", "JDK java.*"}, {"jdk.", "JDK jdk.*"}, {"sun.", "JDK sun.*"}};
        for (String[] a : areas) {
            if (type.startsWith(a[0])) {
                return a[1];
            }
        }
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println();
        System.out.println(title + ":");
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> b.getValue() - a.getValue());
        for (Map.Entry<String, Integer> e : sorted.subList(0, Math.min(top, sorted.size()))) {
            System.out.printf(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / total, e.getValue(), e.getKey());
        }
    }
}
