package navsync.nav;

import java.sql.Types;

/** A column of a NAV table as the database reports it. */
public record NavColumn(String name, int jdbcType, String typeName, int size) {

    public boolean isText() {
        return jdbcType == Types.VARCHAR || jdbcType == Types.NVARCHAR || jdbcType == Types.CHAR
                || jdbcType == Types.NCHAR || jdbcType == Types.LONGVARCHAR || jdbcType == Types.LONGNVARCHAR;
    }

    /** NAV Booleans are tinyint. */
    public boolean isBoolean() {
        return jdbcType == Types.TINYINT || jdbcType == Types.BIT || jdbcType == Types.BOOLEAN;
    }

    public boolean isInteger() {
        return jdbcType == Types.INTEGER || jdbcType == Types.SMALLINT || jdbcType == Types.BIGINT;
    }

    public boolean isDecimal() {
        return jdbcType == Types.DECIMAL || jdbcType == Types.NUMERIC || jdbcType == Types.DOUBLE
                || jdbcType == Types.FLOAT || jdbcType == Types.REAL;
    }

    public boolean isDate() {
        return jdbcType == Types.DATE;
    }

    public boolean isDateTime() {
        return jdbcType == Types.TIMESTAMP || jdbcType == Types.TIMESTAMP_WITH_TIMEZONE;
    }
}
