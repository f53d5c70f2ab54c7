package navsync.sandbox.limits;

import java.time.Duration;

/** Simulated latency of a remote organization: a fixed cost per request plus a cost per record read or written. */
public record LatencyOptions(Duration perRequest, Duration perRecord) {
    public LatencyOptions {
        if (perRequest == null || perRequest.isNegative() || perRecord == null || perRecord.isNegative()) {
            throw new IllegalArgumentException("latencies must be >= 0");
        }
    }
}
