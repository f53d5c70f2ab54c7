package navsync.sync;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.UncoupledLookup;
import navsync.state.Coupling;
import navsync.state.CouplingStore;
import navsync.state.OptionCouplingStore;
import navsync.state.StateStore;

/**
 * The couplings that lookup fields of one batch translate through, fetched once per batch and per
 * related mapping (one query each), never per record.
 */
final class LookupCouplings {

    private final CouplingStore couplings;
    private final navsync.nav.NavQueries queries;
    private final javax.sql.DataSource nav;
    /**
     * By the field's key: NAV value -> Sales value (a row id, or an option's value), and back (by the
     * Sales value's text); through a relation where the field has one.
     */
    private final Map<String, Map<String, JsonNode>> salesValueByCode = new HashMap<>();
    private final Map<String, Map<String, String>> codeBySalesValue = new HashMap<>();
    private final OptionCouplingStore optionCouplings;

    /** By related mapping: records that lookups with whenUncoupled synchronize need and that are not coupled. */
    private final Map<String, Set<String>> uncoupledNavKeys = new HashMap<>();
    private final Map<String, Set<UUID>> uncoupledSalesIds = new HashMap<>();
    /** Second-pass lookups of related records not coupled yet wait, in passes over changes. */
    private final boolean defersSecondPass;
    /** A second-pass lookup of the current record was left waiting (since {@link #takeDeferred()}). */
    private boolean deferred;
    private final UUID jobId;

    LookupCouplings(StateStore store, navsync.nav.NavQueries queries, javax.sql.DataSource nav, JobRun run) {
        this.couplings = store.couplings();
        this.optionCouplings = store.optionCouplings();
        this.queries = queries;
        this.nav = nav;
        // chosen records (and the second pass) follow the policy; so does a look outside any job (run null)
        this.defersSecondPass = run != null && run.selection() == null;
        this.preview = run != null && run.isPreview();
        this.jobId = run == null ? null : run.id();
    }

    /** The job whose batch this is; null outside a job. */
    UUID jobId() {
        return jobId;
    }

    /** Translations outside a job (the coupling procedures' side-by-side view): every lookup follows its policy. */
    LookupCouplings(StateStore store, navsync.nav.NavQueries queries, javax.sql.DataSource nav) {
        this(store, queries, nav, null);
    }

    private final boolean preview;

    /**
     * What an uncoupled related record means for a lookup: its policy, where a dry run, which
     * synchronizes no related record first, keeps the value instead.
     */
    UncoupledLookup policy(FieldMapping pair) {
        UncoupledLookup policy = pair.lookup().whenUncoupled();
        return policy == UncoupledLookup.synchronize && preview ? UncoupledLookup.keep : policy;
    }

    boolean defersSecondPass() {
        return defersSecondPass;
    }

    void noteDeferred() {
        deferred = true;
    }

    /** Whether a second-pass lookup of the record just planned was left waiting; resets for the next record. */
    boolean takeDeferred() {
        boolean was = deferred;
        deferred = false;
        return was;
    }

    /** Fetches the couplings of the NAV codes in these NAV rows' lookup fields. */
    void fetchForNavRows(IntegrationTableMapping mapping, Collection<Map<String, Object>> rows) {
        for (FieldMapping pair : mapping.pairs()) {
            if (pair.lookup() == null) {
                continue;
            }
            if (pair.lookup().option()) {
                fetchOptions(pair);
                continue;
            }
            Set<String> codes = new HashSet<>();
            for (Map<String, Object> row : rows) {
                Object code = row.get(pair.navColumn());
                if (code != null && !code.toString().isEmpty()) {
                    codes.add(code.toString());
                }
            }
            Map<String, String> relatedKeyByCode = through(pair, codes, true);
            Map<String, Coupling> found = couplings.findByNavKeys(pair.lookup().mapping(), relatedKeyByCode.values());
            relatedKeyByCode.forEach((code, relatedKey) -> {
                Coupling c = found.get(relatedKey);
                if (c != null && !c.isPending()) {
                    salesValueByCode.computeIfAbsent(pair.key(), k -> new HashMap<>()).put(code, TextNode.valueOf(c.salesId().toString()));
                } else if (pair.lookup().whenUncoupled() == UncoupledLookup.synchronize) {
                    uncoupledNavKeys.computeIfAbsent(pair.lookup().mapping(), k -> new java.util.TreeSet<>()).add(relatedKey);
                }
            });
        }
    }

    /**
     * The related record's key for each value: the value itself, or through the pair's relation
     * table (one query); {@code forward} maps field values to related keys, otherwise related keys to
     * field values.
     */
    private Map<String, String> through(FieldMapping pair, Set<String> values, boolean forward) {
        Map<String, String> out = new HashMap<>();
        navsync.mapping.Relation relation = pair.lookup().through();
        if (relation == null) {
            values.forEach(v -> out.put(v, v));
            return out;
        }
        List<String> all = new java.util.ArrayList<>(values);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            for (Map<String, Object> row : navsync.nav.NavRows.query(nav, queries.relation(relation,
                    forward ? relation.fromColumn() : relation.toColumn(), chunk))) {
                String a = String.valueOf(row.get("from"));
                String b = String.valueOf(row.get("to"));
                out.putIfAbsent(forward ? a : b, forward ? b : a);
            }
        }
        return out;
    }

    /** Fetches the couplings of the Sales ids in these Sales values' lookup fields. */
    void fetchForSalesValues(IntegrationTableMapping mapping, Collection<? extends com.fasterxml.jackson.databind.JsonNode> rows) {
        for (FieldMapping pair : mapping.pairs()) {
            if (pair.lookup() == null) {
                continue;
            }
            if (pair.lookup().option()) {
                fetchOptions(pair);
                continue;
            }
            Set<UUID> ids = new HashSet<>();
            for (com.fasterxml.jackson.databind.JsonNode row : rows) {
                com.fasterxml.jackson.databind.JsonNode id = row.get(pair.salesReadProperty());
                if (id != null && id.isTextual()) {
                    ids.add(UUID.fromString(id.asText()));
                }
            }
            Map<String, UUID> idByRelatedKey = new HashMap<>();
            Map<UUID, Coupling> found = couplings.findBySalesIds(pair.lookup().mapping(), ids);
            for (Coupling c : found.values()) {
                if (!c.isPending()) {
                    idByRelatedKey.put(c.navKey(), c.salesId());
                }
            }
            if (pair.lookup().whenUncoupled() == UncoupledLookup.synchronize) {
                ids.stream().filter(id -> found.get(id) == null || found.get(id).isPending()).forEach(id ->
                        uncoupledSalesIds.computeIfAbsent(pair.lookup().mapping(), k -> new java.util.TreeSet<>()).add(id));
            }
            through(pair, idByRelatedKey.keySet(), false).forEach((relatedKey, code) ->
                    codeBySalesValue.computeIfAbsent(pair.key(), k -> new HashMap<>())
                            .put(idByRelatedKey.get(relatedKey).toString(), code));
        }
    }

    /** NAV keys of related records to synchronize first (whenUncoupled: synchronize), by their mapping; drained. */
    Map<String, Set<String>> takeUncoupledNavKeys() {
        Map<String, Set<String>> out = new HashMap<>(uncoupledNavKeys);
        uncoupledNavKeys.clear();
        return out;
    }

    /** Sales ids of related rows to synchronize first (whenUncoupled: synchronize), by their mapping; drained. */
    Map<String, Set<UUID>> takeUncoupledSalesIds() {
        Map<String, Set<UUID>> out = new HashMap<>(uncoupledSalesIds);
        uncoupledSalesIds.clear();
        return out;
    }

    /** An option pair's translations: all pairings of its option mapping (a small table), both ways. */
    private void fetchOptions(FieldMapping pair) {
        if (salesValueByCode.containsKey(pair.key())) {
            return;
        }
        Map<String, JsonNode> forward = new HashMap<>();
        Map<String, String> back = new HashMap<>();
        optionCouplings.all(pair.lookup().mapping()).values().forEach(o -> {
            forward.put(o.navKey(), IntNode.valueOf(o.value()));
            back.put(Integer.toString(o.value()), o.navKey());
        });
        salesValueByCode.put(pair.key(), forward);
        codeBySalesValue.put(pair.key(), back);
    }

    /** The Sales value a lookup field's NAV value stands for, or null when its related record is not coupled. */
    JsonNode salesValue(FieldMapping pair, String code) {
        return salesValueByCode.getOrDefault(pair.key(), Map.of()).get(code);
    }

    /** The NAV value a lookup field gets for a Sales value, or null when that row (or option) is not coupled. */
    String navKey(FieldMapping pair, JsonNode salesValue) {
        return codeBySalesValue.getOrDefault(pair.key(), Map.of()).get(salesValue.asText());
    }
}
