package navsync.sandbox.limits;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.http.ApiHandler;
import navsync.sandbox.http.ApiResponse;
import navsync.sandbox.http.IncomingRequest;

/**
 * Makes a fraction of Web API requests fail before they are processed (so a failed request changed nothing): 429
 * with {@code Retry-After} and the request-count code [LIMITS], 500, 503, or a hang that drops the connection after
 * {@code hangFor}. The n-th request's fate depends only on the seed and n, so two runs that send the same requests in
 * the same order fail at the same requests.
 */
public final class FaultInjector implements ApiHandler {
    private final FaultOptions options;
    private final ApiHandler next;
    private final AtomicLong sequence = new AtomicLong();

    public FaultInjector(FaultOptions options, ApiHandler next) {
        this.options = options;
        this.next = next;
    }

    @Override
    public ApiResponse handle(IncomingRequest request) {
        double x = uniform(options.seed(), sequence.getAndIncrement());
        double edge = options.tooManyRequests();
        if (x < edge) {
            return ServiceProtection.tooMany(ErrorCodes.THROTTLED_REQUESTS,
                    "Number of requests exceeded the limit of 6000 over time window of 300 seconds.", 1);
        }
        edge += options.serverError();
        if (x < edge) {
            return ApiResponse.error(500, ErrorCodes.UNEXPECTED, "An unexpected error occurred.");
        }
        edge += options.unavailable();
        if (x < edge) {
            // 503 "when the web API service isn't available" [COMPOSE]; body shape as other errors (inference)
            return ApiResponse.error(503, ErrorCodes.EMPTY, "The service is temporarily unavailable.");
        }
        edge += options.hang();
        if (x < edge) {
            try {
                TimeUnit.NANOSECONDS.sleep(options.hangFor().toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ApiResponse.aborted();
        }
        return next.handle(request);
    }

    /** A uniform value in [0, 1) from (seed, n): SplitMix64's finaliser, so neighbouring n are unrelated. */
    static double uniform(long seed, long n) {
        long z = seed + (n + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
