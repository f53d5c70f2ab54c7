package navsync.mapping;

import java.time.Duration;
import java.time.Instant;

/**
 * How often a mapping's couplings are checked against both sides for records deleted while the
 * surviving side did not change (such a deletion is otherwise never noticed).
 *
 * @param interval at most this often; {@link Duration#ZERO} on every pass; null never
 */
public record DeletionSweep(Duration interval) {

    public static final DeletionSweep EVERY_PASS = new DeletionSweep(Duration.ZERO);
    public static final DeletionSweep NEVER = new DeletionSweep(null);
    /** The default: a sweep reads every coupling on both sides, so it runs a few times a day, not on every pass. */
    public static final DeletionSweep DEFAULT = new DeletionSweep(Duration.ofHours(6));

    /** Whether a pass starting {@code now} sweeps, the last sweep having started at {@code last} (null: never swept). */
    public boolean isDue(Instant last, Instant now) {
        if (interval == null) {
            return false;
        }
        return last == null || interval.isZero() || !last.plus(interval).isAfter(now);
    }

    /** Reads {@code everyPass}, {@code never} or an interval such as {@code 6h}. */
    public static DeletionSweep parse(String text) {
        return switch (text) {
            case "everyPass" -> EVERY_PASS;
            case "never" -> NEVER;
            default -> {
                if (!Schedule.looksLikeInterval(text)) {
                    throw new IllegalArgumentException("'" + text + "' is not a deletion sweep: an interval like 30m, 6h"
                            + " or 1d, everyPass, or never");
                }
                yield new DeletionSweep(Schedule.parseInterval(text));
            }
        };
    }
}
