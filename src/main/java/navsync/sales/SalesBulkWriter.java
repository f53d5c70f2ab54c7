package navsync.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import navsync.mapping.SalesEntity;

/**
 * Writes rows to Sales in bulk with {@code UpsertMultiple}, each row addressed by the Sales id
 * decided before the write, so a retried write updates instead of duplicating. On standard tables
 * one bad row rolls back the whole request; the writer then bisects the batch until the bad rows
 * are isolated, so only they fail, each with the service's own message. A table without the bulk
 * actions gets a {@code $batch} of upserts with continue-on-error instead.
 */
public final class SalesBulkWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesWebApi api;
    private final BulkActions bulkActions;
    private final SalesBatchWriter batchWriter;

    public SalesBulkWriter(SalesWebApi api, BulkActions bulkActions) {
        this.api = api;
        this.bulkActions = bulkActions;
        this.batchWriter = new SalesBatchWriter(api);
    }

    /** Upserts the rows; returns the errors of the rows that failed, by NAV key (empty when all landed). */
    public Map<String, SalesError> upsert(SalesEntity entity, List<SalesWrite> writes) {
        if (writes.isEmpty()) {
            return new HashMap<>();
        }
        if (!bulkActions.of(entity).upsertMultiple()) {
            return batchWriter.upsert(entity, writes);
        }
        Map<String, SalesError> failures = new HashMap<>();
        upsert(entity, writes, failures);
        return failures;
    }

    private void upsert(SalesEntity entity, List<SalesWrite> writes, Map<String, SalesError> failures) {
        SalesResponse response = api.post(entity.entitySet() + "/Microsoft.Dynamics.CRM.UpsertMultiple",
                body(entity, writes));
        if (response.isSuccess()) {
            return;
        }
        SalesError error = response.error();
        if (writes.size() == 1 || !isolatable(error)) {
            writes.forEach(w -> failures.put(w.navKey(), error));
            return;
        }
        int half = writes.size() / 2;
        upsert(entity, writes.subList(0, half), failures);
        upsert(entity, writes.subList(half, writes.size()), failures);
    }

    /** Errors caused by the data of some row; not throttling, outages or authentication. */
    private static boolean isolatable(SalesError error) {
        return !error.isTransient() && error.status() != 401 && error.status() != 403;
    }

    private static String body(SalesEntity entity, List<SalesWrite> writes) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode targets = root.putArray("Targets");
        for (SalesWrite write : writes) {
            ObjectNode target = targets.addObject();
            target.put("@odata.type", entity.odataType());
            target.put(entity.primaryId(), write.salesId().toString());
            target.setAll(write.payload());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
