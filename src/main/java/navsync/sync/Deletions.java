package navsync.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import navsync.mapping.DeletionResolution;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavChange;
import navsync.nav.NavQueries;
import navsync.nav.NavRows;
import navsync.sales.SalesReader;
import navsync.state.Coupling;
import navsync.state.StateStore;

/**
 * A coupled pair whose other side was deleted (NAV's deletion conflict), resolved by the mapping's
 * deletionResolution: fail, restore the deleted side, uncouple, or delete the surviving side too.
 * Noticed when the surviving side changes (by the passes), or without a change: by the deletion
 * sweep of the couplings ({@link CouplingSweep}) and by Sales change tracking ({@code $deletedEntity}),
 * which hand over batches of {@link Gone} records. A Restore from the status API resolves by
 * restoring, whatever the mapping says.
 */
final class Deletions {

    /** A batch of coupled records found deleted on one side, as the batch route carries it. */
    sealed interface Gone permits NavRecordsGone, SalesRowsGone {
    }

    /** NAV records deleted while their coupled Sales rows may survive. */
    record NavRecordsGone(List<String> navKeys) implements Gone {
    }

    /** Sales rows deleted while their coupled NAV records may survive. */
    record SalesRowsGone(List<UUID> salesIds) implements Gone {
    }

    /** NAV keys per existence query of a batch of gone records (well below SQL Server's 2,100 parameters). */
    private static final int KEYS_PER_QUERY = 1000;

    private final NewRecords newRecords;
    private final StateStore store;
    private final Sides sides;
    private final SalesReader reader;
    private final NavQueries queries;
    private final DataSource nav;
    private final RelatedFirst relatedFirst;

    Deletions(NewRecords newRecords, StateStore store, Sides sides, SalesReader reader, NavQueries queries, DataSource nav,
              RelatedFirst relatedFirst) {
        this.newRecords = newRecords;
        this.store = store;
        this.sides = sides;
        this.reader = reader;
        this.queries = queries;
        this.nav = nav;
        this.relatedFirst = relatedFirst;
    }

    /** The NAV record survives; its coupled Sales row is gone. */
    void salesRowDeleted(SyncBatch batch, String navKey, UUID salesId, long version, Sides.NavSide nav) {
        IntegrationTableMapping mapping = batch.run.mapping();
        String against = againstDirection(mapping, batch.run.deletionResolution(), Direction.ToIntegrationTable, "recreate the Sales "
                + mapping.entity().logicalName(), "delete NAV " + mapping.table() + " " + navKey);
        if (against != null) {
            batch.fail(navKey, salesId, "NAV " + mapping.table() + " " + navKey + " is coupled to Sales "
                    + mapping.entity().logicalName() + " " + salesId + ", which was deleted; " + against);
            return;
        }
        switch (batch.run.deletionResolution()) {
            case none -> batch.fail(navKey, salesId, "NAV " + mapping.table() + " " + navKey + " is coupled to Sales "
                    + mapping.entity().logicalName() + " " + salesId + ", which was deleted (deletionResolution: none)");
            case restore -> batch.plans.add(newRecords.salesRow(mapping, navKey, salesId, nav, version));
            case uncouple -> batch.plans.add(new SyncBatch.Plan(navKey, salesId, null, null, null, null, version,
                    SyncBatch.Effect.UNCOUPLED));
            case propagate -> batch.plans.add(new SyncBatch.Plan(navKey, salesId, null, null, new NavChange.Delete(navKey),
                    null, version, SyncBatch.Effect.DELETED));
        }
    }

    /** The Sales row survives; its coupled NAV record is gone. */
    void navRecordDeleted(SyncBatch batch, String navKey, UUID salesId, ObjectNode salesNow, LookupCouplings lookups) {
        IntegrationTableMapping mapping = batch.run.mapping();
        String against = againstDirection(mapping, batch.run.deletionResolution(), Direction.FromIntegrationTable, "recreate NAV " + mapping.table()
                + " " + navKey, "delete the Sales " + mapping.entity().logicalName());
        if (against != null) {
            batch.fail(navKey, salesId, "Sales " + mapping.entity().logicalName() + " " + salesId + " is coupled to NAV "
                    + mapping.table() + " " + navKey + ", which was deleted; " + against);
            return;
        }
        switch (batch.run.deletionResolution()) {
            case none -> batch.fail(navKey, salesId, "Sales " + mapping.entity().logicalName() + " " + salesId
                    + " is coupled to NAV " + mapping.table() + " " + navKey + ", which was deleted (deletionResolution: none)");
            case restore -> batch.plans.add(newRecords.navRecord(mapping, navKey, salesId, salesNow, lookups));
            case uncouple -> batch.plans.add(new SyncBatch.Plan(navKey, salesId, null, null, null, null, 0,
                    SyncBatch.Effect.UNCOUPLED));
            case propagate -> batch.plans.add(new SyncBatch.Plan(navKey, salesId, null, salesId, null, null, 0,
                    SyncBatch.Effect.DELETED));
        }
    }

    /**
     * Why the policy may not act on a one-way mapping, or null: a restore writes the deleted side from the
     * survivor ({@code restoring} is that direction), a propagation deletes the survivor (the other one).
     */
    private static String againstDirection(IntegrationTableMapping mapping, DeletionResolution policy,
                                           Direction restoring, String restore, String propagate) {
        Direction needed;
        String action;
        switch (policy) {
            case restore -> {
                needed = restoring;
                action = restore;
            }
            case propagate -> {
                needed = restoring == Direction.ToIntegrationTable ? Direction.FromIntegrationTable
                        : Direction.ToIntegrationTable;
                action = propagate;
            }
            default -> {
                return null;
            }
        }
        return mapping.allows(needed) ? null : "deletionResolution: " + policy + " would " + action
                + ", which mapping " + mapping.name() + " (" + mapping.direction() + ") does not allow";
    }

    /**
     * Plans a batch of records found deleted on one side. Each is checked again (it may have been
     * restored, or handled by the pass over changes, since it was found); a pair gone on both sides is
     * uncoupled.
     */
    SyncBatch plan(JobRun run, Gone gone) {
        return gone instanceof NavRecordsGone g ? planNavRecordsGone(run, g.navKeys())
                : planSalesRowsGone(run, ((SalesRowsGone) gone).salesIds());
    }

    private SyncBatch planNavRecordsGone(JobRun run, List<String> navKeys) {
        IntegrationTableMapping mapping = run.mapping();
        SyncBatch batch = new SyncBatch(run);
        Set<String> present = existingNavKeys(mapping, navKeys);
        List<Coupling> couplings = coupled(batch, store.couplings().findByNavKeys(mapping.name(), navKeys).values().stream()
                .filter(c -> !present.contains(c.navKey())).toList());
        Map<UUID, ObjectNode> salesRows = new HashMap<>();
        for (ObjectNode row : reader.byIds(mapping.entity(), couplings.stream().map(Coupling::salesId).toList(),
                sides.salesSelect(mapping))) {
            salesRows.put(UUID.fromString(row.get(mapping.entity().primaryId()).asText()), row);
        }
        LookupCouplings lookups = new LookupCouplings(store, queries, nav, run);
        lookups.fetchForSalesValues(mapping, salesRows.values());
        if (relatedFirst.synchronize(run, lookups)) {
            lookups.fetchForSalesValues(mapping, salesRows.values());
        }
        for (Coupling coupling : couplings) {
            ObjectNode salesRow = salesRows.get(coupling.salesId());
            if (salesRow == null) {
                uncoupleBothGone(batch, coupling);
                continue;
            }
            try {
                navRecordDeleted(batch, coupling.navKey(), coupling.salesId(), sides.sales(mapping, salesRow), lookups);
            } catch (IllegalArgumentException e) {
                batch.fail(coupling.navKey(), coupling.salesId(), "Sales " + mapping.entity().logicalName() + " "
                        + coupling.salesId() + " for deleted NAV " + mapping.table() + " " + coupling.navKey() + ": "
                        + e.getMessage());
                batch.passingFailure(coupling.navKey(), e);
            }
            batch.awaitsSecondPass(coupling.navKey(), lookups);
        }
        return batch;
    }

    private SyncBatch planSalesRowsGone(JobRun run, List<UUID> salesIds) {
        IntegrationTableMapping mapping = run.mapping();
        SyncBatch batch = new SyncBatch(run);
        Set<UUID> present = new HashSet<>();
        Map<UUID, Coupling> found = store.couplings().findBySalesIds(mapping.name(), salesIds);
        for (ObjectNode row : reader.byIds(mapping.entity(), found.keySet(), List.of(mapping.entity().primaryId()))) {
            present.add(UUID.fromString(row.get(mapping.entity().primaryId()).asText()));
        }
        List<Coupling> couplings = coupled(batch, found.values().stream().filter(c -> !present.contains(c.salesId())).toList());
        Map<String, Map<String, Object>> navRows = new HashMap<>();
        List<String> keys = couplings.stream().map(Coupling::navKey).toList();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            for (Map<String, Object> row : NavRows.query(nav, queries.rowsByKeys(mapping,
                    keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY)), false))) {
                navRows.put(NavToSales.key(row), row);
            }
        }
        LookupCouplings lookups = new LookupCouplings(store, queries, nav, run);
        lookups.fetchForNavRows(mapping, navRows.values());
        if (relatedFirst.synchronize(run, lookups)) {
            lookups.fetchForNavRows(mapping, navRows.values());
        }
        for (Coupling coupling : couplings) {
            Map<String, Object> navRow = navRows.get(coupling.navKey());
            if (navRow == null) {
                uncoupleBothGone(batch, coupling);
                continue;
            }
            try {
                Sides.NavSide navSide = sides.nav(mapping, navRow, lookups);
                sides.resolveUncoupled(mapping, navSide, null, lookups);
                salesRowDeleted(batch, coupling.navKey(), coupling.salesId(), NavToSales.version(navRow), navSide);
            } catch (IllegalArgumentException e) {
                batch.fail(coupling.navKey(), coupling.salesId(), "NAV " + mapping.table() + " " + coupling.navKey()
                        + " coupled to deleted Sales " + mapping.entity().logicalName() + " " + coupling.salesId() + ": "
                        + e.getMessage());
                batch.passingFailure(coupling.navKey(), e);
            }
            batch.awaitsSecondPass(coupling.navKey(), lookups);
        }
        return batch;
    }

    /**
     * The couplings to resolve, in key order: skipped ones are counted and left alone; pending ones
     * were never written; ones that already failed in this pass are not failed twice.
     */
    private static List<Coupling> coupled(SyncBatch batch, List<Coupling> couplings) {
        List<Coupling> out = new ArrayList<>();
        for (Coupling coupling : couplings) {
            if (batch.run.failedInThisPass(coupling.navKey())) {
                continue;
            }
            if (coupling.skipped()) {
                batch.skipped++;
            } else if (!coupling.isPending()) {
                out.add(coupling);
            }
        }
        out.sort(Comparator.comparing(Coupling::navKey));
        return out;
    }

    /** Both records of the pair are gone: only the coupling is left, and it goes, whatever the policy. */
    private static void uncoupleBothGone(SyncBatch batch, Coupling coupling) {
        batch.plans.add(new SyncBatch.Plan(coupling.navKey(), coupling.salesId(), null, null, null, null, 0,
                SyncBatch.Effect.UNCOUPLED));
    }

    /** The keys among these that the NAV table holds, one query per thousand keys. */
    Set<String> existingNavKeys(IntegrationTableMapping mapping, List<String> navKeys) {
        Set<String> present = new HashSet<>();
        for (int from = 0; from < navKeys.size(); from += KEYS_PER_QUERY) {
            for (Map<String, Object> row : NavRows.query(nav, queries.existingKeys(mapping,
                    navKeys.subList(from, Math.min(navKeys.size(), from + KEYS_PER_QUERY))))) {
                present.add(NavToSales.key(row));
            }
        }
        return present;
    }
}
