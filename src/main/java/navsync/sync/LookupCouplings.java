package navsync.sync;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;
import navsync.state.Coupling;
import navsync.state.CouplingStore;

/**
 * The couplings that lookup fields of one batch translate through, fetched once per batch and per
 * related mapping (one query each), never per record.
 */
final class LookupCouplings {

    private final CouplingStore couplings;
    private final Map<String, Map<String, UUID>> salesIdByCode = new HashMap<>();
    private final Map<String, Map<UUID, String>> codeBySalesId = new HashMap<>();

    LookupCouplings(CouplingStore couplings) {
        this.couplings = couplings;
    }

    /** Fetches the couplings of the NAV codes in these NAV rows' lookup fields. */
    void fetchForNavRows(IntegrationTableMapping mapping, Collection<Map<String, Object>> rows) {
        for (FieldMapping pair : mapping.pairs()) {
            if (pair.lookup() == null) {
                continue;
            }
            Set<String> codes = new HashSet<>();
            for (Map<String, Object> row : rows) {
                Object code = row.get(pair.navColumn());
                if (code != null && !code.toString().isEmpty()) {
                    codes.add(code.toString());
                }
            }
            String related = pair.lookup().mapping();
            for (Coupling c : couplings.findByNavKeys(related, codes).values()) {
                remember(related, c);
            }
        }
    }

    /** Fetches the couplings of the Sales ids in these Sales values' lookup fields. */
    void fetchForSalesValues(IntegrationTableMapping mapping, Collection<? extends com.fasterxml.jackson.databind.JsonNode> rows) {
        for (FieldMapping pair : mapping.pairs()) {
            if (pair.lookup() == null) {
                continue;
            }
            Set<UUID> ids = new HashSet<>();
            for (com.fasterxml.jackson.databind.JsonNode row : rows) {
                com.fasterxml.jackson.databind.JsonNode id = row.get(pair.salesReadProperty());
                if (id != null && id.isTextual()) {
                    ids.add(UUID.fromString(id.asText()));
                }
            }
            String related = pair.lookup().mapping();
            for (Coupling c : couplings.findBySalesIds(related, ids).values()) {
                remember(related, c);
            }
        }
    }

    UUID salesId(String mapping, String code) {
        return salesIdByCode.getOrDefault(mapping, Map.of()).get(code);
    }

    String navKey(String mapping, UUID salesId) {
        return codeBySalesId.getOrDefault(mapping, Map.of()).get(salesId);
    }

    private void remember(String mapping, Coupling c) {
        if (!c.isPending()) {
            salesIdByCode.computeIfAbsent(mapping, m -> new HashMap<>()).put(c.navKey(), c.salesId());
            codeBySalesId.computeIfAbsent(mapping, m -> new HashMap<>()).put(c.salesId(), c.navKey());
        }
    }
}
