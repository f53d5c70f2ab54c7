package navsync.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Camel's Prometheus meter registry, looked up at first use: it exists only once Camel has started,
 * after navsync's beans are built. Without one (metrics off), meters go to a private registry.
 */
public final class CamelMeterRegistry {

    private final Supplier<MeterRegistry> lookup;
    private final Consumer<MeterRegistry> onFirstUse;
    private volatile MeterRegistry registry;

    /**
     * @param lookup     Camel's registry, or a supplier of null when metrics are off
     * @param onFirstUse registers the meters that exist from the start (gauges), once
     */
    public CamelMeterRegistry(Supplier<MeterRegistry> lookup, Consumer<MeterRegistry> onFirstUse) {
        this.lookup = lookup;
        this.onFirstUse = onFirstUse;
    }

    public MeterRegistry get() {
        MeterRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                if (registry == null) {
                    MeterRegistry found = lookup.get();
                    MeterRegistry chosen = found == null ? new SimpleMeterRegistry() : found;
                    onFirstUse.accept(chosen);
                    registry = chosen;
                }
                r = registry;
            }
        }
        return r;
    }
}
