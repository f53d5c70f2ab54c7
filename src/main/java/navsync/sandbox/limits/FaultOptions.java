package navsync.sandbox.limits;

import java.time.Duration;

/**
 * Fault injection: the fraction of Web API requests that answer 429, 500 or 503, or hang for {@code hangFor} and then
 * drop the connection, decided by a random source seeded with {@code seed}.
 */
public record FaultOptions(long seed, double tooManyRequests, double serverError, double unavailable, double hang,
                           Duration hangFor) {
    public FaultOptions {
        for (double r : new double[] {tooManyRequests, serverError, unavailable, hang}) {
            if (r < 0 || r > 1) {
                throw new IllegalArgumentException("fault rates must be within 0..1");
            }
        }
        if (tooManyRequests + serverError + unavailable + hang > 1) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
        if (hangFor == null || hangFor.isNegative()) {
            throw new IllegalArgumentException("hangFor must be >= 0");
        }
    }

    /** No faults with this seed; add rates with the withers. */
    public static FaultOptions seeded(long seed) {
        return new FaultOptions(seed, 0, 0, 0, 0, Duration.ofSeconds(30));
    }

    public FaultOptions withTooManyRequests(double rate) {
        return new FaultOptions(seed, rate, serverError, unavailable, hang, hangFor);
    }

    public FaultOptions withServerError(double rate) {
        return new FaultOptions(seed, tooManyRequests, rate, unavailable, hang, hangFor);
    }

    public FaultOptions withUnavailable(double rate) {
        return new FaultOptions(seed, tooManyRequests, serverError, rate, hang, hangFor);
    }

    public FaultOptions withHang(double rate, Duration hangFor) {
        return new FaultOptions(seed, tooManyRequests, serverError, unavailable, rate, hangFor);
    }
}
