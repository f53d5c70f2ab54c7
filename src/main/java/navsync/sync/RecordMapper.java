package navsync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import navsync.mapping.Direction;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavColumn;
import navsync.nav.NavSchema;
import navsync.nav.NavTable;

/**
 * The mapping processor: where a NAV row becomes a Sales row. Applies the field pairs that flow
 * NAV -> Sales (and constants) in transfer order, converting NAV values to Web API values.
 */
public final class RecordMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final NavSchema schema;

    public RecordMapper(NavSchema schema) {
        this.schema = schema;
    }

    /** The Sales attribute values a NAV row maps to. */
    public ObjectNode toSales(IntegrationTableMapping mapping, Map<String, Object> navRow) {
        NavTable table = schema.table(mapping.sqlTable()).orElseThrow();
        ObjectNode values = NODES.objectNode();
        for (FieldMapping field : mapping.fieldsFor(Direction.ToIntegrationTable)) {
            if (field.salesAttribute() == null) {
                continue;
            }
            if (field.isConstant()) {
                values.set(field.salesAttribute(), NavValues.constant(field.constant()));
                continue;
            }
            NavColumn column = table.column(field.navColumn()).orElseThrow();
            try {
                values.set(field.salesAttribute(), NavValues.toSales(navRow.get(field.navColumn()), column));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("field '" + field.navField() + "' value '" + navRow.get(field.navColumn())
                        + "' cannot be converted for " + field.salesAttribute() + ": " + e.getMessage(), e);
            }
        }
        return values;
    }

    /** The attributes of {@code now} whose values differ from {@code before} (the last synchronized values). */
    public static ObjectNode changes(ObjectNode now, JsonNode before) {
        if (before == null) {
            return now.deepCopy();
        }
        ObjectNode changed = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = now.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode old = before.get(field.getKey());
            if (old == null || !NavValues.same(field.getValue(), old)) {
                changed.set(field.getKey(), field.getValue());
            }
        }
        return changed;
    }
}
