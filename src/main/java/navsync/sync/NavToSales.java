package navsync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavQueries;
import navsync.sales.SalesException;
import navsync.sales.SalesIds;
import navsync.sales.SalesReader;
import navsync.state.Coupling;
import navsync.state.CouplingStore;
import navsync.state.StateStore;

/**
 * Plans a batch of the NAV -> Sales pass: skipped, ignored (uncoupled with synchOnlyCoupledRecords),
 * new rows (their Sales ids recorded before anything is written), unchanged records, and for
 * records changed in NAV the reconciliation with the Sales row's current values (conflicts,
 * merges, deleted Sales rows).
 */
final class NavToSales {

    private final StateStore store;
    private final Sides sides;
    private final SalesReader reader;
    private final Deletions deletions;
    private final NewRecords newRecords;
    private final NavQueries queries;
    private final javax.sql.DataSource nav;
    private final RelatedFirst relatedFirst;

    NavToSales(StateStore store, Sides sides, SalesReader reader, Deletions deletions, NewRecords newRecords,
               NavQueries queries, javax.sql.DataSource nav, RelatedFirst relatedFirst) {
        this.relatedFirst = relatedFirst;
        this.queries = queries;
        this.nav = nav;
        this.store = store;
        this.sides = sides;
        this.reader = reader;
        this.deletions = deletions;
        this.newRecords = newRecords;
    }

    SyncBatch plan(JobRun run, List<Map<String, Object>> rows, boolean retrySet) {
        IntegrationTableMapping mapping = run.mapping();
        List<Map<String, Object>> todo = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            run.observeVersion(version(row));
            if (retrySet || !run.wasRetried(key(row))) {
                todo.add(row);
            }
        }
        Map<String, Coupling> couplings = store.couplings().findByNavKeys(mapping.name(),
                todo.stream().map(NavToSales::key).toList());
        LookupCouplings lookups = new LookupCouplings(store, queries, nav, run);
        lookups.fetchForNavRows(mapping, todo);
        if (relatedFirst.synchronize(run, lookups)) {
            lookups.fetchForNavRows(mapping, todo);
        }
        SyncBatch batch = new SyncBatch(run);
        List<CouplingStore.NewCoupling> newCouplings = new ArrayList<>();
        Map<UUID, Pending> needSales = new HashMap<>();
        for (Map<String, Object> row : todo) {
            String key = key(row);
            Coupling coupling = couplings.get(key);
            if (coupling != null && coupling.skipped()) {
                batch.skipped++;
                continue;
            }
            if (coupling == null && mapping.synchOnlyCoupledRecords() && !run.createsUncoupled()) {
                continue; // NAV: uncoupled records are neither created nor counted
            }
            UUID salesId = coupling == null ? SalesIds.next() : coupling.salesId();
            if (coupling == null) {
                newCouplings.add(new CouplingStore.NewCoupling(key, recordId(row), salesId));
            }
            try {
                Sides.NavSide nav = sides.nav(mapping, row, lookups);
                if (coupling == null) {
                    sides.resolveUncoupled(mapping, nav, null, lookups);
                    batch.plans.add(newRecords.salesRow(mapping, key, salesId, nav, version(row)));
                    batch.warn(key, nav.roundedInWrite());
                    batch.awaitsSecondPass(key, lookups);
                    continue;
                }
                // a pending coupling's row may exist (coupled to an existing row, or written before a crash)
                JsonNode baseline = run.isForced() || coupling.isPending() ? null : Json.read(coupling.syncedValues());
                // a record that failed last time is checked against Sales too (its Sales row may be gone)
                if (!coupling.isPending() && nav.uncoupled().isEmpty()
                        && coupling.toResult() != navsync.state.SyncResult.Failure
                        && !changedInNav(mapping, nav.values(), baseline)) {
                    batch.unchanged(coupling, version(row), (ObjectNode) baseline);
                } else {
                    needSales.put(salesId, new Pending(coupling, version(row), nav, baseline));
                }
            } catch (IllegalArgumentException e) {
                batch.fail(key, salesId, "NAV " + mapping.table() + " " + key + ": " + e.getMessage());
                batch.passingFailure(key, e);
            }
            lookups.takeDeferred();
        }
        // the ids of new rows are committed before the write: a rerun after a crash reuses them
        if (!run.isPreview()) {
            batch.intent = store.couplings().recordIntent(mapping.name(), newCouplings);
        }
        if (!needSales.isEmpty()) {
            reconcileWithSales(mapping, batch, needSales);
        }
        return batch;
    }

    /** A coupled record to reconcile with its Sales row; a pending coupling's missing row is created. */
    private record Pending(Coupling coupling, long version, Sides.NavSide nav, JsonNode baseline) {
        String key() {
            return coupling.navKey();
        }
    }

    private void reconcileWithSales(IntegrationTableMapping mapping, SyncBatch batch, Map<UUID, Pending> needSales) {
        Map<UUID, ObjectNode> salesRows = new HashMap<>();
        try {
            for (ObjectNode row : reader.byIds(mapping.entity(), needSales.keySet(), sides.salesSelect(mapping))) {
                salesRows.put(UUID.fromString(row.get(mapping.entity().primaryId()).asText()), row);
            }
        } catch (SalesException e) {
            // Sales cannot be read now: these records fail for a passing reason; the rest of the pass goes on
            needSales.forEach((salesId, p) -> {
                batch.fail(p.key(), salesId, "NAV " + mapping.table() + " " + p.key() + ": reading Sales "
                        + mapping.entity().logicalName() + " " + salesId + ": " + e.getMessage());
                batch.transientFailures.add(p.key());
            });
            return;
        }
        LookupCouplings lookups = new LookupCouplings(store, queries, nav, batch.run);
        lookups.fetchForSalesValues(mapping, salesRows.values());
        for (Map.Entry<UUID, Pending> entry : needSales.entrySet()) {
            UUID salesId = entry.getKey();
            Pending p = entry.getValue();
            ObjectNode salesRow = salesRows.get(salesId);
            try {
                if (salesRow == null) {
                    sides.resolveUncoupled(mapping, p.nav(), null, lookups);
                    if (p.coupling().isPending()) {
                        batch.plans.add(newRecords.salesRow(mapping, p.key(), salesId, p.nav(), p.version()));
                        batch.warn(p.key(), p.nav().roundedInWrite());
                        batch.awaitsSecondPass(p.key(), lookups);
                    } else {
                        deletions.salesRowDeleted(batch, p.key(), salesId, p.version(), p.nav());
                    }
                    continue;
                }
                ObjectNode salesNow = sides.sales(mapping, salesRow);
                sides.resolveUncoupled(mapping, p.nav(), salesNow, lookups);
                batch.modify(p.coupling(), p.version(), sides.reconcile(mapping, Direction.ToIntegrationTable,
                        p.baseline(), p.nav(), salesRow, salesNow, lookups), lookups);
            } catch (IllegalArgumentException e) {
                batch.fail(p.key(), salesId, "NAV " + mapping.table() + " " + p.key() + ": " + e.getMessage());
                batch.passingFailure(p.key(), e);
            }
            lookups.takeDeferred();
        }
    }

    private static boolean changedInNav(IntegrationTableMapping mapping, ObjectNode navNow, JsonNode baseline) {
        if (baseline == null) {
            return true;
        }
        for (var pair : mapping.pairs()) {
            String key = pair.key();
            if (pair.direction().includes(Direction.ToIntegrationTable)
                    && (!baseline.has(key) || !NavValues.same(navNow.get(key), baseline.get(key)))) {
                return true;
            }
        }
        return false;
    }

    static String key(Map<String, Object> row) {
        return String.valueOf(row.get(NavQueries.KEY));
    }

    static long version(Map<String, Object> row) {
        return ((Number) row.get(NavQueries.ROW_VERSION)).longValue();
    }

    private static UUID recordId(Map<String, Object> row) {
        Object id = row.get(NavQueries.RECORD_ID);
        return id == null ? null : id instanceof UUID uuid ? uuid : UUID.fromString(id.toString());
    }
}
