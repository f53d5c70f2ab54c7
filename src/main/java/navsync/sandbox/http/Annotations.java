package navsync.sandbox.http;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.AttributeType;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.schema.SystemColumns;
import navsync.sandbox.store.DataStore;
import navsync.sandbox.store.EntityReference;
import navsync.sandbox.store.Row;

/**
 * Instance annotations asked for with {@code Prefer: odata.include-annotations="..."} (a list, {@code *} or
 * {@code Prefix.*} wildcards) [COMPOSE, QDATA]: {@code col@OData.Community.Display.V1.FormattedValue} before the raw
 * value (choice labels, Yes/No, money with the currency symbol, dates as {@code 4/7/2023 2:59 PM}, numbers with
 * thousands separators), and for lookups also {@code @Microsoft.Dynamics.CRM.associatednavigationproperty} and
 * {@code @Microsoft.Dynamics.CRM.lookuplogicalname}. Formats follow the documented examples in the en-US locale and
 * UTC, the sandbox user's settings (inference: real formats follow each user's personal options). Null values get no
 * annotations.
 */
final class Annotations {
    static final String FORMATTED = "OData.Community.Display.V1.FormattedValue";
    static final String NAVIGATION = "Microsoft.Dynamics.CRM.associatednavigationproperty";
    static final String LOOKUP_TABLE = "Microsoft.Dynamics.CRM.lookuplogicalname";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm a", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

    private final DataStore store;
    private final boolean formatted;
    private final boolean navigation;
    private final boolean lookupTable;

    private Annotations(DataStore store, boolean formatted, boolean navigation, boolean lookupTable) {
        this.store = store;
        this.formatted = formatted;
        this.navigation = navigation;
        this.lookupTable = lookupTable;
    }

    /** Null when {@code preference} (the value of odata.include-annotations) selects none of these annotations. */
    static Annotations of(String preference, DataStore store) {
        if (preference == null) {
            return null;
        }
        List<String> patterns = new ArrayList<>();
        for (String p : preference.split(",")) {
            patterns.add(p.strip());
        }
        Annotations a = new Annotations(store, selects(patterns, FORMATTED), selects(patterns, NAVIGATION),
                selects(patterns, LOOKUP_TABLE));
        return a.formatted || a.navigation || a.lookupTable ? a : null;
    }

    private static boolean selects(List<String> patterns, String term) {
        for (String p : patterns) {
            if (p.equals("*") || p.equals(term) || (p.endsWith(".*") && term.startsWith(p.substring(0, p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Writes the annotations that precede column {@code a} of {@code row}. */
    void write(JsonGenerator g, EntityType type, Row row, Attribute a) throws IOException {
        Object v = row.value(a.index());
        if (v == null) {
            return;
        }
        String name = a.propertyName();
        if (v instanceof EntityReference ref && a.type() == AttributeType.LOOKUP) {
            if (formatted) {
                String related = primaryName(ref);
                if (related != null) {
                    g.writeStringField(name + "@" + FORMATTED, related);
                }
            }
            if (navigation) {
                g.writeStringField(name + "@" + NAVIGATION, navigationProperty(a, ref));
            }
            if (lookupTable) {
                g.writeStringField(name + "@" + LOOKUP_TABLE, ref.logicalName());
            }
        } else if (formatted) {
            String text = format(type, row, a, v);
            if (text != null) {
                g.writeStringField(name + "@" + FORMATTED, text);
            }
        }
    }

    private String format(EntityType type, Row row, Attribute a, Object v) {
        return switch (a.type()) {
            case PICKLIST, STATE, STATUS -> a.options().get((Integer) v);
            case BOOLEAN -> (Boolean) v ? "Yes" : "No";
            case MONEY -> currencySymbol(type, row) + number(2).format(v);
            case INTEGER, BIGINT -> number(0).format(v);
            case DECIMAL, DOUBLE -> number(a.precision()).format(v instanceof Double d ? BigDecimal.valueOf(d) : v);
            case DATETIME -> DATE_TIME.format((Instant) v);
            case DATEONLY -> DATE.format((LocalDate) v);
            default -> null;
        };
    }

    private static DecimalFormat number(int decimals) {
        return new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.US));
    }

    /** The symbol of the row's transaction currency ({@code "$20,000.00"} [QDATA]). */
    private String currencySymbol(EntityType type, Row row) {
        Attribute currency = type.attribute(SystemColumns.TRANSACTION_CURRENCY_ID);
        if (currency == null || !(row.value(currency.index()) instanceof EntityReference ref)) {
            return "";
        }
        Row c = store.resolve(ref);
        Attribute symbol = store.table(ref.logicalName()).type().attribute("currencysymbol");
        Object s = c == null || symbol == null ? null : c.value(symbol.index());
        return s == null ? "" : s.toString();
    }

    private String primaryName(EntityReference ref) {
        Row related = store.resolve(ref);
        if (related == null) {
            return null;
        }
        Attribute name = store.table(ref.logicalName()).type().primaryName();
        Object v = name == null ? null : related.value(name.index());
        return v == null ? null : v.toString();
    }

    /** For Customer/Owner lookups, the navigation property of the referenced table ({@code parentcustomerid_account}). */
    private static String navigationProperty(Attribute a, EntityReference ref) {
        for (Map.Entry<String, List<String>> nav : a.navigation().entrySet()) {
            if (nav.getValue().contains(ref.logicalName())) {
                return nav.getKey();
            }
        }
        return a.logicalName();
    }
}
