package navsync.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import navsync.state.JobCounters;

/**
 * Per mapping and direction, in Camel's Prometheus registry: records synchronized by outcome
 * ({@code navsync_records_total}), run durations by status ({@code navsync_run_seconds}), and the last
 * finished run's records/s and end time ({@code navsync_last_run_records_per_second},
 * {@code navsync_last_run_end_seconds}: its age is how far behind the mapping may be).
 */
public final class JobMetrics {

    private final CamelMeterRegistry registry;
    /** mapping/direction -> the last finished run (records/s, end in epoch seconds). */
    private final Map<String, AtomicReference<double[]>> lastRuns = new ConcurrentHashMap<>();

    /** @param lookup Camel's registry (bound once Camel has started), or a supplier of null for none */
    public JobMetrics(Supplier<MeterRegistry> lookup) {
        this.registry = new CamelMeterRegistry(lookup, r -> { });
    }


    /** A finished (or stopped) pass of a mapping. */
    public void finished(String mapping, String direction, String status, JobCounters counters, Duration elapsed) {
        MeterRegistry r = registry.get();
        count(r, mapping, direction, "inserted", counters.inserted());
        count(r, mapping, direction, "modified", counters.modified());
        count(r, mapping, direction, "deleted", counters.deleted());
        count(r, mapping, direction, "unchanged", counters.unchanged());
        count(r, mapping, direction, "skipped", counters.skipped());
        count(r, mapping, direction, "failed", counters.failed());
        Timer.builder("navsync.run").description("Duration of synchronization passes")
                .tags("mapping", mapping, "direction", direction, "status", status).register(r).record(elapsed);
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
        double[] last = {counters.total() / seconds, System.currentTimeMillis() / 1000.0};
        lastRuns.computeIfAbsent(mapping + "/" + direction, k -> {
            AtomicReference<double[]> ref = new AtomicReference<>(last);
            Gauge.builder("navsync.last.run.records.per.second", ref, x -> x.get()[0])
                    .description("Records per second of the last finished pass")
                    .tags("mapping", mapping, "direction", direction).register(r);
            Gauge.builder("navsync.last.run.end.seconds", ref, x -> x.get()[1])
                    .description("When the last pass finished (epoch seconds)")
                    .tags("mapping", mapping, "direction", direction).register(r);
            return ref;
        }).set(last);
    }

    private static void count(MeterRegistry r, String mapping, String direction, String outcome, int n) {
        Counter.builder("navsync.records").description("Records handled by synchronization passes, by outcome")
                .tags("mapping", mapping, "direction", direction, "outcome", outcome).register(r).increment(n);
    }
}
