package navsync.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.nav.NavChange;
import navsync.sales.SalesWrite;
import navsync.state.Coupling;
import navsync.state.CouplingStore;
import navsync.state.JobStore;

/**
 * One batch of a pass as it moves through the batch route: what each record needs (planned writes
 * to either side, with the baseline to store once they land), records already decided (unchanged,
 * skipped, failed before writing), then what the writes reported.
 */
public final class SyncBatch {

    /** What a planned record counts as when its writes land. */
    enum Effect { INSERTED, MODIFIED, DELETED, UNCOUPLED }

    /**
     * A record's writes: to Sales (upsert or delete), to NAV, and the coupling afterwards.
     *
     * @param baseline the values both sides hold once the writes land; null when the coupling goes
     */
    record Plan(String navKey, UUID salesId, SalesWrite salesWrite, UUID salesDelete, NavChange navChange,
                ObjectNode baseline, long navVersion, Effect effect) {
    }

    final JobRun run;
    final List<Plan> plans = new ArrayList<>();
    final List<CouplingStore.Outcome> decided = new ArrayList<>();
    final List<JobStore.NewError> errors = new ArrayList<>();
    final Map<String, String> writeFailures = new HashMap<>();
    /** Records whose write failed for a passing reason (throttling, an outage): they never count toward skipping. */
    final java.util.Set<String> transientFailures = new java.util.HashSet<>();
    Map<String, Long> navVersions = Map.of();
    /** Records synchronized but for second-pass lookups whose related record is not coupled yet. */
    final java.util.Set<String> awaitingSecondPass = new java.util.HashSet<>();
    /** The batch's new couplings, recorded before its writes; its commit inserts them. */
    CouplingStore.Intent intent;
    /** By NAV key: the job's warnings about a planned record (NAV decimals rounded for Sales), kept once its writes land. */
    final Map<String, List<String>> warnings = new HashMap<>();
    /** By NAV key: the baseline to keep when the record's Sales write lands and its NAV write fails. */
    final Map<String, ObjectNode> baselinesIfOnlySalesLands = new HashMap<>();
    /** Records whose NAV write failed (their Sales write, if any, landed). */
    final java.util.Set<String> navFailures = new java.util.HashSet<>();
    int unchanged;
    int skipped;

    SyncBatch(JobRun run) {
        this.run = run;
    }

    public JobRun run() {
        return run;
    }

    public List<Plan> plans() {
        return plans;
    }

    /** A coupled record found in step; one this or a stopped pass synchronized was counted by that pass. */
    void unchanged(Coupling coupling, long navVersion, ObjectNode baseline) {
        if (!run.alreadyCounted(coupling)) {
            unchanged++;
        }
        decided.add(new CouplingStore.Synchronized(coupling.navKey(), navVersion, Json.write(baseline)));
    }

    /**
     * A coupled record's reconciled writes: a conflict fails it, no writes leave it unchanged (with the
     * reconciled baseline), otherwise they are planned as a modification.
     */
    void modify(Coupling coupling, long navVersion, Sides.Writes writes, LookupCouplings lookups) {
        String navKey = coupling.navKey();
        UUID salesId = coupling.salesId();
        if (writes.isConflict()) {
            fail(navKey, salesId, "conflict on NAV " + run.mapping().table() + " " + navKey + " / Sales "
                    + run.mapping().entity().logicalName() + " " + salesId + ": " + writes.conflict());
            return;
        }
        awaitsSecondPass(navKey, lookups);
        if (writes.writesNothing()) {
            unchanged(coupling, navVersion, writes.baseline());
            return;
        }
        warn(navKey, writes.warnings());
        if (writes.baselineIfOnlySalesLands() != null && !writes.navValues().isEmpty()) {
            baselinesIfOnlySalesLands.put(navKey, writes.baselineIfOnlySalesLands());
        }
        plans.add(new Plan(navKey, salesId, writes.salesPayload().isEmpty() ? null
                : new SalesWrite(navKey, salesId, writes.salesPayload()), null,
                writes.navValues().isEmpty() ? null : new NavChange.Update(navKey, writes.navValues()),
                writes.baseline(), navVersion, Effect.MODIFIED));
    }

    /** Warnings about a planned record, for the job once its writes land. */
    void warn(String navKey, List<String> messages) {
        if (!messages.isEmpty()) {
            warnings.put(navKey, List.copyOf(messages));
        }
    }

    /** Notes the record as awaiting the second pass if planning it left a second-pass lookup waiting. */
    void awaitsSecondPass(String navKey, LookupCouplings lookups) {
        if (lookups.takeDeferred()) {
            awaitingSecondPass.add(navKey);
        }
    }

    /** A record that failed for a passing reason (the service unreachable): it never counts toward skipping. */
    void passingFailure(String navKey, RuntimeException cause) {
        if (cause instanceof PassingFailure && navKey != null) {
            transientFailures.add(navKey);
        }
    }

    void fail(String navKey, UUID salesId, String message) {
        errors.add(new JobStore.NewError(navKey, salesId, message));
    }

    int failed() {
        return errors.size();
    }
}
