package navsync.monitoring;

import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A health check of something navsync needs (the NAV database, the state store, Sales), in Camel's
 * health registry and so in {@code /observe/health}: up with what the probe reports, down with why.
 */
public final class DependencyCheck extends AbstractHealthCheck {

    private final Callable<String> probe;

    /** @param probe answers a short description when the dependency works, throws when it does not */
    public DependencyCheck(String id, Callable<String> probe) {
        super("navsync", id);
        this.probe = probe;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            builder.detail("navsync.status", probe.call());
            builder.up();
        } catch (Exception e) {
            builder.message(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            builder.error(e);
            builder.down();
        }
    }
}
