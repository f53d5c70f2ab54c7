package navsync.sales;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How transient Web API failures are retried: {@code Retry-After} when the service sends it (429),
 * otherwise exponential backoff with full jitter; never longer than {@code maxWait} in total.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxWait) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofMinutes(2));
    }

    /** The pause before attempt {@code attempt + 1}, from the service's Retry-After (seconds) if given. */
    public Duration backoff(int attempt, String retryAfter) {
        if (retryAfter != null) {
            try {
                return Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
            } catch (NumberFormatException ignored) {
                // an HTTP date: Dataverse documents seconds, fall back to backoff
            }
        }
        long cap = firstBackoff.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(firstBackoff.toMillis() / 2, cap + 1));
    }
}
