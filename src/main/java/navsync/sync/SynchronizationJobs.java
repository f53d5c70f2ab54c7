package navsync.sync;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** Records of a run of all mappings whose second-pass lookups waited, synchronized again at its end. */
    public static final String TYPE_SECOND_PASS = "SecondPass";
    /** Match-based coupling (NAV's coupling job): counts couplings made, no pass runs. */
    public static final String TYPE_COUPLING = "Coupling";

    private final StateStore store;
    private final Mappings mappings;
    private volatile navsync.monitoring.JobMetrics metrics = new navsync.monitoring.JobMetrics(() -> null);
    private final Map<String, UUID> running = new ConcurrentHashMap<>();
    /** The mappings this thread holds (see {@link #whileIdle}), each with the id {@link #running} holds it under. */
    private final ThreadLocal<Map<String, UUID>> heldHere = ThreadLocal.withInitial(java.util.HashMap::new);
    /** Cluster-wide locks of the mappings this instance runs (see MappingLocks). */
    private final Map<String, navsync.state.MappingLocks.Held> locks = new ConcurrentHashMap<>();

    public SynchronizationJobs(StateStore store, Mappings mappings) {
        this.store = store;
        this.mappings = mappings;
    }

    /** Where finished passes are counted (Camel's Prometheus registry). */
    public void reportTo(navsync.monitoring.JobMetrics metrics) {
        this.metrics = metrics;
    }

    /** Opens a job for a pass: recorded and committed, so callers can follow it by id. */
    public JobRun open(String mappingName, Direction pass) {
        return open(mappingName, pass, false);
    }

    /** Opens a job for a pass, or for a preview of it (a dry run). */
    public JobRun open(String mappingName, Direction pass, boolean preview) {
        return open(mappingName, pass, preview ? TYPE_PREVIEW : TYPE_SYNCHRONIZATION);
    }

    /** Opens the second pass of a mapping over these records (NAV keys or Sales ids, by pass). */
    public JobRun openSecondPass(String mappingName, Direction pass, List<String> records) {
        JobRun run = open(mappingName, pass, TYPE_SECOND_PASS);
        run.selectForSecondPass(records);
        return run;
    }

    private JobRun open(String mappingName, Direction pass, String type) {
        boolean preview = TYPE_PREVIEW.equals(type);
        IntegrationTableMapping mapping = mappings.get(mappingName);
        if (!mapping.allows(pass)) {
            throw new IllegalArgumentException("mapping " + mappingName + " (" + mapping.direction()
                    + ") is not configured for " + pass + " synchronization");
        }
        UUID held = heldHere.get().get(mappingName);
        UUID holder = held != null ? held : take(mappingName);
        try {
            store.couplings().recoverIntents(mappingName);
            Set<UUID> stopped = stoppedSinceLastSuccess(mappingName, pass);
            UUID id = store.jobs().start(mappingName, pass.name(), type);
            running.replace(mappingName, holder, id);
            heldHere.get().remove(mappingName); // handed over: the pass releases the mapping when it ends
            JobRun run = new JobRun(id, mapping, pass, store.watermarks().get(mappingName, pass.name()).orElse(null), preview,
                    stopped);
            run.holds(locks.get(mappingName));
            return run;
        } catch (RuntimeException e) {
            if (held == null) {
                giveBack(mappingName, holder);
            }
            throw e;
        }
    }

    /**
     * Takes the mapping for this instance, as a pass does: in-process and, on a shared store, through
     * the cluster lock; refused with {@link MappingBusyException} when a job holds it here or elsewhere.
     * Returns the placeholder under which {@link #running} holds it.
     */
    private UUID take(String mappingName) {
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
            return placeholder;
        } catch (RuntimeException e) {
            running.remove(mappingName, placeholder);
            throw e;
        }
    }

    /** Frees the mapping if {@code holder} still holds it (a job it was handed to frees it itself). */
    private void giveBack(String mappingName, UUID holder) {
        if (running.remove(mappingName, holder)) {
            release(mappingName);
        }
    }

    /** Jobs looked back at for {@link #stoppedSinceLastSuccess}: more stopped passes in a row than this are not expected. */
    private static final int STOPPED_LOOKBACK = 50;

    /**
     * The passes of this mapping and direction that stopped (a crash, an outage) since its last
     * successful one: the watermark did not move, so the next pass reads their committed records again.
     */
    private Set<UUID> stoppedSinceLastSuccess(String mappingName, Direction pass) {
        Set<UUID> stopped = new HashSet<>();
        for (SyncJob job : store.jobs().latest(mappingName, STOPPED_LOOKBACK)) {
            if (!job.direction().equals(pass.name()) || TYPE_PREVIEW.equals(job.type()) || TYPE_COUPLING.equals(job.type())) {
                continue;
            }
            if (SyncJob.SUCCEEDED.equals(job.status())) {
                break;
            }
            if (SyncJob.FAILED.equals(job.status())) {
                stopped.add(job.id());
            }
        }
        return stopped;
    }

    /**
     * Opens a coupling job: it holds the mapping as a pass does, so no pass creates rows for records
     * being coupled meanwhile; {@link #finishCoupling} releases it.
     */
    public UUID openCoupling(String mappingName) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        UUID held = heldHere.get().get(mapping.name());
        UUID holder = held != null ? held : take(mapping.name());
        try {
            UUID id = store.jobs().start(mapping.name(), mapping.direction().name(), TYPE_COUPLING);
            running.replace(mapping.name(), holder, id);
            if (held != null) {
                heldHere.get().put(mapping.name(), id);
            }
            return id;
        } catch (RuntimeException e) {
            if (held == null) {
                giveBack(mapping.name(), holder);
            }
            throw e;
        }
    }

    /**
     * Runs {@code work} holding the mapping as a pass does (in-process and, on a shared store, through
     * the cluster lock), refused with {@link MappingBusyException} before {@code work} writes anything
     * while a job holds it: a pass records the couplings of new rows before it writes them, so
     * coupling or uncoupling its records under it would duplicate or orphan rows. A job that
     * {@code work} opens on this thread takes the mapping over, so no other job starts in between;
     * called again inside {@code work}, it just runs.
     */
    public <T> T whileIdle(String mappingName, java.util.function.Supplier<T> work) {
        if (heldHere.get().containsKey(mappingName)) {
            return work.get();
        }
        heldHere.get().put(mappingName, take(mappingName));
        try {
            return work.get();
        } finally {
            UUID holder = heldHere.get().remove(mappingName);
            if (holder != null) {
                giveBack(mappingName, holder);
            }
        }
    }

    /** Records a coupling job's counters and per-record errors, finishes it and releases the mapping. */
    public void finishCoupling(String mappingName, UUID jobId, JobCounters counters,
                               java.util.List<navsync.state.JobStore.NewError> errors, String status, String message) {
        try {
            store.inTransaction(c -> {
                store.jobs().record(c, jobId, mappingName, counters, errors);
                return null;
            });
            store.jobs().finish(jobId, status, message);
            LOG.info("{} coupling job {}: {}", mappingName, jobId, message);
        } finally {
            if (!heldHere.get().containsKey(mappingName)) {
                giveBack(mappingName, jobId);
            }
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
        try {
            if (run.selection() != null) {
                store.jobSelections().delete(run.id()); // done: nothing to resume
            }
        } finally {
            giveBack(run.mapping().name(), run.id());
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
        finishRun(exchange.getProperty(JobRun.PROPERTY, JobRun.class));
    }

    // not an overload of finish/fail: the routes call those by name, and Camel's bean binding must not choose
    void finishRun(JobRun run) {
        try {
            run.requireLock();
        } catch (IllegalStateException lost) {
            failRun(run, lost);
            return;
        }
        try {
            String next = run.nextWatermark();
            if (next != null && !run.isPreview()) {
                store.watermarks().set(run.mapping().name(), run.pass().name(), next);
            }
            if (run.sweptDeletions() && !run.isPreview()) {
                store.watermarks().set(run.mapping().name(), CouplingSweep.WATERMARK, run.startedAt().toString());
            }
            JobCounters c = run.counters();
            String summary = summary(run, c);
            store.jobs().finish(run.id(), SyncJob.SUCCEEDED, summary);
            LOG.info(summary);
            if (!run.isPreview()) {
                metrics.finished(run.mapping().name(), run.pass().name(), SyncJob.SUCCEEDED, c,
                        Duration.between(run.startedAt(), java.time.Instant.now()));
            }
        } finally {
            ended(run);
        }
    }

    /** How long a stopped pass waits for its batches in flight: a Sales request times out after 2 minutes. */
    private static final Duration BATCHES_AFTER_A_STOP = Duration.ofMinutes(3);

    /** A pass that stopped on an error: the job fails and the watermark stays where it was. */
    public void fail(Exchange exchange) {
        failRun(exchange.getProperty(JobRun.PROPERTY, JobRun.class), exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                Exception.class));
    }

    void failRun(JobRun run, Exception cause) {
        if (run == null) {
            LOG.error("synchronization failed before its job started", cause);
            return;
        }
        try {
            if (!run.awaitBatches(BATCHES_AFTER_A_STOP)) {
                LOG.warn("{} {} job {}: batches still in flight {} after the pass stopped; the mapping is freed anyway",
                        run.mapping().name(), run.pass(), run.id(), BATCHES_AFTER_A_STOP);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            String message = "stopped: " + (cause == null ? "unknown error" : rootMessage(cause))
                    + "; " + summary(run, run.counters());
            store.jobs().finish(run.id(), SyncJob.FAILED, message);
            metrics.finished(run.mapping().name(), run.pass().name(), SyncJob.FAILED, run.counters(),
                    Duration.between(run.startedAt(), java.time.Instant.now()));
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
                c.failed(), seconds, c.total() / seconds)
                + (run.resumed() == null ? "" : "; resumes job " + run.resumed() + ", cut off by the last stop");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
