package navsync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.Rounding;
import navsync.mapping.UncoupledLookup;
import navsync.nav.NavColumn;
import navsync.nav.NavSchema;
import navsync.nav.NavTable;
import navsync.sales.DecimalPrecisions;

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
    private final DecimalPrecisions precisions;

    public Sides(NavSchema schema, Mappings mappings, navsync.sales.SalesOrganization organization,
                 DecimalPrecisions precisions) {
        this.schema = schema;
        this.mappings = mappings;
        this.organization = organization;
        this.precisions = precisions;
    }

    /**
     * NAV's values of a record, with the lookups whose related record is not coupled (key -> NAV
     * code), the fields left out of reconciliation (lookups kept as they are), the decimals rounded to
     * their Sales column's precision (key -> what was rounded) and, of those, the ones a planned Sales
     * write carries (the job's warnings about the record).
     */
    record NavSide(ObjectNode values, Map<String, String> uncoupled, Set<String> ignored, Map<String, String> rounded,
                   List<String> roundedInWrite) {
    }

    NavTable table(IntegrationTableMapping mapping) {
        return schema.table(mapping.sqlTable()).orElseThrow();
    }

    NavSide nav(IntegrationTableMapping mapping, Map<String, Object> row, LookupCouplings lookups) {
        NavTable table = table(mapping);
        ObjectNode values = NODES.objectNode();
        Map<String, String> uncoupled = new LinkedHashMap<>();
        Map<String, String> rounded = new LinkedHashMap<>();
        for (FieldMapping pair : mapping.pairs()) {
            Object raw = row.get(pair.navColumn());
            String key = pair.key();
            if (pair.lookup() == null) {
                values.set(key, navView(mapping, table, pair, raw, rounded));
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
        return new NavSide(values, uncoupled, new java.util.HashSet<>(), rounded, new ArrayList<>());
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
            values.set(pair.key(), salesView(pair, row.get(pair.salesReadProperty())));
        }
        return values;
    }

    /**
     * A NAV column's value as a (non-lookup) pair reads it in the Sales representation: a decimal
     * with more places than the Sales column holds is rounded half up to its precision, as Sales
     * would store it (noted in {@code rounded}).
     */
    private JsonNode navView(IntegrationTableMapping mapping, NavTable table, FieldMapping pair, Object raw,
                             Map<String, String> rounded) {
        NavColumn column = table.column(pair.navColumn()).orElseThrow();
        JsonNode value = pair.transformNav(NavValues.toSales(raw, column));
        if (!column.isDecimal() || !value.isNumber() || value.decimalValue().scale() <= 0) {
            return value;
        }
        int places = precision(mapping, pair);
        if (value.decimalValue().scale() <= places) {
            return value;
        }
        BigDecimal cut = value.decimalValue().setScale(places, RoundingMode.HALF_UP);
        rounded.put(pair.key(), "NAV " + pair.navField() + " " + value.decimalValue().toPlainString() + " has more decimal"
                + " places than Sales " + mapping.entity().logicalName() + "." + pair.salesAttribute() + " holds (" + places
                + "): " + cut.toPlainString() + " is written (rounding: " + pair.rounding() + ")");
        return NavValues.number(cut);
    }

    /** The decimal places of a pair's Sales column (read once per column); while Sales cannot say, the record waits. */
    private int precision(IntegrationTableMapping mapping, FieldMapping pair) {
        try {
            return precisions.precision(mapping.entity().logicalName(), pair.salesAttribute()).orElse(Integer.MAX_VALUE);
        } catch (navsync.sales.SalesException e) {
            throw new PassingFailure("the precision of Sales " + mapping.entity().logicalName() + "."
                    + pair.salesAttribute() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A Sales property's value as a pair reads it: transformed, a Code value as NAV would hold it. */
    private static JsonNode salesView(FieldMapping pair, JsonNode value) {
        if (value == null || value.isNull() || pair.lookup() != null) {
            return value == null ? NODES.nullNode() : value;
        }
        value = pair.transformSales(value);
        return pair.code() ? NavValues.normalizeCode(value) : value;
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

    /**
     * A coupled pair's writes: the Sales body, the NAV column values, the baseline once they land (and
     * the one if the Sales write lands but the NAV write fails; null without a baseline) and the job's
     * warnings about them; or the conflict that stops the record.
     */
    record Writes(ObjectNode salesPayload, Map<String, Object> navValues, ObjectNode baseline,
                  ObjectNode baselineIfOnlySalesLands, List<String> warnings, String conflict) {
        boolean isConflict() {
            return conflict != null;
        }

        boolean writesNothing() {
            return salesPayload.isEmpty() && navValues.isEmpty();
        }
    }

    /**
     * Reconciles a coupled pair ({@link PairReconciler}) and follows its writes through: a written
     * Sales attribute or NAV column is read by every pair on it, so a pair that another pair's write
     * moves carries the new value on where its direction does, in the same plan, and the baseline is
     * what each pair reads once everything lands. navsync's own write is thus never a change of the
     * side it wrote, whichever pair or pass wrote it. (Each attribute and column has one writing pair:
     * the mapping loader refuses two.)
     *
     * @param salesRow Sales' row as read, salesNow its values ({@link #sales})
     */
    Writes reconcile(IntegrationTableMapping mapping, Direction pass, JsonNode baseline, NavSide nav, ObjectNode salesRow,
                     ObjectNode salesNow, LookupCouplings lookups) {
        PairReconciler.Result r = PairReconciler.reconcile(mapping, pass, baseline, nav.values(), salesNow, nav.ignored());
        if (r.isConflict()) {
            return new Writes(null, null, null, null, List.of(), r.conflict());
        }
        NavTable table = table(mapping);
        ObjectNode navNow = nav.values().deepCopy();
        ObjectNode salesSeen = salesNow.deepCopy();
        ObjectNode toSales = r.toSales().deepCopy();
        ObjectNode toNav = r.toNav().deepCopy();
        Map<String, Object> columns = navValues(mapping, toNav, lookups);
        for (int round = 1; !r.writesNothing(); round++) {
            if (round > mapping.pairs().size()) {
                throw new IllegalArgumentException("the field mappings keep carrying each other's values on: " + toSales
                        + " to Sales, " + toNav + " to NAV");
            }
            Map<String, Object> written = round == 1 ? columns : navValues(mapping, r.toNav(), lookups);
            Map<String, JsonNode> properties = new HashMap<>();
            for (FieldMapping writer : mapping.pairs()) {
                if (r.toSales().has(writer.key())) {
                    properties.put(writer.salesReadProperty(), r.toSales().get(writer.key()));
                }
            }
            // what each pair reads now; "moved": changed by another pair's write (a pair's own write is no move)
            ObjectNode navMoved = NODES.objectNode();
            ObjectNode salesMoved = NODES.objectNode();
            for (FieldMapping pair : mapping.pairs()) {
                String key = pair.key();
                if (nav.ignored().contains(key)) {
                    continue;
                }
                JsonNode navView = written.containsKey(pair.navColumn())
                        ? navView(mapping, table, pair, written.get(pair.navColumn()), r.toNav(), nav, lookups) : null;
                if (navView != null) {
                    if (!r.toNav().has(key) && !NavValues.same(navView, navNow.get(key))) {
                        navMoved.set(key, navView);
                    }
                    navNow.set(key, navView);
                }
                if (properties.containsKey(pair.salesReadProperty())) {
                    JsonNode salesView = salesView(pair, properties.get(pair.salesReadProperty()));
                    if (!r.toSales().has(key) && !NavValues.same(salesView, salesSeen.get(key))) {
                        salesMoved.set(key, salesView);
                    }
                    salesSeen.set(key, salesView);
                }
            }
            r = PairReconciler.follow(mapping, r.baseline(), navNow, salesSeen, navMoved, salesMoved);
            toSales.setAll(r.toSales());
            toNav.setAll(r.toNav());
            if (!r.toNav().isEmpty()) {
                columns = navValues(mapping, toNav, lookups);
            }
        }
        ObjectNode payload = salesPayload(mapping, toSales, nav);
        payload.setAll(salesConstants(mapping, salesRow));
        return new Writes(payload, columns, r.baseline(), baselineIfOnlySalesLands(mapping, baseline, toSales, salesNow,
                salesSeen), List.copyOf(nav.roundedInWrite()), null);
    }

    /**
     * The baseline when the Sales write lands and the NAV write then fails: the pairs written to Sales
     * hold their value on both sides; a pair reading Sales only (From) follows what Sales now holds;
     * the others keep their last baseline, so what did not reach NAV is still a Sales change.
     */
    private static ObjectNode baselineIfOnlySalesLands(IntegrationTableMapping mapping, JsonNode baseline,
                                                       ObjectNode toSales, ObjectNode salesBefore, ObjectNode salesAfter) {
        if (!(baseline instanceof ObjectNode last) || toSales.isEmpty()) {
            return null;
        }
        ObjectNode out = last.deepCopy();
        out.setAll(toSales);
        for (FieldMapping pair : mapping.pairs()) {
            String key = pair.key();
            if (pair.direction() == Direction.FromIntegrationTable && !NavValues.same(salesBefore.get(key), salesAfter.get(key))) {
                out.set(key, salesAfter.get(key));
            }
        }
        return out;
    }

    /**
     * A written NAV column's value as a pair reads it: a lookup written by this pair is the value it
     * wrote; one written by another pair goes through the batch's couplings (null when not known).
     */
    private JsonNode navView(IntegrationTableMapping mapping, NavTable table, FieldMapping pair, Object raw,
                             ObjectNode toNav, NavSide nav, LookupCouplings lookups) {
        if (pair.lookup() == null) {
            return navView(mapping, table, pair, raw, nav.rounded());
        }
        if (toNav.has(pair.key())) {
            return toNav.get(pair.key());
        }
        String code = raw == null ? "" : raw.toString();
        return code.isEmpty() ? (pair.lookup().blankIsBaseCurrency() ? NODES.textNode(baseCurrencyId(lookups).toString())
                : NODES.nullNode()) : lookups.salesValue(pair, code);
    }

    /**
     * The Web API body for Sales values: plain attributes, lookups as {@code nav@odata.bind}. A NAV
     * decimal rounded for it is noted in {@code nav}'s warnings, or fails the record (rounding: fail).
     *
     * @param nav the NAV side the values come from, or null
     */
    ObjectNode salesPayload(IntegrationTableMapping mapping, ObjectNode toSales, NavSide nav) {
        ObjectNode payload = NODES.objectNode();
        for (FieldMapping pair : mapping.pairs()) {
            JsonNode value = toSales.get(pair.key());
            if (value == null) {
                continue;
            }
            String rounded = nav == null ? null : nav.rounded().get(pair.key());
            if (rounded != null && pair.rounding() == Rounding.fail) {
                throw new IllegalArgumentException(rounded);
            } else if (rounded != null) {
                nav.roundedInWrite().add(rounded);
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
