package navsync.sandbox.limits;

import java.time.Duration;

/**
 * Service protection limits per user over a sliding window [LIMITS]: number of requests, combined execution time,
 * concurrent requests. {@link #dataverse()} gives the documented values (6,000 requests and 20 minutes per
 * 5 minutes, 52 concurrent); tests use small ones.
 */
public record ProtectionLimits(int maxRequests, Duration maxExecutionTime, int maxConcurrent, Duration window) {
    public ProtectionLimits {
        if (maxRequests < 1 || maxConcurrent < 1) {
            throw new IllegalArgumentException("limits must be >= 1");
        }
        if (maxExecutionTime == null || maxExecutionTime.isNegative() || maxExecutionTime.isZero()
                || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("execution time and window must be positive");
        }
    }

    /** The documented limits per web server [LIMITS]. */
    public static ProtectionLimits dataverse() {
        return new ProtectionLimits(6000, Duration.ofMinutes(20), 52, Duration.ofMinutes(5));
    }
}
