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

    /**
     * A Web API value as the NAV column's value: null becomes NAV's blank; Code fields are trimmed and
     * upper-cased; a value longer than the column fails with the field's name and limit.
     */
    public static Object toNav(JsonNode value, NavColumn column, boolean code, String field) {
        if (value == null || value.isNull()) {
            return blank(column);
        }
        if (column.isBoolean()) {
            return value.asBoolean() ? 1 : 0;
        }
        if (column.isInteger()) {
            return value.asLong();
        }
        if (column.isDecimal()) {
            return value.decimalValue();
        }
        if (column.isDate()) {
            return java.sql.Date.valueOf(LocalDate.parse(value.asText().substring(0, 10)));
        }
        if (column.isDateTime()) {
            return Timestamp.valueOf(LocalDateTime.ofInstant(java.time.Instant.parse(value.asText()), ZoneOffset.UTC));
        }
        if (column.jdbcType() == java.sql.Types.OTHER || "UUID".equalsIgnoreCase(column.typeName())
                || "uniqueidentifier".equalsIgnoreCase(column.typeName())) {
            return UUID.fromString(value.asText());
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        if (code) {
            text = text.trim().toUpperCase(java.util.Locale.ROOT);
        }
        if (column.size() > 0 && text.length() > column.size()) {
            throw new IllegalArgumentException("'" + text + "' is " + text.length() + " characters, longer than NAV field '"
                    + field + "' allows (" + (code ? "Code" : "Text") + "[" + column.size() + "])");
        }
        return text;
    }

    /** NAV's blank of a column: NAV has no nulls. */
    public static Object blank(NavColumn column) {
        if (column.isBoolean() || column.isInteger()) {
            return 0;
        }
        if (column.isDecimal()) {
            return BigDecimal.ZERO;
        }
        if (column.isDate()) {
            return java.sql.Date.valueOf(NAV_BLANK_DATE);
        }
        if (column.isDateTime()) {
            return Timestamp.valueOf(NAV_BLANK_DATE.atStartOfDay());
        }
        if ("UUID".equalsIgnoreCase(column.typeName()) || "uniqueidentifier".equalsIgnoreCase(column.typeName())) {
            return EMPTY_GUID;
        }
        return "";
    }

    /**
     * A Sales value as NAV would hold it, for comparing: Code fields trimmed and upper case; a Code of
     * only spaces is NAV's blank, which is null in the Sales representation (as {@link #toSales} reads '').
     */
    public static JsonNode normalizeCode(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return value;
        }
        String code = value.asText().trim().toUpperCase(java.util.Locale.ROOT);
        return code.isEmpty() ? NODES.nullNode() : NODES.textNode(code);
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

    /** A decimal as the Sales representation holds it: without trailing zeros. */
    static JsonNode number(BigDecimal d) {
        return NODES.numberNode(normalize(d));
    }

    private static BigDecimal normalize(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
