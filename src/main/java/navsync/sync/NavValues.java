package navsync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import navsync.nav.NavColumn;

/**
 * Converts NAV column values to Web API JSON values. NAV has no nulls: its blanks ('' text,
 * 1753-01-01 dates, the empty GUID) are Dataverse's null; tinyint Booleans become true/false.
 */
public final class NavValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final LocalDate NAV_BLANK_DATE = LocalDate.of(1753, 1, 1);
    private static final UUID EMPTY_GUID = new UUID(0, 0);

    private NavValues() {
    }

    public static JsonNode toSales(Object value, NavColumn column) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (column.isBoolean()) {
            return NODES.booleanNode(((Number) value).intValue() != 0);
        }
        if (column.isInteger()) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (column.isDecimal()) {
            return NODES.numberNode(normalize(new BigDecimal(value.toString())));
        }
        if (column.isDate()) {
            LocalDate date = value instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
            return date.equals(NAV_BLANK_DATE) ? NODES.nullNode() : NODES.textNode(date.toString());
        }
        if (column.isDateTime()) {
            LocalDateTime at = value instanceof Timestamp t ? t.toLocalDateTime() : LocalDateTime.parse(value.toString());
            return at.toLocalDate().equals(NAV_BLANK_DATE) ? NODES.nullNode()
                    : NODES.textNode(DateTimeFormatter.ISO_INSTANT.format(at.toInstant(ZoneOffset.UTC)));
        }
        if (value instanceof UUID id) {
            return id.equals(EMPTY_GUID) ? NODES.nullNode() : NODES.textNode(id.toString());
        }
        String text = value.toString();
        return text.isEmpty() ? NODES.nullNode() : NODES.textNode(text);
    }

    /** A constant from a mapping file as a JSON value. */
    public static JsonNode constant(Object value) {
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof BigDecimal d) {
            return NODES.numberNode(normalize(d));
        }
        return NODES.textNode(String.valueOf(value));
    }

    /** Whether two JSON values are the same value (numbers by magnitude, not by scale). */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b || (a == null ? b.isNull() : a.isNull());
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static BigDecimal normalize(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
