package navsync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavQueries;
import navsync.nav.NavRows;
import navsync.nav.NavWriter;
import navsync.state.Coupling;
import navsync.state.CouplingStore;
import navsync.state.StateStore;

/**
 * Plans a batch of the Sales -> NAV pass: for each Sales row changed since the watermark, its
 * coupled NAV record is read (one query per batch) and the pair reconciled; uncoupled rows become
 * new NAV records with keys from the mapping's number series, recorded before the write.
 */
final class SalesToNav {

    private final StateStore store;
    private final Sides sides;
    private final NavQueries queries;
    private final DataSource nav;
    private final NavWriter writer;
    private final Deletions deletions;
    private final NewRecords newRecords;

    private final RelatedFirst relatedFirst;

    SalesToNav(StateStore store, Sides sides, NavQueries queries, DataSource nav, NavWriter writer, Deletions deletions,
               NewRecords newRecords, RelatedFirst relatedFirst) {
        this.relatedFirst = relatedFirst;
        this.newRecords = newRecords;
        this.store = store;
        this.sides = sides;
        this.queries = queries;
        this.nav = nav;
        this.writer = writer;
        this.deletions = deletions;
    }

    SyncBatch plan(JobRun run, List<ObjectNode> rows, boolean retrySet) {
        IntegrationTableMapping mapping = run.mapping();
        String idProperty = mapping.entity().primaryId();
        Map<UUID, ObjectNode> byId = new java.util.LinkedHashMap<>();
        for (ObjectNode row : rows) {
            JsonNode modified = row.get("modifiedon");
            if (modified != null && modified.isTextual()) {
                run.observeModifiedOn(Instant.parse(modified.asText()));
            }
            UUID id = UUID.fromString(row.get(idProperty).asText());
            if (retrySet || !run.wasRetried(id.toString())) {
                byId.put(id, row);
            }
        }
        Map<UUID, Coupling> couplings = store.couplings().findBySalesIds(mapping.name(), byId.keySet());
        Map<String, Map<String, Object>> navRows = new HashMap<>();
        List<String> navKeys = couplings.values().stream().map(Coupling::navKey).toList();
        for (int from = 0; from < navKeys.size(); from += 500) {
            for (Map<String, Object> row : NavRows.query(nav, queries.rowsByKeys(mapping,
                    navKeys.subList(from, Math.min(navKeys.size(), from + 500)), false))) {
                navRows.put(NavToSales.key(row), row);
            }
        }
        LookupCouplings lookups = new LookupCouplings(store, queries, nav, run);
        lookups.fetchForNavRows(mapping, navRows.values());
        lookups.fetchForSalesValues(mapping, byId.values());
        if (relatedFirst.synchronize(run, lookups)) {
            lookups.fetchForNavRows(mapping, navRows.values());
            lookups.fetchForSalesValues(mapping, byId.values());
        }
        SyncBatch batch = new SyncBatch(run);
        List<UUID> creates = new ArrayList<>();
        for (Map.Entry<UUID, ObjectNode> entry : byId.entrySet()) {
            UUID salesId = entry.getKey();
            Coupling coupling = couplings.get(salesId);
            if (coupling != null && batch.run.wasDeletedEarlier(coupling.navKey())) {
                continue; // the real run does not find this Sales row any more
            }
            if (coupling != null && batch.run.wasUncoupledEarlier(coupling.navKey())) {
                coupling = null;
            }
            if (coupling == null) {
                if (!mapping.synchOnlyCoupledRecords() || run.createsUncoupled()) {
                    creates.add(salesId);
                }
                continue;
            }
            String key = coupling.navKey();
            if (coupling.skipped()) {
                batch.skipped++;
                continue;
            }
            if (batch.run.wasWrittenEarlier(key)) {
                batch.unchanged++;
                continue;
            }
            try {
                ObjectNode salesNow = sides.sales(mapping, entry.getValue());
                Map<String, Object> navRow = navRows.get(key);
                if (navRow == null) {
                    if (coupling.isPending()) {
                        batch.plans.add(newRecords.navRecord(mapping, key, salesId, salesNow, lookups));
                        batch.awaitsSecondPass(key, lookups);
                    } else {
                        deletions.navRecordDeleted(batch, key, salesId, salesNow, lookups);
                    }
                    continue;
                }
                reconcile(mapping, batch, key, salesId, navRow, entry.getValue(), salesNow, coupling, lookups);
            } catch (IllegalArgumentException e) {
                batch.fail(key, salesId, "Sales " + mapping.entity().logicalName() + " " + salesId + " for NAV "
                        + mapping.table() + " " + key + ": " + e.getMessage());
                batch.passingFailure(key, e);
            }
            lookups.takeDeferred();
        }
        if (!creates.isEmpty()) {
            createInNav(mapping, batch, creates, byId, lookups);
        }
        return batch;
    }

    private void reconcile(IntegrationTableMapping mapping, SyncBatch batch, String key, UUID salesId,
                           Map<String, Object> navRow, ObjectNode salesRow, ObjectNode salesNow, Coupling coupling,
                           LookupCouplings lookups) {
        long version = NavToSales.version(navRow);
        Sides.NavSide navSide = sides.nav(mapping, navRow, lookups);
        sides.resolveUncoupled(mapping, navSide, salesNow, lookups);
        JsonNode baseline = coupling.isPending() || batch.run.isForced() ? null : Json.read(coupling.syncedValues());
        batch.modify(coupling, version, sides.reconcile(mapping, Direction.FromIntegrationTable, baseline, navSide,
                salesRow, salesNow, lookups), lookups);
    }

    /** New NAV records for uncoupled Sales rows; keys decided and coupled (pending) before the write. */
    private void createInNav(IntegrationTableMapping mapping, SyncBatch batch, List<UUID> creates,
                             Map<UUID, ObjectNode> rows, LookupCouplings lookups) {
        if (mapping.numberSeries() == null) {
            for (UUID id : creates) {
                batch.fail(null, id, "Sales " + mapping.entity().logicalName() + " " + id + " is not coupled and mapping "
                        + mapping.name() + " has no newRecords.numberSeries to number a new NAV " + mapping.table());
            }
            return;
        }
        String series = mapping.numberSeries();
        String usedByCouplings = store.couplings().highestNavKey(mapping.name(), NavWriter.seriesPrefix(series),
                series.length());
        List<String> keys = writer.nextKeys(sides.table(mapping), mapping.navKeyColumn(), series, creates.size(),
                usedByCouplings);
        // a record the series has no number for fails alone, and is retried on the next run (SalesSource.retryBatches)
        for (UUID id : creates.subList(keys.size(), creates.size())) {
            batch.fail(null, id, "Sales " + mapping.entity().logicalName() + " " + id + " cannot become a new NAV "
                    + mapping.table() + ": number series " + series + " has no free number after "
                    + NavWriter.lastKey(series) + "; give newRecords.numberSeries in " + mapping.file()
                    + " more digits to go on, e.g. " + NavWriter.widerSeries(series));
        }
        List<UUID> numbered = creates.subList(0, keys.size());
        List<CouplingStore.NewCoupling> pending = new ArrayList<>();
        for (int i = 0; i < numbered.size(); i++) {
            pending.add(new CouplingStore.NewCoupling(keys.get(i), null, numbered.get(i)));
        }
        // keys are coupled before the NAV write: a rerun after a crash inserts under the same key, or finds the record
        if (!batch.run.isPreview()) {
            store.couplings().insertPending(mapping.name(), pending);
        }
        for (int i = 0; i < numbered.size(); i++) {
            UUID salesId = numbered.get(i);
            String key = keys.get(i);
            try {
                batch.plans.add(newRecords.navRecord(mapping, key, salesId, sides.sales(mapping, rows.get(salesId)), lookups));
                batch.awaitsSecondPass(key, lookups);
            } catch (IllegalArgumentException e) {
                batch.fail(key, salesId, "Sales " + mapping.entity().logicalName() + " " + salesId + " cannot become NAV "
                        + mapping.table() + " " + key + ": " + e.getMessage());
                batch.passingFailure(key, e);
            }
            lookups.takeDeferred();
        }
    }
}
