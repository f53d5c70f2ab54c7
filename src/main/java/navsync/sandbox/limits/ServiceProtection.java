package navsync.sandbox.limits;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.http.ApiHandler;
import navsync.sandbox.http.ApiResponse;
import navsync.sandbox.http.IncomingRequest;

/**
 * Service protection [LIMITS], per user (the token's application user; one anonymous caller without
 * authentication) over a sliding window: a request over a limit answers {@code 429 Too Many Requests} with
 * {@code Retry-After} in seconds and the documented code and message. Concurrency trips at once; the request-count and
 * execution-time limits trip once exceeded within the window. Rejected requests count too, so continued hammering
 * lengthens {@code Retry-After}, as documented. A {@code $batch} counts as one request here (inference: the reference
 * only says each bulk request counts as one). Responses carry the debugging headers
 * {@code x-ms-ratelimit-burst-remaining-xrm-requests} and {@code x-ms-ratelimit-time-remaining-xrm-requests}
 * (the latter in milliseconds; its unit is not documented, inference).
 */
public final class ServiceProtection implements ApiHandler {
    private final ProtectionLimits limits;
    private final ApiHandler next;
    private final ConcurrentHashMap<String, UserWindow> users = new ConcurrentHashMap<>();

    public ServiceProtection(ProtectionLimits limits, ApiHandler next) {
        this.limits = limits;
        this.next = next;
    }

    @Override
    public ApiResponse handle(IncomingRequest request) {
        UserWindow user = users.computeIfAbsent(request.caller() == null ? "" : request.caller(), u -> new UserWindow());
        long start = System.nanoTime();
        ApiResponse rejection = user.admit(start);
        if (rejection != null) {
            return rejection;
        }
        ApiResponse response = null;
        try {
            response = next.handle(request);
            return response;
        } finally {
            long[] remaining = user.finish(start, System.nanoTime());
            if (response != null) {
                response.header("x-ms-ratelimit-burst-remaining-xrm-requests", Long.toString(remaining[0]))
                        .header("x-ms-ratelimit-time-remaining-xrm-requests", millis(remaining[1]));
            }
        }
    }

    private static String millis(long nanos) {
        return new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(nanos / 1e6);
    }

    /** One user's requests and execution times within the window. */
    private final class UserWindow {
        private final ArrayDeque<Long> requests = new ArrayDeque<>();
        private final ArrayDeque<long[]> executions = new ArrayDeque<>(); // {end, duration}
        private long executionSum;
        private int inFlight;

        synchronized ApiResponse admit(long now) {
            evict(now);
            requests.addLast(now);
            if (inFlight >= limits.maxConcurrent()) {
                return tooMany(ErrorCodes.THROTTLED_CONCURRENCY, "Number of concurrent requests exceeded the limit of "
                        + limits.maxConcurrent() + ".", 1);
            }
            if (requests.size() > limits.maxRequests()) {
                return tooMany(ErrorCodes.THROTTLED_REQUESTS, "Number of requests exceeded the limit of "
                        + limits.maxRequests() + " over time window of " + limits.window().toSeconds() + " seconds.",
                        requestsRetryAfter(now));
            }
            if (executionSum >= limits.maxExecutionTime().toNanos()) {
                return tooMany(ErrorCodes.THROTTLED_EXECUTION_TIME, "Combined execution time of incoming requests "
                        + "exceeded limit of " + String.format(Locale.ROOT, "%,d", limits.maxExecutionTime().toMillis())
                        + " milliseconds over time window of " + limits.window().toSeconds() + " seconds. Decrease "
                        + "number of concurrent requests or reduce the duration of requests and try again later.",
                        executionRetryAfter(now));
            }
            inFlight++;
            return null;
        }

        /** @return remaining requests and remaining execution time (nanos) in the window */
        synchronized long[] finish(long start, long end) {
            inFlight--;
            executions.addLast(new long[] {end, end - start});
            executionSum += end - start;
            evict(end);
            return new long[] {Math.max(0, limits.maxRequests() - requests.size()),
                    Math.max(0, limits.maxExecutionTime().toNanos() - executionSum)};
        }

        private void evict(long now) {
            long from = now - limits.window().toNanos();
            while (!requests.isEmpty() && requests.peekFirst() <= from) {
                requests.removeFirst();
            }
            while (!executions.isEmpty() && executions.peekFirst()[0] <= from) {
                executionSum -= executions.removeFirst()[1];
            }
        }

        /** Until enough of the oldest requests leave the window to be back under the limit. */
        private long requestsRetryAfter(long now) {
            int over = requests.size() - limits.maxRequests();
            Iterator<Long> it = requests.iterator();
            long t = now;
            for (int i = 0; i < over && it.hasNext(); i++) {
                t = it.next();
            }
            return seconds(t + limits.window().toNanos() - now);
        }

        /** Until enough of the oldest execution time leaves the window to be back under the limit. */
        private long executionRetryAfter(long now) {
            long sum = executionSum;
            for (long[] e : executions) {
                sum -= e[1];
                if (sum < limits.maxExecutionTime().toNanos()) {
                    return seconds(e[0] + limits.window().toNanos() - now);
                }
            }
            return seconds(limits.window().toNanos());
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    static ApiResponse tooMany(String code, String message, long retryAfterSeconds) {
        return ApiResponse.error(429, code, message).header("Retry-After", Long.toString(retryAfterSeconds));
    }
}
