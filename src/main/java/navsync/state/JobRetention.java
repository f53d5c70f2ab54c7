package navsync.state;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled cleanup of the job log ({@code routes/retention.yaml}): jobs and job errors older than
 * {@code navsync.retention.max-age} are deleted, except those a skipped coupling still refers to.
 */
public final class JobRetention {

    private static final Logger LOG = LoggerFactory.getLogger(JobRetention.class);
    /** Rows deleted per transaction: a long backlog never holds one huge lock. */
    private static final int CHUNK = 1000;

    private final StateStore store;
    private final Duration maxAge;

    public JobRetention(StateStore store, Duration maxAge) {
        this.store = store;
        this.maxAge = maxAge;
    }

    public JobStore.Cleanup cleanUp() {
        Instant cutoff = Instant.now().minus(maxAge);
        JobStore.Cleanup cleanup = store.jobs().deleteOlderThan(cutoff, CHUNK);
        if (cleanup.jobs() > 0 || cleanup.errors() > 0) {
            LOG.info("Job retention: deleted {} jobs and {} job errors started before {} (max age {})", cleanup.jobs(),
                    cleanup.errors(), cutoff, maxAge);
        }
        return cleanup;
    }
}
