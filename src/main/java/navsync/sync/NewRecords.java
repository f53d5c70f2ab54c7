package navsync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavChange;
import navsync.sales.SalesWrite;

/**
 * Plans for records created on one side from the other: a new Sales row from a NAV record, a new NAV
 * record from a Sales row. The new record's own values that flow back (a new customer's number, its
 * template values) go to the other side in the same plan, so the pair starts in step.
 */
final class NewRecords {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final Sides sides;

    NewRecords(Sides sides) {
        this.sides = sides;
    }

    /**
     * A new Sales row with every value flowing to Sales, and the constants, under the Sales id decided
     * before. The baseline is the new row as Sales will read it, so pairs that only flow back (NAV's
     * Search Name from name) start in step too.
     */
    SyncBatch.Plan salesRow(IntegrationTableMapping mapping, String key, UUID salesId, Sides.NavSide nav, long version) {
        ObjectNode toSales = Sides.flowing(mapping, nav.values(), Direction.ToIntegrationTable);
        for (FieldMapping pair : mapping.pairs()) {
            JsonNode value = toSales.get(pair.key());
            if (nav.ignored().contains(pair.key()) || pair.notNull() && value != null && value.isNull()) {
                toSales.remove(pair.key()); // kept or not-null: the new row gets the service's default
            }
        }
        ObjectNode payload = sides.salesPayload(mapping, toSales, nav);
        ObjectNode constants = sides.salesConstants(mapping, null);
        payload.setAll(constants);
        ObjectNode created = constants.deepCopy();
        for (FieldMapping pair : mapping.pairs()) {
            if (toSales.has(pair.key())) {
                created.set(pair.salesReadProperty(), toSales.get(pair.key()));
            }
        }
        ObjectNode baseline = sides.sales(mapping, created);
        for (FieldMapping pair : mapping.pairs()) {
            if (!created.has(pair.salesReadProperty())) {
                baseline.remove(pair.key()); // not written: whatever the service sets is no change
            }
        }
        return new SyncBatch.Plan(key, salesId, new SalesWrite(key, salesId, payload), null, null, baseline, version,
                SyncBatch.Effect.INSERTED);
    }

    /**
     * A new NAV record from a Sales row: the values flowing to NAV, the From constants, the mapping's
     * defaults and NAV's blanks, under the key given; NAV-only values (its number) go to Sales.
     */
    SyncBatch.Plan navRecord(IntegrationTableMapping mapping, String key, UUID salesId, ObjectNode salesNow,
                             LookupCouplings lookups) {
        Map<String, Object> values = new LinkedHashMap<>(sides.navValues(mapping,
                Sides.flowing(mapping, salesNow, Direction.FromIntegrationTable), lookups));
        values.putAll(sides.navConstants(mapping));
        Map<String, Object> row = new LinkedHashMap<>(sides.blanks(mapping));
        row.putAll(mapping.navDefaults());
        row.putAll(values);
        row.put(mapping.navKeyColumn(), key);
        Sides.NavSide nav = sides.nav(mapping, row, lookups);
        sides.resolveUncoupled(mapping, nav, salesNow, lookups);
        ObjectNode navNow = nav.values();
        ObjectNode baseline = Sides.newBaseline(mapping, salesNow, Direction.FromIntegrationTable);
        ObjectNode toSales = NODES.objectNode();
        for (FieldMapping pair : mapping.pairs()) {
            JsonNode value = navNow.get(pair.key());
            if (nav.ignored().contains(pair.key()) || pair.notNull() && (value == null || value.isNull())) {
                continue; // kept or not-null: the Sales row keeps its value
            }
            if (pair.direction() == Direction.ToIntegrationTable) {
                baseline.set(pair.key(), navNow.get(pair.key()));
                if (!NavValues.same(navNow.get(pair.key()), salesNow.get(pair.key()))) {
                    toSales.set(pair.key(), navNow.get(pair.key()));
                }
            }
        }
        ObjectNode payload = sides.salesPayload(mapping, toSales, null); // NAV's values here came from Sales
        return new SyncBatch.Plan(key, salesId, payload.isEmpty() ? null : new SalesWrite(key, salesId, payload), null,
                new NavChange.Insert(key, values), baseline, 0, SyncBatch.Effect.INSERTED);
    }
}
