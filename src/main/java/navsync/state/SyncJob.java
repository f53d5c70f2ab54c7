package navsync.state;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One pass of one mapping in one direction (NAV's Integration Synch. Job). */
public record SyncJob(UUID id, String mappingName, String direction, String type, String status,
                      Instant startedAt, Instant finishedAt, JobCounters counters, String message) {

    public static final String RUNNING = "Running";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";

    /** Elapsed time, up to now for a running job. */
    public Duration elapsed() {
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
    }

    /** Records handled per second (all counters), 0 for a job that handled none. */
    public double recordsPerSecond() {
        double seconds = elapsed().toNanos() / 1e9;
        return seconds <= 0 ? 0 : counters.total() / seconds;
    }
}
