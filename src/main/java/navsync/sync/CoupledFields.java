package navsync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import navsync.mapping.Direction;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavQueries;
import navsync.nav.NavRows;
import navsync.sales.SalesReader;
import navsync.state.StateStore;

/**
 * The mapping processor's view of a NAV record and a Sales row before they are coupled: both sides'
 * values in the Sales representation ({@link Sides}), and which side the first synchronization after
 * coupling would let win each field ({@link PairReconciler} with no baseline, as that synchronization
 * runs). Also reads records of either side in bulk for the coupling procedures.
 */
public final class CoupledFields {

    /** Keys per NAV query, as the passes read them. */
    private static final int KEYS_PER_QUERY = 500;
    private static final int FETCH_SIZE = 1000;

    private final Sides sides;
    private final StateStore store;
    private final NavQueries queries;
    private final DataSource nav;
    private final SalesReader reader;

    CoupledFields(Sides sides, StateStore store, NavQueries queries, DataSource nav, SalesReader reader) {
        this.sides = sides;
        this.store = store;
        this.queries = queries;
        this.nav = nav;
        this.reader = reader;
    }

    /**
     * One field pair side by side.
     *
     * @param navValue   NAV's value as Sales would hold it (a lookup: the id of the coupled row, or null)
     * @param navCode    a lookup's NAV value (the related record's code), else null
     * @param wins       "NAV" or "Sales": whose value the synchronization writes to the other side;
     *                   null when the values are the same, nothing is synchronized, or the pass does not write this field
     * @param note       why values that differ are left as they are, else null
     */
    public record Field(String navField, String salesAttribute, Direction direction, JsonNode navValue, String navCode,
                        JsonNode salesValue, boolean same, String wins, String note) {
    }

    /**
     * The mapped fields of a NAV row and a Sales row side by side, with the winner of each field in
     * the synchronization {@code pass} right after coupling (null: no synchronization).
     *
     * @throws IllegalArgumentException when a lookup the mapping requires coupled is not
     */
    public List<Field> sideBySide(IntegrationTableMapping mapping, Map<String, Object> navRow, ObjectNode salesRow,
                                  Direction pass) {
        LookupCouplings lookups = new LookupCouplings(store, queries, nav);
        lookups.fetchForNavRows(mapping, List.of(navRow));
        lookups.fetchForSalesValues(mapping, List.of(salesRow));
        Sides.NavSide navSide = sides.nav(mapping, navRow, lookups);
        ObjectNode salesNow = sides.sales(mapping, salesRow);
        sides.resolveUncoupled(mapping, navSide, salesNow, lookups);
        PairReconciler.Result result = pass == null ? null
                : PairReconciler.reconcile(mapping, pass, null, navSide.values(), salesNow, navSide.ignored());
        List<Field> fields = new ArrayList<>();
        for (FieldMapping pair : mapping.pairs()) {
            String key = pair.key();
            JsonNode navValue = navSide.values().get(key);
            JsonNode salesValue = salesNow.get(key);
            boolean same = NavValues.same(navValue, salesValue);
            String wins = null;
            if (result != null && !same) {
                if (result.toSales().has(key)) {
                    wins = "NAV";
                } else if (result.toNav().has(key) && pass == Direction.FromIntegrationTable) {
                    // NAV -> Sales after coupling writes the new pair's Sales row only (NewRecords.salesRow)
                    wins = "Sales";
                }
            }
            Object code = pair.lookup() == null ? null : navRow.get(pair.navColumn());
            String note = same || wins != null ? null
                    : pass == null ? "no synchronization after coupling"
                    : navSide.ignored().contains(key) ? "NAV's " + pair.navField() + " " + code + " is not coupled (mapping "
                            + pair.lookup().mapping() + "): both sides keep their value"
                    : pair.notNull() && (navValue == null || navValue.isNull()) ? "a blank never clears the other side (notNull)"
                    : "not written by a " + pass + " synchronization after coupling";
            fields.add(new Field(pair.navField(), pair.salesAttribute(), pair.direction(), navValue,
                    code == null ? null : code.toString(), salesValue, same, wins, note));
        }
        return fields;
    }

    /** NAV's values of a row in the Sales representation, by pair key; lookups are not translated. */
    public ObjectNode navValues(IntegrationTableMapping mapping, Map<String, Object> navRow) {
        return sides.nav(mapping, navRow, new LookupCouplings(store, queries, nav)).values();
    }

    /** Sales' values of a row as the mapping compares them (Code values as NAV holds them), by pair key. */
    public ObjectNode salesValues(IntegrationTableMapping mapping, JsonNode salesRow) {
        return sides.sales(mapping, salesRow);
    }

    /** The NAV rows with these keys, in the table filter or not, by key (one query per 500 keys). */
    public Map<String, Map<String, Object>> navRows(IntegrationTableMapping mapping, Collection<String> keys) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
            for (Map<String, Object> row : NavRows.query(nav, queries.rowsByKeys(mapping,
                    all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY)), false))) {
                out.put(NavToSales.key(row), row);
            }
        }
        return out;
    }

    /** The NAV rows that pass the mapping's table filter, streamed, in batches of the mapping's batch size. */
    public void forEachBatchInFilter(IntegrationTableMapping mapping, java.util.function.Consumer<List<Map<String, Object>>> each) {
        NavRows.stream(nav, queries.changedRows(mapping, null, nav), FETCH_SIZE, mapping.batchSize(), each);
    }

    /** The Sales rows with these ids that exist, with the mapping's properties, by id. */
    public Map<UUID, ObjectNode> salesRows(IntegrationTableMapping mapping, Collection<UUID> ids) {
        Map<UUID, ObjectNode> out = new LinkedHashMap<>();
        for (ObjectNode row : reader.byIds(mapping.entity(), ids, sides.salesSelect(mapping))) {
            out.put(UUID.fromString(row.get(mapping.entity().primaryId()).asText()), row);
        }
        return out;
    }

    /** The NAV key of a row read by this class. */
    public static String navKey(Map<String, Object> navRow) {
        return NavToSales.key(navRow);
    }

    /** The NAV record id ($systemId) of a row read by this class, or null. */
    public static UUID navRecordId(Map<String, Object> navRow) {
        Object id = navRow.get(NavQueries.RECORD_ID);
        return id == null ? null : id instanceof UUID uuid ? uuid : UUID.fromString(id.toString());
    }
}
