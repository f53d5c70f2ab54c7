package navsync.sales;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the Web API client counts, on the registry Prometheus scrapes ({@code /observe/metrics}):
 * waits before retries by reason ({@code navsync_sales_retry_wait_seconds_count/_sum{reason}}),
 * requests given up after their retries, requests refused for their token, and the parallel-request
 * limit in force and its peak. The registry is Camel's, which exists only once Camel has started, so
 * it is looked up at first use.
 */
public final class SalesMetrics {

    /** Why a request waits before being sent again. */
    public enum WaitReason { throttled, server_error, timeout_or_io }

    private final navsync.monitoring.CamelMeterRegistry registry;

    /** @param lookup the registry to use, or a supplier of null when metrics are off */
    public SalesMetrics(Supplier<MeterRegistry> lookup, ParallelLimit limit) {
        this.registry = new navsync.monitoring.CamelMeterRegistry(lookup, r -> {
            Gauge.builder("navsync.sales.parallel.limit", limit, ParallelLimit::limit)
                    .description("Parallel Web API requests allowed: the configured maximum, lowered to x-ms-dop-hint")
                    .register(r);
            Gauge.builder("navsync.sales.parallel.peak", limit, ParallelLimit::peak)
                    .description("Most Web API requests in flight at once").register(r);
        });
    }

    private MeterRegistry registry() {
        return registry.get();
    }

    public void waited(WaitReason reason, Duration pause) {
        Timer.builder("navsync.sales.retry.wait").description("Waits before sending a Web API request again")
                .tag("reason", reason.name()).register(registry()).record(pause);
    }

    public void gaveUp() {
        Counter.builder("navsync.sales.gave.up")
                .description("Web API requests that still failed transiently after their retries")
                .register(registry()).increment();
    }

    public void tokenRefused() {
        Counter.builder("navsync.sales.token.refused")
                .description("Web API requests refused with 401 and sent again with a new token")
                .register(registry()).increment();
    }

    /** Registers the gauges now (at start, so they show before the first wait). */
    public void register() {
        registry();
    }
}
