package navsync.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.state.JobCounters;
import navsync.state.JobSelectionStore;
import navsync.state.StateStore;
import navsync.state.SyncJob;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/**
 * Starts synchronization: opens a pass's job (so its id can be returned at once) and hands it to the
 * mapping's pass route. A mapping synchronized without a direction runs the passes its direction
 * allows, NAV -> Sales first, as NAV does. Used by the REST API, the start-up run and the tests.
 */
public final class SynchronizationService {

    /** Exchange property: the pass synchronizes chosen records, not the changes since its watermark. */
    public static final String SELECTED = "navsyncSelected";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SynchronizationService.class);

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final SynchronizationJobs jobs;
    private final Mappings mappings;
    private final StateStore store;
    private final InactivitySleep sleep;
    /** Runs of all mappings going on: scheduled firings wait for the next time meanwhile. */
    private final java.util.concurrent.atomic.AtomicInteger runAllInProgress = new java.util.concurrent.atomic.AtomicInteger();

    public SynchronizationService(CamelContext camel, SynchronizationJobs jobs, Mappings mappings, StateStore store,
                                  InactivitySleep sleep) {
        this.camel = camel;
        this.sleep = sleep;
        this.producer = camel.createProducerTemplate();
        this.jobs = jobs;
        this.mappings = mappings;
        this.store = store;
    }

    /** The route endpoint of a mapping's pass. */
    public static String passEndpoint(String mapping, Direction pass) {
        return (pass == Direction.ToIntegrationTable ? "direct:nav-to-sales-" : "direct:sales-to-nav-") + mapping;
    }

    /** The one-way passes a request runs: the one asked for, or all the mapping allows, NAV -> Sales first. */
    public List<Direction> passes(IntegrationTableMapping mapping, Direction pass) {
        if (pass == Direction.Bidirectional) {
            throw new IllegalArgumentException("a pass runs one way: ToIntegrationTable or FromIntegrationTable");
        }
        if (pass != null) {
            if (!mapping.allows(pass)) {
                throw new IllegalArgumentException("mapping " + mapping.name() + " (" + mapping.direction()
                        + ") is not configured for " + pass + " synchronization");
            }
            return List.of(pass);
        }
        List<Direction> passes = new ArrayList<>();
        for (Direction d : List.of(Direction.ToIntegrationTable, Direction.FromIntegrationTable)) {
            if (mapping.allows(d)) {
                passes.add(d);
            }
        }
        return passes;
    }

    /** Starts the passes in the background; returns the first pass's job id and the completion of all. */
    public Started start(String mappingName, Direction pass) {
        return start(mappingName, pass, false, new ArrayList<>());
    }

    /** "Synchronize Now" of chosen records (NAV keys or Sales ids, by pass) as one job, in full. */
    public Started startSelected(String mappingName, Direction pass, List<String> records) {
        return started(openSelected(mappingName, pass, JobSelectionStore.Kind.SYNCHRONIZE, records));
    }

    /**
     * Create in Sales (NAV keys, ToIntegrationTable) or Create from Sales (Sales ids,
     * FromIntegrationTable): the chosen uncoupled records are created on the other side and coupled,
     * as one job in bulk, whatever the mapping's synchOnlyCoupledRecords says; {@code alreadyCoupled}
     * records the caller left out are counted skipped in that job.
     */
    public Started startCreate(String mappingName, Direction pass, List<String> records, int alreadyCoupled) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        JobRun run = openSelected(mapping.name(), pass, JobSelectionStore.Kind.CREATE, records);
        if (alreadyCoupled > 0) {
            JobCounters skipped = new JobCounters(0, 0, 0, 0, alreadyCoupled, 0, 0, 0);
            store.inTransaction(c -> {
                store.jobs().record(c, run.id(), mapping.name(), skipped, List.of());
                return null;
            });
            run.add(skipped);
        }
        return started(run);
    }

    /**
     * Opens a manual job over chosen records and records them, so that a job a crash cuts off is
     * resumed at the next start ({@link #resumeInterrupted}); the job's end removes them.
     */
    private JobRun openSelected(String mappingName, Direction pass, JobSelectionStore.Kind kind, List<String> records) {
        passes(mappings.get(mappingName), pass);
        JobRun run = jobs.open(mappingName, pass, false);
        run.select(records);
        switch (kind) {
            case CREATE -> run.createUncoupled();
            case RESTORE -> run.restoreDeleted();
            case SYNCHRONIZE -> { }
        }
        try {
            store.jobSelections().record(new JobSelectionStore.Selection(run.id(), mappingName, pass, kind,
                    run.selection()));
        } catch (RuntimeException e) {
            jobs.failRun(run, e);
            throw e;
        }
        return run;
    }

    private Started started(JobRun run) {
        return new Started(run.id(), List.of(run.pass()), send(run).thenApply(ex -> new ArrayList<>(List.of(run.id()))));
    }

    /**
     * Resumes the manual jobs a stop cut off (crash, kill), from the records they left in the state
     * store, one after the other, waiting for each: a new job over the same records, whose end says
     * which job it resumes, while the cut-off job's message names the new one. Done at start-up; the
     * records a cut-off job already wrote are synchronized again (unchanged), its pending couplings
     * and coupling intents keep their Sales ids, so nothing is created twice.
     */
    public List<SyncJob> resumeInterrupted(Duration timeout) {
        List<SyncJob> finished = new ArrayList<>();
        for (JobSelectionStore.Selection left : store.jobSelections().leftOver()) {
            if (left.kind() == JobSelectionStore.Kind.MATCH) {
                continue; // a match-based coupling's matching: CouplingService.resumeInterrupted
            }
            Optional<Started> resumed;
            try {
                resumed = jobs.whileIdle(left.mapping(), () -> resume(left));
            } catch (MappingBusyException e) {
                LOG.warn("Interrupted job {} of {} not resumed now: {}", left.jobId(), left.mapping(), e.getMessage());
                continue;
            }
            if (resumed.isPresent()) {
                finished.addAll(await(resumed.get().done(), timeout, "job " + resumed.get().jobId()));
            }
        }
        return finished;
    }

    private Optional<Started> resume(JobSelectionStore.Selection left) {
        if (store.jobSelections().find(left.jobId()).isEmpty()) {
            return Optional.empty(); // resumed by another instance meanwhile
        }
        Started started = null;
        String note;
        try {
            JobRun run = openSelected(left.mapping(), left.pass(), left.kind(), left.records());
            run.resumes(left.jobId());
            started = started(run);
            note = "resumed at the next start as job " + run.id() + " over its " + left.records().size() + " records";
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            note = "not resumed (" + e.getMessage() + "): its " + left.records().size() + " records are left as they are";
        }
        store.jobSelections().delete(left.jobId());
        noteCutOff(left, note);
        return Optional.ofNullable(started);
    }

    /** Adds to the message of a job the last stop cut off what became of it (resumed as which job, or not). */
    public void noteCutOff(JobSelectionStore.Selection left, String note) {
        store.jobs().find(left.jobId()).ifPresent(j -> store.jobs().finish(j.id(), j.status(),
                j.message() == null ? note : j.message() + "; " + note));
        LOG.warn("{} {} {} job {} was cut off by the last stop: {}", left.mapping(), left.pass(), left.kind(),
                left.jobId(), note);
    }

    /**
     * NAV's Restore of couplings whose other side was deleted: recreates the Sales rows of
     * {@code navKeys} (NAV -> Sales) and the NAV records of {@code salesIds} (Sales -> NAV), one job
     * per pass that has records, NAV -> Sales first.
     */
    public Started startRestore(String mappingName, List<String> navKeys, List<String> salesIds) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        Map<Direction, List<String>> selections = new java.util.LinkedHashMap<>();
        if (!navKeys.isEmpty()) {
            selections.put(Direction.ToIntegrationTable, navKeys);
        }
        if (!salesIds.isEmpty()) {
            selections.put(Direction.FromIntegrationTable, salesIds);
        }
        if (selections.isEmpty()) {
            throw new IllegalArgumentException("no couplings to restore");
        }
        selections.keySet().forEach(pass -> passes(mapping, pass));
        List<Direction> passes = new ArrayList<>(selections.keySet());
        JobRun first = openRestore(mapping, passes.get(0), selections.get(passes.get(0)));
        CompletableFuture<List<UUID>> done = send(first).thenApply(ex -> new ArrayList<>(List.of(first.id())));
        if (passes.size() > 1) {
            done = done.thenCompose(ids -> {
                JobRun second = openRestore(mapping, passes.get(1), selections.get(passes.get(1)));
                ids.add(second.id());
                return send(second).thenApply(ex -> ids);
            });
        }
        return new Started(first.id(), passes, done);
    }

    private JobRun openRestore(IntegrationTableMapping mapping, Direction pass, List<String> records) {
        return openSelected(mapping.name(), pass, JobSelectionStore.Kind.RESTORE, records);
    }

    /**
     * Runs the passes as a preview (dry run) and waits: nothing is written to NAV, Sales or the
     * couplings; the result says per record what the passes would do.
     */
    public Preview preview(String mappingName, Direction pass, Duration timeout) {
        List<JobRun> runs = new ArrayList<>();
        Started started = start(mappingName, pass, true, runs);
        List<SyncJob> finished = await(started.done(), timeout, "preview " + started.jobId());
        return new Preview(finished, runs.stream().flatMap(r -> r.previewRecords().stream()).toList());
    }

    private Started start(String mappingName, Direction pass, boolean preview, List<JobRun> runs) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        List<Direction> passes = passes(mapping, pass);
        JobRun first = jobs.open(mapping.name(), passes.get(0), preview);
        runs.add(first);
        CompletableFuture<List<UUID>> done = send(first).thenApply(ex -> new ArrayList<>(List.of(first.id())));
        for (Direction next : passes.subList(1, passes.size())) {
            done = done.thenCompose(ids -> {
                JobRun run = jobs.open(mapping.name(), next, preview);
                runs.forEach(earlier -> {
                    run.writtenByEarlierPass(earlier.previewRecords().stream()
                            .filter(r -> r.action().equals("insert") || r.action().equals("modify"))
                            .map(PreviewRecord::navKey).toList());
                    run.deletedByEarlierPass(earlier.previewRecords().stream()
                            .filter(r -> r.action().equals("delete")).map(PreviewRecord::navKey).toList());
                    run.uncoupledByEarlierPass(earlier.previewRecords().stream()
                            .filter(r -> r.action().equals("uncouple")).map(PreviewRecord::navKey).toList());
                });
                runs.add(run);
                ids.add(run.id());
                return send(run).thenApply(ex -> ids);
            });
        }
        if (!preview) {
            done = done.thenCompose(ids -> secondPassesAfter(mapping.name()).thenApply(more -> {
                ids.addAll(more);
                return ids;
            }));
        }
        return new Started(first.id(), passes, done);
    }

    /** A preview's jobs (with the counters the run would have) and what it would do per record. */
    public record Preview(List<SyncJob> jobs, List<PreviewRecord> records) {
    }

    /**
     * Starts every mapping in dependency order, each with the passes its direction allows, one
     * mapping after the other (each followed by the second passes it allows); returns the ids of all
     * jobs once done.
     */
    public CompletableFuture<List<UUID>> startAll() {
        runAllInProgress.incrementAndGet();
        CompletableFuture<List<UUID>> done = CompletableFuture.completedFuture(new ArrayList<>());
        for (IntegrationTableMapping mapping : mappings.dependencyOrder()) {
            done = done.thenCompose(ids -> startUnlessBusy(mapping.name()).thenApply(more -> {
                ids.addAll(more);
                return ids;
            }));
        }
        return done.whenComplete((ids, error) -> runAllInProgress.decrementAndGet());
    }

    /**
     * After a run of {@code target}: the second pass of the records whose second-pass lookups wait for
     * a record of {@code target} (the account whose primary contact was not coupled yet).
     */
    private CompletableFuture<List<UUID>> secondPassesAfter(String target) {
        CompletableFuture<List<UUID>> done = CompletableFuture.completedFuture(new ArrayList<>());
        for (IntegrationTableMapping waiting : mappings.waitingFor(target)) {
            for (Direction pass : passes(waiting, null)) {
                done = done.thenCompose(ids -> startSecondPass(waiting, pass).thenApply(more -> {
                    ids.addAll(more);
                    return ids;
                }));
            }
        }
        return done;
    }

    private CompletableFuture<List<UUID>> startSecondPass(IntegrationTableMapping mapping, Direction pass) {
        List<String> navKeys = store.couplings().awaitingSecondPass(mapping.name(), pass);
        if (navKeys.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<String> records = pass == Direction.ToIntegrationTable ? navKeys
                : store.couplings().findByNavKeys(mapping.name(), navKeys).values().stream()
                        .map(c -> c.salesId().toString()).toList();
        try {
            JobRun run = jobs.openSecondPass(mapping.name(), pass, records);
            return send(run).thenApply(ex -> List.of(run.id()));
        } catch (MappingBusyException e) {
            LOG.warn("Second pass of {} left to its next run: {}", mapping.name(), e.getMessage());
            return CompletableFuture.completedFuture(List.of());
        }
    }

    /** Holds scheduled firings back (the start-up run is about to go); each hold needs a release. */
    public void holdSchedules() {
        runAllInProgress.incrementAndGet();
    }

    public void releaseSchedules() {
        runAllInProgress.decrementAndGet();
    }

    private CompletableFuture<List<UUID>> startUnlessBusy(String mapping) {
        try {
            return start(mapping, null).done();
        } catch (MappingBusyException e) {
            LOG.warn("{} skipped in the synchronization of all mappings: {}", mapping, e.getMessage());
            return CompletableFuture.completedFuture(List.of());
        }
    }

    /**
     * A scheduled firing: runs the passes the mapping allows and waits for them. A mapping already
     * running (started by hand) is left alone: the schedule fires again later.
     */
    public void runScheduled(String mappingName) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        if (runAllInProgress.get() > 0) {
            LOG.info("Scheduled synchronization of {} skipped: all mappings are being synchronized", mappingName);
            return;
        }
        java.time.Instant recent = mapping.schedule() == null || mapping.schedule().interval() == null ? null
                : java.time.Instant.now().minus(mapping.schedule().interval()).plusSeconds(1);
        if (recent != null && store.jobs().latest(mappingName, 1).stream()
                .anyMatch(j -> j.finishedAt() != null && j.finishedAt().isAfter(recent))) {
            LOG.info("Scheduled synchronization of {} skipped: it ran less than {} ago", mappingName,
                    mapping.schedule().interval());
            return;
        }
        if (sleep.asleepUntil(mapping).isPresent() && !wakeUp(mapping)) {
            return;
        }
        try {
            run(mappingName, null, Duration.ofHours(12));
        } catch (MappingBusyException e) {
            LOG.info("Scheduled synchronization of {} skipped: {}", mappingName, e.getMessage());
            return;
        }
        sleep.asleepUntil(mapping).ifPresent(until -> LOG.info("Scheduled synchronization of {} changed nothing:"
                + " its schedule sleeps until {} unless NAV or Sales change", mappingName, until));
    }

    /** A sleeping schedule's firing: the probe's answer whether to run; a failing probe runs (its job records the error). */
    private boolean wakeUp(IntegrationTableMapping mapping) {
        try {
            Optional<String> changed = sleep.changes(mapping);
            if (changed.isEmpty()) {
                LOG.info("Scheduled synchronization of {} sleeps until {}: no changes in NAV or Sales", mapping.name(),
                        sleep.asleepUntil(mapping).map(Object::toString).orElse("now"));
                return false;
            }
            LOG.info("Scheduled synchronization of {} wakes up: {} has changes", mapping.name(), changed.get());
        } catch (RuntimeException e) {
            LOG.warn("Scheduled synchronization of {}: the wake-up probe failed ({}); running", mapping.name(),
                    e.getMessage());
        }
        return true;
    }

    /** Until when the mapping's schedule sleeps (its inactivity sleep after a run that changed nothing), if it does. */
    public Optional<java.time.Instant> asleepUntil(String mappingName) {
        return sleep.asleepUntil(mappings.get(mappingName));
    }

    /** Runs every mapping in dependency order and waits; returns the finished jobs in order. */
    public List<SyncJob> runAll(Duration timeout) {
        return await(startAll(), timeout, "synchronization of all mappings");
    }

    /** Runs the passes and waits; returns their finished jobs in order. */
    public List<SyncJob> run(String mappingName, Direction pass, Duration timeout) {
        Started started = start(mappingName, pass);
        return await(started.done(), timeout, "job " + started.jobId());
    }

    private List<SyncJob> await(CompletableFuture<List<UUID>> done, Duration timeout, String what) {
        List<UUID> ids;
        try {
            ids = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(what + " did not finish: " + e.getMessage(), e);
        }
        return ids.stream().map(id -> store.jobs().find(id).orElseThrow()).toList();
    }

    private CompletableFuture<Exchange> send(JobRun run) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(JobRun.PROPERTY, run);
        exchange.setProperty(SELECTED, run.selection() != null);
        return producer.asyncSend(passEndpoint(run.mapping().name(), run.pass()), exchange);
    }

    /** Started passes: the first job's id, the passes in order, and the ids of all jobs once done. */
    public record Started(UUID jobId, List<Direction> passes, CompletableFuture<List<UUID>> done) {
    }
}
