package navsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.UncoupledLookup;
import navsync.nav.NavColumn;
import navsync.nav.NavQueries;
import navsync.nav.NavTable;
import navsync.sync.NavValues;

/**
 * What navsync writes for a NAV record that gets a new Sales row: the Web API body (every field
 * flowing to Sales, NAV blanks as null, lookups as {@code x@odata.bind} through the related mapping's
 * couplings, "not null" fields left out when blank, kept lookups left out when uncoupled, plus the
 * constants) and the baseline the coupling keeps (the values as Sales reads them back). Built with
 * navsync's own value rules ({@link NavValues}) for the writers that stand beside navsync: the
 * per-record writer, the bulk ceiling and the state seeder, whose check compares it with navsync's.
 */
final class PayloadMapper {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** A new row's body and its coupling's baseline. */
    record Mapped(ObjectNode payload, ObjectNode baseline) {
    }

    private record Field(FieldMapping pair, NavColumn type, String bindSet, Map<String, UUID> coupled) {
    }

    private final List<Field> fields = new ArrayList<>();
    private final ObjectNode constants = NODES.objectNode();
    private final IntegrationTableMapping mapping;

    /**
     * @param entitySets the entity set of each mapping name (for lookups' binds)
     * @param coupled    per lookup mapping name: NAV code -> Sales id of its (synchronized) couplings
     */
    PayloadMapper(IntegrationTableMapping mapping, NavTable table, Map<String, String> entitySets,
                  Map<String, Map<String, UUID>> coupled) {
        this.mapping = mapping;
        for (FieldMapping f : mapping.fieldsFor(Direction.ToIntegrationTable)) {
            if (f.isConstant() && f.salesAttribute() != null) {
                constants.set(f.salesAttribute(), NavValues.constant(f.constant()));
            }
        }
        for (FieldMapping pair : mapping.pairs()) {
            if (!pair.direction().includes(Direction.ToIntegrationTable)) {
                continue;
            }
            if (pair.lookup() != null && pair.lookup().through() != null) {
                throw new IllegalStateException("the benchmark's writers do not follow lookups through a relation: "
                        + pair.describe());
            }
            fields.add(new Field(pair, table.column(pair.navColumn()).orElseThrow(),
                    pair.lookup() == null ? null : entitySets.get(pair.lookup().mapping()),
                    pair.lookup() == null ? null : coupled.getOrDefault(pair.lookup().mapping(), Map.of())));
        }
    }

    IntegrationTableMapping mapping() {
        return mapping;
    }

    ObjectNode payload(Map<String, Object> row) {
        return map(row).payload();
    }

    Mapped map(Map<String, Object> row) {
        ObjectNode payload = NODES.objectNode();
        ObjectNode created = constants.deepCopy();
        for (Field f : fields) {
            FieldMapping pair = f.pair();
            Object raw = row.get(pair.navColumn());
            JsonNode value;
            if (pair.lookup() == null) {
                value = NavValues.toSales(raw, f.type());
            } else {
                String code = raw == null ? "" : raw.toString();
                if (code.isEmpty() && pair.lookup().blankIsBaseCurrency()) {
                    continue; // NAV's LCY: a new row gets the organization's base currency by default
                }
                UUID id = code.isEmpty() ? null : f.coupled().get(code);
                if (!code.isEmpty() && id == null) {
                    UncoupledLookup policy = pair.lookup().whenUncoupled();
                    if (policy == UncoupledLookup.keep) {
                        continue; // kept: the new row gets the service's default
                    }
                    if (policy == UncoupledLookup.fail) {
                        throw new IllegalStateException(pair.navField() + " " + code + " is not coupled");
                    }
                }
                value = id == null ? NODES.nullNode() : NODES.textNode(id.toString());
            }
            if (pair.notNull() && value.isNull()) {
                continue; // not null: the new row gets the service's default
            }
            if (pair.lookup() == null || pair.lookup().option()) {
                payload.set(pair.salesAttribute(), value); // option pairs: the benchmark pairs no options
            } else {
                payload.set(pair.salesAttribute() + "@odata.bind",
                        value.isNull() ? NODES.nullNode() : NODES.textNode("/" + f.bindSet() + "(" + value.asText() + ")"));
            }
            created.set(pair.salesReadProperty(), value);
        }
        payload.setAll(constants);
        ObjectNode baseline = NODES.objectNode();
        for (FieldMapping pair : mapping.pairs()) {
            JsonNode value = created.get(pair.salesReadProperty());
            if (value != null) {
                baseline.set(pair.key(), pair.code() && pair.lookup() == null ? NavValues.normalizeCode(value) : value);
            }
        }
        return new Mapped(payload, baseline);
    }

    static String key(Map<String, Object> row) {
        return String.valueOf(row.get(NavQueries.KEY));
    }

    static long version(Map<String, Object> row) {
        return ((Number) row.get(NavQueries.ROW_VERSION)).longValue();
    }

    static UUID recordId(Map<String, Object> row) {
        Object id = row.get(NavQueries.RECORD_ID);
        return id == null ? null : id instanceof UUID u ? u : UUID.fromString(id.toString());
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
