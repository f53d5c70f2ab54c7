package navsync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import navsync.sandbox.SandboxOptions;
import navsync.sandbox.limits.LatencyOptions;
import navsync.sandbox.limits.ProtectionLimits;

/**
 * How a benchmark run's Sales sandbox is started: request threads, the latency model of a remote
 * organization (per request and per record, in microseconds), and Dataverse's service protection limits.
 */
record SandboxSpec(int threads, long latencyRequestMicros, long latencyRecordMicros, boolean protection) {

    static SandboxSpec local() {
        return new SandboxSpec(8, 0, 0, false);
    }

    static SandboxSpec parse(Options o) {
        return new SandboxSpec(o.integer("sandbox-threads", 8),
                Math.round(o.decimal("latency-request-ms", 0) * 1000), Math.round(o.decimal("latency-record-ms", 0) * 1000),
                o.flag("protection"));
    }

    List<String> args() {
        List<String> a = new ArrayList<>(List.of("--sandbox-threads", Integer.toString(threads)));
        if (latencyRequestMicros > 0 || latencyRecordMicros > 0) {
            a.addAll(List.of("--latency-request-ms", Double.toString(latencyRequestMicros / 1000.0),
                    "--latency-record-ms", Double.toString(latencyRecordMicros / 1000.0)));
        }
        if (protection) {
            a.add("--protection");
        }
        return a;
    }

    SandboxOptions options() {
        SandboxOptions o = SandboxOptions.defaults().withHost("127.0.0.1").withPort(0).withThreads(threads).withDemoData(true);
        if (latencyRequestMicros > 0 || latencyRecordMicros > 0) {
            o = o.withLatency(new LatencyOptions(Duration.ofNanos(latencyRequestMicros * 1000),
                    Duration.ofNanos(latencyRecordMicros * 1000)));
        }
        if (protection) {
            o = o.withProtection(ProtectionLimits.dataverse());
        }
        return o;
    }

    String describe() {
        String s = "demo organization, " + threads + " request threads";
        if (latencyRequestMicros > 0 || latencyRecordMicros > 0) {
            s += String.format(Locale.ROOT, ", latency %s ms/request + %s ms/record",
                    trim(latencyRequestMicros / 1000.0), trim(latencyRecordMicros / 1000.0));
        }
        if (protection) {
            ProtectionLimits l = ProtectionLimits.dataverse();
            s += String.format(Locale.ROOT, ", service protection %,d requests / %d min execution per %d s, %d concurrent",
                    l.maxRequests(), l.maxExecutionTime().toMinutes(), l.window().toSeconds(), l.maxConcurrent());
        }
        return s;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
