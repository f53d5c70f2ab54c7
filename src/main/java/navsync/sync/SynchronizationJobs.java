package navsync.sync;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.state.JobCounters;
import navsync.state.StateStore;
import navsync.state.SyncJob;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens, finishes and fails synchronization jobs, keeps one running job per mapping, and moves a
 * pass's watermark when, and only when, the whole pass was committed.
 */
public final class SynchronizationJobs {

    private static final Logger LOG = LoggerFactory.getLogger(SynchronizationJobs.class);
    public static final String TYPE_SYNCHRONIZATION = "Synchronization";
    public static final String TYPE_PREVIEW = "Preview";

    private final StateStore store;
    private final Mappings mappings;
    private final Map<String, UUID> running = new ConcurrentHashMap<>();
    /** Cluster-wide locks of the mappings this instance runs (see MappingLocks). */
    private final Map<String, navsync.state.MappingLocks.Held> locks = new ConcurrentHashMap<>();

    public SynchronizationJobs(StateStore store, Mappings mappings) {
        this.store = store;
        this.mappings = mappings;
    }

    /** Opens a job for a pass: recorded and committed, so callers can follow it by id. */
    public JobRun open(String mappingName, Direction pass) {
        return open(mappingName, pass, false);
    }

    /** Opens a job for a pass, or for a preview of it (a dry run). */
    public JobRun open(String mappingName, Direction pass, boolean preview) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        if (!mapping.allows(pass)) {
            throw new IllegalArgumentException("mapping " + mappingName + " (" + mapping.direction()
                    + ") is not configured for " + pass + " synchronization");
        }
        UUID placeholder = UUID.randomUUID();
        UUID other = running.putIfAbsent(mappingName, placeholder);
        if (other != null) {
            throw new MappingBusyException(mappingName, other);
        }
        try {
            navsync.state.MappingLocks.Held lock = store.mappingLocks().tryLock(mappingName).orElseThrow(() ->
                    MappingBusyException.elsewhere(mappingName, store.jobs().latest(mappingName, 10).stream()
                            .filter(j -> j.status().equals(SyncJob.RUNNING)).map(SyncJob::id).findFirst().orElse(null)));
            locks.put(mappingName, lock);
            UUID id = store.jobs().start(mappingName, pass.name(), preview ? TYPE_PREVIEW : TYPE_SYNCHRONIZATION);
            running.put(mappingName, id);
            return new JobRun(id, mapping, pass, store.watermarks().get(mappingName, pass.name()).orElse(null), preview);
        } catch (RuntimeException e) {
            release(mappingName);
            running.remove(mappingName);
            throw e;
        }
    }

    private void release(String mappingName) {
        navsync.state.MappingLocks.Held lock = locks.remove(mappingName);
        if (lock != null) {
            lock.close();
        }
    }

    /** The pass is over: the mapping is free for the next one, here or on another instance. */
    private void ended(JobRun run) {
        if (running.remove(run.mapping().name(), run.id())) {
            release(run.mapping().name());
        }
    }

    /** First step of a pass route: the job the caller opened, or a new one (routes started directly). */
    public JobRun begin(Exchange exchange, String mappingName, String pass) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        if (run == null) {
            run = open(mappingName, Direction.valueOf(pass));
            exchange.setProperty(JobRun.PROPERTY, run);
        }
        return run;
    }

    /** Last step of a pass route: every batch was committed, so the watermark may move. */
    public void finish(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        try {
            String next = run.nextWatermark();
            if (next != null && !run.isPreview()) {
                store.watermarks().set(run.mapping().name(), run.pass().name(), next);
            }
            JobCounters c = run.counters();
            String summary = summary(run, c);
            store.jobs().finish(run.id(), SyncJob.SUCCEEDED, summary);
            LOG.info(summary);
        } finally {
            ended(run);
        }
    }

    /** A pass that stopped on an error: the job fails and the watermark stays where it was. */
    public void fail(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (run == null) {
            LOG.error("synchronization failed before its job started", cause);
            return;
        }
        try {
            String message = "stopped: " + (cause == null ? "unknown error" : rootMessage(cause))
                    + "; " + summary(run, run.counters());
            store.jobs().finish(run.id(), SyncJob.FAILED, message);
            LOG.error("{} {} job {} {}", run.mapping().name(), run.pass(), run.id(), message, cause);
        } finally {
            ended(run);
        }
    }

    /** The job running for a mapping, if any. */
    public UUID runningJob(String mappingName) {
        return running.get(mappingName);
    }

    static String summary(JobRun run, JobCounters c) {
        Duration elapsed = Duration.between(run.startedAt(), java.time.Instant.now());
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
        return String.format(java.util.Locale.ROOT,
                "%s %s job %s: inserted %d, modified %d, unchanged %d, skipped %d, failed %d in %.2f s (%.1f records/s)",
                run.mapping().name(), run.pass(), run.id(), c.inserted(), c.modified(), c.unchanged(), c.skipped(),
                c.failed(), seconds, c.total() / seconds);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
