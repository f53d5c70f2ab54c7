package navsync.mapping;

/**
 * When a record that keeps failing is skipped (left out of scheduled runs until restored): after a
 * number of consecutive failures, after the same error twice in a row (as NAV does), or never.
 * Transient failures (throttling, outages) never count toward skipping.
 */
public record SkipPolicy(int afterFailures, boolean sameErrorTwice) {

    public static SkipPolicy afterFailures(int failures) {
        return new SkipPolicy(failures, false);
    }

    public static final SkipPolicy SAME_ERROR_TWICE = new SkipPolicy(Integer.MAX_VALUE, true);
    public static final SkipPolicy NEVER = new SkipPolicy(Integer.MAX_VALUE, false);
}
