package navsync.sandbox.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;

import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.store.EntityReference;
import navsync.sandbox.store.Row;

/**
 * Renders column values as the Web API returns them (lookups as {@code _x_value} GUIDs, nulls included).
 * <ul>
 * <li>DateTime: UTC, {@code Z}, no fractional seconds ({@code "2016-09-28T22:57:53Z"} [CREATE, QDATA]); the store
 * keeps milliseconds, as the service does internally, so filters compare the exact instant.</li>
 * <li>Money: JSON number with 4 decimals ({@code 5000000.0000} [CREATE]) after rounding to the column's precision
 * on write.</li>
 * <li>Decimal: JSON number with the column's precision as scale; Double: rounded to its precision on write
 * ({@code 47.639583} comes back {@code 47.63958} [CREATE]).</li>
 * </ul>
 */
public final class RowWriter {
    private RowWriter() {
    }

    public static void writeValue(JsonGenerator g, Attribute a, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
            return;
        }
        switch (a.type()) {
            case MONEY -> g.writeNumber(((BigDecimal) v).setScale(4, RoundingMode.HALF_UP));
            case DECIMAL -> g.writeNumber((BigDecimal) v);
            case DOUBLE -> g.writeNumber((Double) v);
            case INTEGER, PICKLIST, STATE, STATUS -> g.writeNumber((Integer) v);
            case BIGINT -> g.writeNumber((Long) v);
            case BOOLEAN -> g.writeBoolean((Boolean) v);
            case DATETIME -> g.writeString(formatDateTime((Instant) v));
            case DATEONLY -> g.writeString(v.toString());
            case UNIQUEIDENTIFIER -> g.writeString(v.toString());
            case LOOKUP -> g.writeString(((EntityReference) v).id().toString());
            default -> g.writeString(v.toString());
        }
    }

    /** The value as a plain Java object, as a JSON reader would see the Web API's value. */
    public static Object plainValue(Attribute a, Object v) {
        if (v == null) {
            return null;
        }
        return switch (a.type()) {
            case MONEY -> ((BigDecimal) v).setScale(4, RoundingMode.HALF_UP);
            case DATETIME -> formatDateTime((Instant) v);
            case DATEONLY -> ((LocalDate) v).toString();
            case UNIQUEIDENTIFIER -> ((UUID) v).toString();
            case LOOKUP -> ((EntityReference) v).id().toString();
            default -> v;
        };
    }

    /** All columns of a row as an ordered map, like a GET without $select. */
    public static Map<String, Object> toMap(EntityType type, Row row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@odata.etag", row.etag());
        for (Attribute a : type.attributes()) {
            m.put(a.propertyName(), plainValue(a, row.value(a.index())));
        }
        return m;
    }

    public static String formatDateTime(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
