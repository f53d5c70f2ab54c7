package navsync.mapping;

import java.time.Duration;

/**
 * When a mapping synchronizes by itself (NAV's job queue entry): every {@code interval}, or on a
 * Quartz {@code cron} expression; one of the two. With an {@code inactivitySleep} (NAV's inactivity
 * timeout period), a run that changed nothing sends the schedule to sleep that long; its firings
 * meanwhile only probe NAV and Sales for changes, and wake it when either side has some.
 */
public record Schedule(Duration interval, String cron, boolean enabled, Duration inactivitySleep) {

    public Schedule(Duration interval, String cron, boolean enabled) {
        this(interval, cron, enabled, null);
    }

    /** The camel-quartz endpoint options of this schedule's trigger (an interval trigger also fires at start). */
    public String quartzOptions() {
        return cron != null ? "cron=" + cron.trim().replace(' ', '+')
                : "trigger.repeatInterval=" + interval.toMillis() + "&trigger.repeatCount=-1";
    }

    /** The longest interval a schedule or a deletion sweep may have (a longer one is a typo, or overflows). */
    public static final Duration LONGEST_INTERVAL = Duration.ofDays(3650);
    private static final java.util.regex.Pattern INTERVAL = java.util.regex.Pattern.compile("(\\d+)\\s*([smhd])");

    /** Whether the text has the form of an interval, whatever its length. */
    public static boolean looksLikeInterval(String text) {
        return INTERVAL.matcher(text.trim()).matches();
    }

    /** Reads "30s", "15m", "2h" or "1d", up to {@link #LONGEST_INTERVAL}. */
    public static Duration parseInterval(String text) {
        java.util.regex.Matcher m = INTERVAL.matcher(text.trim());
        if (!m.matches() || m.group(1).matches("0+")) {
            throw new IllegalArgumentException("'" + text + "' is not an interval like 30s, 15m, 2h or 1d");
        }
        String digits = m.group(1).replaceFirst("^0+", "");
        long limit = switch (m.group(2)) {
            case "s" -> LONGEST_INTERVAL.toSeconds();
            case "m" -> LONGEST_INTERVAL.toMinutes();
            case "h" -> LONGEST_INTERVAL.toHours();
            default -> LONGEST_INTERVAL.toDays();
        };
        // compared before any arithmetic: a long enough number overflows Duration or its milliseconds
        if (digits.length() > 18 || Long.parseLong(digits) > limit) {
            throw new IllegalArgumentException("'" + text + "' is longer than " + LONGEST_INTERVAL.toDays()
                    + "d, the longest interval");
        }
        long n = Long.parseLong(digits);
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
