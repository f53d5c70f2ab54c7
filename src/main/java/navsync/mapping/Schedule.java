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

    /** Reads "30s", "15m", "2h" or "1d". */
    public static Duration parseInterval(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*([smhd])").matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("'" + text + "' is not an interval like 30s, 15m, 2h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
