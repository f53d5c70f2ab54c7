package navsync.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavQueries;
import navsync.sales.SalesBulkWriter;
import navsync.sales.SalesError;
import navsync.state.Coupling;
import navsync.state.CouplingStore;
import navsync.state.JobCounters;
import navsync.state.JobStore;
import navsync.state.StateStore;
import org.apache.camel.Exchange;

/**
 * The three steps of one NAV -> Sales batch, each a route step: {@link #prepare} decides per record
 * (skip, unchanged, insert, modify) and records the Sales ids of new rows before anything is
 * written; {@link #write} sends the batch in bulk; {@link #commit} stores couplings, counters and
 * errors in one transaction.
 */
public final class NavToSales {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final StateStore store;
    private final RecordMapper mapper;
    private final SalesBulkWriter writer;
    private final int skipAfterFailures;

    public NavToSales(StateStore store, RecordMapper mapper, SalesBulkWriter writer, int skipAfterFailures) {
        this.store = store;
        this.mapper = mapper;
        this.writer = writer;
        this.skipAfterFailures = skipAfterFailures;
    }

    /** Step 1: decide what to do with every row of the batch. */
    public ToSalesBatch prepare(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        boolean retrySet = Boolean.TRUE.equals(exchange.getProperty("navsyncRetrySet", Boolean.class));
        IntegrationTableMapping mapping = run.mapping();
        List<Map<String, Object>> todo = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            String key = String.valueOf(row.get(NavQueries.KEY));
            run.observeVersion(((Number) row.get(NavQueries.ROW_VERSION)).longValue());
            if (retrySet || !run.wasRetried(key)) {
                todo.add(row);
            }
        }
        Map<String, Coupling> couplings = store.couplings().findByNavKeys(mapping.name(),
                todo.stream().map(r -> String.valueOf(r.get(NavQueries.KEY))).toList());
        ToSalesBatch batch = new ToSalesBatch(run);
        List<CouplingStore.NewCoupling> newCouplings = new ArrayList<>();
        for (Map<String, Object> row : todo) {
            String key = String.valueOf(row.get(NavQueries.KEY));
            long version = ((Number) row.get(NavQueries.ROW_VERSION)).longValue();
            Coupling coupling = couplings.get(key);
            if (coupling != null && coupling.skipped()) {
                batch.skipped++;
                continue;
            }
            if (coupling == null && mapping.synchOnlyCoupledRecords()) {
                continue; // NAV: uncoupled records are neither created nor counted
            }
            UUID salesId = coupling == null ? UUID.randomUUID() : coupling.salesId();
            if (coupling == null) {
                newCouplings.add(new CouplingStore.NewCoupling(key, recordId(row), salesId));
            }
            ObjectNode values;
            try {
                values = mapper.toSales(mapping, row);
            } catch (IllegalArgumentException e) {
                fail(batch, key, salesId, "NAV " + mapping.table() + " " + key + ": " + e.getMessage());
                continue;
            }
            if (coupling == null || coupling.isPending()) {
                batch.writes.add(new ToSalesBatch.PlannedWrite(key, salesId, true, values, values, version));
                continue;
            }
            ObjectNode changed = RecordMapper.changes(values, parse(coupling.syncedValues()));
            if (changed.isEmpty()) {
                batch.unchanged++;
                batch.decided.add(new CouplingStore.Synchronized(key, version, json(values)));
            } else {
                batch.writes.add(new ToSalesBatch.PlannedWrite(key, salesId, false, changed, values, version));
            }
        }
        // the ids of new rows are committed before the write: a rerun after a crash reuses them
        store.couplings().insertPending(mapping.name(), newCouplings);
        return batch;
    }

    /** Step 2: write the batch to Sales in bulk; failures are isolated per record. */
    public ToSalesBatch write(ToSalesBatch batch) {
        batch.writeFailures = writer.upsert(batch.run.mapping().entity(), batch.salesWrites());
        return batch;
    }

    /** Step 3: couplings, counters and errors of the batch in one transaction. */
    public ToSalesBatch commit(ToSalesBatch batch) {
        JobRun run = batch.run;
        IntegrationTableMapping mapping = run.mapping();
        List<CouplingStore.Outcome> outcomes = new ArrayList<>(batch.decided);
        int inserted = 0;
        int modified = 0;
        for (ToSalesBatch.PlannedWrite write : batch.writes) {
            SalesError error = batch.writeFailures.get(write.navKey());
            if (error != null) {
                fail(batch, write.navKey(), write.salesId(), "Sales " + mapping.entity().logicalName() + " "
                        + write.salesId() + " for NAV " + mapping.table() + " " + write.navKey() + ": " + error);
            } else {
                outcomes.add(new CouplingStore.Synchronized(write.navKey(), write.navVersion(), json(write.values())));
                if (write.insert()) {
                    inserted++;
                } else {
                    modified++;
                }
            }
        }
        outcomes.addAll(failures(batch));
        JobCounters delta = new JobCounters(inserted, modified, 0, batch.unchanged, batch.skipped, batch.failed);
        store.inTransaction(c -> {
            store.couplings().applyOutcomes(c, mapping.name(), Direction.ToIntegrationTable, run.id(),
                    skipAfterFailures, outcomes);
            store.jobs().record(c, run.id(), mapping.name(), delta, batch.errors);
            return null;
        });
        run.add(delta);
        return batch;
    }

    private static void fail(ToSalesBatch batch, String key, UUID salesId, String message) {
        batch.failed++;
        batch.errors.add(new JobStore.NewError(key, salesId, message));
    }

    private static List<CouplingStore.Outcome> failures(ToSalesBatch batch) {
        return batch.errors.stream().<CouplingStore.Outcome>map(e -> new CouplingStore.Failed(e.navKey(), e.message())).toList();
    }

    private static UUID recordId(Map<String, Object> row) {
        Object id = row.get(NavQueries.RECORD_ID);
        return id == null ? null : id instanceof UUID uuid ? uuid : UUID.fromString(id.toString());
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null; // an unreadable baseline: every attribute counts as changed
        }
    }

    private static String json(ObjectNode values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
