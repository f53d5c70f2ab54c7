package navsync.sync;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.state.JobCounters;
import navsync.state.MappingLocks;

/**
 * A synchronization job while it runs: shared by the parallel batches of its pass (Camel copies the
 * exchange property holding it into every split part), so its accumulators are thread-safe.
 */
public final class JobRun {

    /** Exchange property that carries the running job through a route. */
    public static final String PROPERTY = "navsyncJob";

    private final UUID id;
    private final IntegrationTableMapping mapping;
    private final Direction pass;
    private final Instant startedAt = Instant.now();
    private final String startWatermark;
    private final AtomicLong highestVersion = new AtomicLong(Long.MIN_VALUE);
    private final java.util.concurrent.atomic.AtomicReference<Instant> latestModifiedOn = new java.util.concurrent.atomic.AtomicReference<>();
    private final Set<String> retried = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inserted = new AtomicInteger();
    private final AtomicInteger modified = new AtomicInteger();
    private final AtomicInteger deleted = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger coupled = new AtomicInteger();
    private final AtomicInteger uncoupled = new AtomicInteger();

    private final boolean preview;
    /** The records a "Synchronize Now" names (NAV keys or Sales ids), or null for a pass over changes. */
    private volatile List<String> selection;
    private final java.util.Queue<PreviewRecord> previewRecords = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Passes of this mapping and direction that stopped since its last successful one. */
    private final Set<UUID> stoppedPasses;

    JobRun(UUID id, IntegrationTableMapping mapping, Direction pass, String startWatermark, boolean preview) {
        this(id, mapping, pass, startWatermark, preview, Set.of());
    }

    JobRun(UUID id, IntegrationTableMapping mapping, Direction pass, String startWatermark, boolean preview,
           Set<UUID> stoppedPasses) {
        this.stoppedPasses = Set.copyOf(stoppedPasses);
        this.preview = preview;
        this.id = id;
        this.mapping = mapping;
        this.pass = pass;
        this.startWatermark = startWatermark;
    }

    public UUID id() {
        return id;
    }

    /**
     * Restricts the pass to these records (NAV keys for NAV -> Sales, Sales ids for Sales -> NAV), read
     * whatever their watermark and written in full, the pass's side winning (NAV's "Synchronize Now").
     */
    void select(List<String> records) {
        this.selection = List.copyOf(records);
    }

    public List<String> selection() {
        return selection;
    }

    /**
     * The second pass of a run of all mappings: these records (NAV keys or Sales ids, by pass) are
     * reconciled again now that the related records of their second-pass lookups may be coupled.
     */
    void selectForSecondPass(List<String> records) {
        this.secondPass = true;
        select(records);
    }

    private volatile boolean secondPass;

    /** In the second pass, lookups whose related record is still not coupled follow their whenUncoupled rule. */
    public boolean isSecondPass() {
        return secondPass;
    }

    /** The job, cut off by a stop, whose records this one synchronizes again (see SynchronizationService.resumeInterrupted). */
    private volatile UUID resumes;

    void resumes(UUID interrupted) {
        this.resumes = interrupted;
    }

    UUID resumed() {
        return resumes;
    }

    /** Create in Sales / Create from Sales: uncoupled selected records are created and coupled whatever synchOnlyCoupledRecords says. */
    private volatile boolean createsUncoupled;

    void createUncoupled() {
        this.createsUncoupled = true;
    }

    boolean createsUncoupled() {
        return createsUncoupled;
    }

    /** NAV's Restore: a selected record whose other side was deleted gets it recreated, whatever the mapping says. */
    private volatile boolean restoreDeleted;

    void restoreDeleted() {
        this.restoreDeleted = true;
    }

    /** How this pass resolves a coupled pair whose other side was deleted. */
    navsync.mapping.DeletionResolution deletionResolution() {
        return restoreDeleted ? navsync.mapping.DeletionResolution.restore : mapping.deletionResolution();
    }

    /** A selected record is synchronized in full, as if it had never been: the pass's side wins every field. */
    boolean isForced() {
        return selection != null && !secondPass;
    }

    /** A dry run: plans every record and reports it, writes nothing to either side, moves no watermark. */
    public boolean isPreview() {
        return preview;
    }

    void report(PreviewRecord record) {
        previewRecords.add(record);
    }

    public java.util.List<PreviewRecord> previewRecords() {
        return java.util.List.copyOf(previewRecords);
    }

    /**
     * In a preview, the NAV keys an earlier pass of the same run would have written: the real run
     * finds them in step afterwards, so this pass counts them unchanged as the real one would.
     */
    private final Set<String> writtenEarlier = ConcurrentHashMap.newKeySet();

    void writtenByEarlierPass(java.util.Collection<String> navKeys) {
        writtenEarlier.addAll(navKeys);
    }

    boolean wasWrittenEarlier(String navKey) {
        return preview && writtenEarlier.contains(navKey);
    }

    /** In a preview, NAV keys whose pair an earlier pass of the same run would have deleted or uncoupled. */
    private final Set<String> deletedEarlier = ConcurrentHashMap.newKeySet();
    private final Set<String> uncoupledEarlier = ConcurrentHashMap.newKeySet();

    void deletedByEarlierPass(java.util.Collection<String> navKeys) {
        deletedEarlier.addAll(navKeys);
    }

    void uncoupledByEarlierPass(java.util.Collection<String> navKeys) {
        uncoupledEarlier.addAll(navKeys);
    }

    /** The real run finds this pair's Sales row gone: an earlier pass deleted one side and the coupling. */
    boolean wasDeletedEarlier(String navKey) {
        return preview && deletedEarlier.contains(navKey);
    }

    /** The real run finds this record uncoupled: an earlier pass removed its coupling. */
    boolean wasUncoupledEarlier(String navKey) {
        return preview && uncoupledEarlier.contains(navKey);
    }

    /** NAV keys that failed in this pass: a later batch of it (the deletion sweep) does not fail them twice. */
    private final Set<String> failedKeys = ConcurrentHashMap.newKeySet();

    void noteFailed(String navKey) {
        failedKeys.add(navKey);
    }

    boolean failedInThisPass(String navKey) {
        return failedKeys.contains(navKey);
    }

    /** Batches of this pass between their first step and their end (see {@link #awaitBatches}). */
    private final AtomicInteger batchesInFlight = new AtomicInteger();

    void batchBegins() {
        batchesInFlight.incrementAndGet();
    }

    void batchEnds() {
        if (batchesInFlight.decrementAndGet() == 0) {
            synchronized (batchesInFlight) {
                batchesInFlight.notifyAll();
            }
        }
    }

    /**
     * Waits, at most {@code max}, until no batch of this pass is in flight. A parallel split that stops on
     * one batch's exception does not wait for its other batches: they still write and commit, so the
     * mapping must not be free for the next pass (whose recovery of coupling intents would race their
     * commits) before they end. Returns whether they all ended.
     */
    boolean awaitBatches(java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (batchesInFlight) {
            while (batchesInFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                batchesInFlight.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** The mapping's lock this pass holds (across instances on PostgreSQL), or null. */
    private volatile MappingLocks.Held lock;

    void holds(MappingLocks.Held lock) {
        this.lock = lock;
    }

    /**
     * Called before each write of the pass: when its mapping lock was lost (the session holding it
     * ended), another instance may be running the mapping, so the pass stops here.
     */
    void requireLock() {
        if (lock != null && !lock.isHeld()) {
            throw new IllegalStateException("mapping " + mapping.name() + " lost its lock (the state store session"
                    + " holding it ended): the pass stopped before its next write, another navsync instance may run"
                    + " the mapping now; the next run synchronizes the rest");
        }
    }

    /**
     * Whether this pass, or a stopped pass (its watermark left behind, so this pass reads its records
     * again), last synchronized this coupling in this direction: it counted the record, and a record this
     * pass finds unchanged is not counted again. This pass reads a record again when its own write moved
     * it behind a later page (a new number written back to a Sales row moves its modifiedon).
     */
    boolean alreadyCounted(navsync.state.Coupling coupling) {
        UUID last = pass == Direction.ToIntegrationTable ? coupling.toJobId() : coupling.fromJobId();
        return last != null && (last.equals(id) || stoppedPasses.contains(last));
    }

    public IntegrationTableMapping mapping() {
        return mapping;
    }

    public Direction pass() {
        return pass;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** NAV -> Sales: the row version the pass reads above; null for a first or full pass. */
    public Long startVersion() {
        return startWatermark == null ? null : Long.valueOf(startWatermark);
    }

    /** Sales -> NAV: the modifiedon the pass reads from; null for a first or full pass (or a stored delta link). */
    public Instant startModifiedOn() {
        return startWatermark == null || isUrl(startWatermark) ? null : Instant.parse(startWatermark);
    }

    /** Sales -> NAV with change tracking: the delta link the pass reads; null for a first or full pass. */
    public String startDeltaLink() {
        return startWatermark != null && isUrl(startWatermark) ? startWatermark : null;
    }

    private static boolean isUrl(String watermark) {
        return watermark.startsWith("http:") || watermark.startsWith("https:");
    }

    private volatile String deltaLink;

    /** Notes the delta link of the last page of a change-tracking read: the next watermark once every batch committed. */
    void observeDeltaLink(String link) {
        this.deltaLink = link;
    }

    private volatile boolean sweptDeletions;

    /** Notes that this pass sweeps the mapping's couplings for deletions (recorded when the pass succeeds). */
    void sweepsDeletions() {
        this.sweptDeletions = true;
    }

    boolean sweptDeletions() {
        return sweptDeletions;
    }

    /** Notes a NAV row version read by this pass; the highest becomes the next watermark. */
    public void observeVersion(long version) {
        highestVersion.accumulateAndGet(version, Math::max);
    }

    /** Notes a Sales modifiedon read by this pass; the latest, capped at the job's start, becomes the next watermark. */
    public void observeModifiedOn(Instant modifiedOn) {
        Instant capped = modifiedOn.isAfter(startedAt) ? startedAt : modifiedOn;
        latestModifiedOn.accumulateAndGet(capped, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    /** The watermark of the next pass, or null when this pass read nothing that moves it. */
    public String nextWatermark() {
        if (selection != null) {
            return null; // chosen records say nothing about the changes since the watermark
        }
        if (pass == Direction.ToIntegrationTable) {
            long v = highestVersion.get();
            return v == Long.MIN_VALUE || startVersion() != null && v <= startVersion() ? null : Long.toString(v);
        }
        if (mapping.salesChanges() == navsync.mapping.SalesChanges.changeTracking) {
            return deltaLink;
        }
        Instant latest = latestModifiedOn.get();
        return latest == null || startModifiedOn() != null && !latest.isAfter(startModifiedOn()) ? null : latest.toString();
    }

    /** Marks a key as handled by the retry set, so the changed-rows read does not handle it twice. */
    public void markRetried(String navKey) {
        retried.add(navKey);
    }

    public boolean wasRetried(String navKey) {
        return retried.contains(navKey);
    }

    public void add(JobCounters delta) {
        inserted.addAndGet(delta.inserted());
        modified.addAndGet(delta.modified());
        deleted.addAndGet(delta.deleted());
        unchanged.addAndGet(delta.unchanged());
        skipped.addAndGet(delta.skipped());
        failed.addAndGet(delta.failed());
        coupled.addAndGet(delta.coupled());
        uncoupled.addAndGet(delta.uncoupled());
    }

    public JobCounters counters() {
        return new JobCounters(inserted.get(), modified.get(), deleted.get(), unchanged.get(), skipped.get(), failed.get(),
                coupled.get(), uncoupled.get());
    }
}
