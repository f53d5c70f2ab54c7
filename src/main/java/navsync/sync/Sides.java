package navsync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.UncoupledLookup;
import navsync.nav.NavColumn;
import navsync.nav.NavSchema;
import navsync.nav.NavTable;

/**
 * The mapping processor: where a NAV row becomes Sales values and Sales values become NAV column
 * values. Both sides are compared in the Sales representation: NAV blanks are null, Code values
 * upper case, lookups the related row's id (translated through the related mapping's couplings).
 */
public final class Sides {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final NavSchema schema;
    private final Mappings mappings;
    private final navsync.sales.SalesOrganization organization;

    public Sides(NavSchema schema, Mappings mappings, navsync.sales.SalesOrganization organization) {
        this.schema = schema;
        this.mappings = mappings;
        this.organization = organization;
    }

    /**
     * NAV's values of a record, with the lookups whose related record is not coupled (key -> NAV
     * code) and the fields left out of reconciliation (lookups kept as they are).
     */
    record NavSide(ObjectNode values, Map<String, String> uncoupled, Set<String> ignored) {
    }

    NavTable table(IntegrationTableMapping mapping) {
        return schema.table(mapping.sqlTable()).orElseThrow();
    }

    NavSide nav(IntegrationTableMapping mapping, Map<String, Object> row, LookupCouplings lookups) {
        NavTable table = table(mapping);
        ObjectNode values = NODES.objectNode();
        Map<String, String> uncoupled = new LinkedHashMap<>();
        for (FieldMapping pair : mapping.pairs()) {
            Object raw = row.get(pair.navColumn());
            String key = pair.key();
            if (pair.lookup() == null) {
                NavColumn column = table.column(pair.navColumn()).orElseThrow();
                values.set(key, pair.transformNav(NavValues.toSales(raw, column)));
                continue;
            }
            String code = raw == null ? "" : raw.toString();
            JsonNode related = !code.isEmpty() ? lookups.salesValue(pair, code)
                    : pair.lookup().blankIsBaseCurrency() ? NODES.textNode(baseCurrencyId(lookups).toString()) : null;
            if (!code.isEmpty() && related == null) {
                uncoupled.put(key, code);
            }
            values.set(key, related == null ? NODES.nullNode() : related);
        }
        return new NavSide(values, uncoupled, new java.util.HashSet<>());
    }

    /**
     * The organization's base currency (read once); while Sales cannot say, the records of the pass
     * needing it fail and wait for the next pass, which reads again.
     */
    private UUID baseCurrencyId(LookupCouplings lookups) {
        try {
            return organization.baseCurrencyId(lookups.jobId());
        } catch (navsync.sales.SalesException e) {
            throw new PassingFailure("the organization's base currency (for a blank currency code) cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Sales' values of a row: the pairs' properties, Code values as NAV would hold them. */
    ObjectNode sales(IntegrationTableMapping mapping, JsonNode row) {
        ObjectNode values = NODES.objectNode();
        for (FieldMapping pair : mapping.pairs()) {
            JsonNode value = row.get(pair.salesReadProperty());
            if (value == null || value.isNull() || pair.lookup() != null) {
                values.set(pair.key(), value == null ? NODES.nullNode() : value);
                continue;
            }
            value = pair.transformSales(value);
            values.set(pair.key(), pair.code() ? NavValues.normalizeCode(value) : value);
        }
        return values;
    }

    /**
     * Applies the lookup policy to NAV-side lookups whose related record is not coupled: clear
     * writes null, keep takes the other side's value (nothing changes), fail stops the record. A
     * second-pass lookup waits instead (kept, and the record synchronized again once the related
     * record is coupled), unless this is the second pass.
     *
     * @param salesNow Sales' values, or null for a row not created yet
     */
    void resolveUncoupled(IntegrationTableMapping mapping, NavSide nav, ObjectNode salesNow, LookupCouplings lookups) {
        for (FieldMapping pair : mapping.pairs()) {
            String code = nav.uncoupled().get(pair.key());
            if (code == null) {
                continue;
            }
            if (lookups.defersSecondPass() && mappings.isSecondPass(mapping, pair)) {
                nav.ignored().add(pair.key());
                lookups.noteDeferred();
                continue;
            }
            UncoupledLookup policy = lookups.policy(pair);
            if ((policy == UncoupledLookup.fail || policy == UncoupledLookup.synchronize) && pair.lookup().option()) {
                throw new IllegalArgumentException(pair.navField() + " " + code + " is not paired with an option of "
                        + mappings.get(pair.lookup().mapping()).entity().logicalName() + "." + pair.salesAttribute()
                        + " (option mapping " + pair.lookup().mapping() + ")");
            }
            if (policy == UncoupledLookup.fail || policy == UncoupledLookup.synchronize) {
                throw new IllegalArgumentException(pair.navField() + " " + code + " must be coupled to a "
                        + mappings.get(pair.lookup().mapping()).entity().logicalName() + " (mapping "
                        + pair.lookup().mapping() + ")");
            }
            if (policy == UncoupledLookup.keep) {
                nav.ignored().add(pair.key());
            } else {
                nav.values().set(pair.key(), NODES.nullNode());
            }
        }
    }

    /** The Web API body for Sales values: plain attributes, lookups as {@code nav@odata.bind}. */
    ObjectNode salesPayload(IntegrationTableMapping mapping, ObjectNode toSales) {
        ObjectNode payload = NODES.objectNode();
        for (FieldMapping pair : mapping.pairs()) {
            JsonNode value = toSales.get(pair.key());
            if (value == null) {
                continue;
            }
            if (pair.lookup() == null || pair.lookup().option()) {
                payload.set(pair.salesAttribute(), value);
            } else {
                String set = mappings.get(pair.lookup().mapping()).entity().entitySet();
                payload.set(pair.salesAttribute() + "@odata.bind",
                        value.isNull() ? NODES.nullNode() : NODES.textNode("/" + set + "(" + value.asText() + ")"));
            }
        }
        return payload;
    }

    /** The constants a new Sales row gets, and those a coupled row lacks (NAV writes a constant only when it differs). */
    ObjectNode salesConstants(IntegrationTableMapping mapping, JsonNode salesRow) {
        ObjectNode out = NODES.objectNode();
        for (FieldMapping field : mapping.fieldsFor(Direction.ToIntegrationTable)) {
            if (field.isConstant() && field.salesAttribute() != null) {
                JsonNode constant = NavValues.constant(field.constant());
                if (salesRow == null || !NavValues.same(constant, salesRow.get(field.salesAttribute()))) {
                    out.set(field.salesAttribute(), constant);
                }
            }
        }
        return out;
    }

    /** NAV column values for Sales values, lookups translated back to NAV codes. */
    Map<String, Object> navValues(IntegrationTableMapping mapping, ObjectNode toNav, LookupCouplings lookups) {
        NavTable table = table(mapping);
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldMapping pair : mapping.pairs()) {
            JsonNode value = toNav.get(pair.key());
            if (value == null) {
                continue;
            }
            NavColumn column = table.column(pair.navColumn()).orElseThrow();
            if (pair.lookup() != null && pair.lookup().blankIsBaseCurrency() && !value.isNull()
                    && value.asText().equals(baseCurrencyId(lookups).toString())) {
                value = NODES.nullNode(); // the base currency is NAV's LCY: a blank code
            } else if (pair.lookup() != null && !value.isNull()) {
                String code = lookups.navKey(pair, value);
                if (code == null && lookups.defersSecondPass() && mappings.isSecondPass(mapping, pair)) {
                    lookups.noteDeferred();
                    continue;
                }
                if (code == null) {
                    UncoupledLookup policy = lookups.policy(pair);
                    if ((policy == UncoupledLookup.fail || policy == UncoupledLookup.synchronize) && pair.lookup().option()) {
                        throw new IllegalArgumentException("option " + value.asText() + " of " + pair.salesAttribute()
                                + " is not paired with a NAV " + mappings.get(pair.lookup().mapping()).table()
                                + " (option mapping " + pair.lookup().mapping() + ")");
                    }
                    if (policy == UncoupledLookup.fail || policy == UncoupledLookup.synchronize) {
                        throw new IllegalArgumentException(mappings.get(pair.lookup().mapping()).entity().logicalName()
                                + " " + value.asText() + " in " + pair.salesAttribute() + " must be coupled to a "
                                + mappings.get(pair.lookup().mapping()).table() + " (mapping " + pair.lookup().mapping() + ")");
                    }
                    if (policy == UncoupledLookup.keep) {
                        continue;
                    }
                    value = NODES.nullNode();
                } else {
                    value = NODES.textNode(code);
                }
            }
            out.put(pair.navColumn(), NavValues.toNav(value, column, pair.code(), pair.navField()));
        }
        return out;
    }

    /** NAV constants of a record created from Sales (direction From). */
    Map<String, Object> navConstants(IntegrationTableMapping mapping) {
        NavTable table = table(mapping);
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldMapping field : mapping.fieldsFor(Direction.FromIntegrationTable)) {
            if (field.isConstant() && field.navColumn() != null) {
                NavColumn column = table.column(field.navColumn()).orElseThrow();
                out.put(field.navColumn(), NavValues.toNav(NavValues.constant(field.constant()), column, field.code(),
                        field.navField()));
            }
        }
        return out;
    }

    /** NAV's blank of every column of the mapping's table. */
    Map<String, Object> blanks(IntegrationTableMapping mapping) {
        Map<String, Object> out = new LinkedHashMap<>();
        table(mapping).columns().forEach((name, column) -> out.put(name, NavValues.blank(column)));
        return out;
    }

    /** The properties a Sales read of this mapping selects. */
    List<String> salesSelect(IntegrationTableMapping mapping) {
        Set<String> select = new LinkedHashSet<>();
        for (FieldMapping field : mapping.fields()) {
            if (field.isPair()) {
                select.add(field.salesReadProperty());
            } else if (field.salesAttribute() != null) {
                select.add(field.salesAttribute());
            }
        }
        return new ArrayList<>(select);
    }

    /** Values for the pairs that a new row on the other side starts with: null for pairs flowing the other way only. */
    static ObjectNode newBaseline(IntegrationTableMapping mapping, ObjectNode values, Direction source) {
        ObjectNode baseline = NODES.objectNode();
        for (FieldMapping pair : mapping.pairs()) {
            String key = pair.key();
            JsonNode value = pair.direction().includes(source) ? values.get(key) : null;
            baseline.set(key, value == null ? NODES.nullNode() : value);
        }
        return baseline;
    }

    /** The values of {@code values} for the pairs flowing out of {@code source}. */
    static ObjectNode flowing(IntegrationTableMapping mapping, ObjectNode values, Direction source) {
        ObjectNode out = NODES.objectNode();
        for (FieldMapping pair : mapping.pairs()) {
            if (pair.direction().includes(source) && values.has(pair.key())) {
                out.set(pair.key(), values.get(pair.key()));
            }
        }
        return out;
    }
}
