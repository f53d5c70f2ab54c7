package navsync.nav;

import javax.sql.DataSource;

/**
 * The SQL that differs between a real NAV database on SQL Server and the demo database (H2 in
 * MSSQLServer mode). Everything else navsync generates is plain T-SQL that both accept.
 */
public enum NavDialect {
    /** SQL Server: {@code timestamp} is rowversion, binary(8); compared as binary so an index can seek. */
    SQL_SERVER {
        @Override
        public String rowVersionAbove(String parameter) {
            return "[timestamp] > CAST(CAST(" + parameter + " AS BIGINT) AS BINARY(8))";
        }

        /** Rows of transactions still open have versions at or above MIN_ACTIVE_ROWVERSION(): read them next time. */
        @Override
        public String committedRowVersions() {
            return "[timestamp] < MIN_ACTIVE_ROWVERSION()";
        }
    },
    /**
     * The demo database: {@code timestamp} is a BIGINT kept by a database-wide sequence; the bound of
     * versions in flight is computed before the read ({@link InFlightRowVersions}) and passed in.
     */
    H2 {
        @Override
        public String rowVersionAbove(String parameter) {
            return "[timestamp] > " + parameter;
        }

        @Override
        public String committedRowVersions() {
            return "[timestamp] < :?" + IN_FLIGHT_BOUND;
        }

        @Override
        public Long inFlightBound(DataSource ds, String qualifiedTable, String keyColumn, Long watermark) {
            return InFlightRowVersions.bound(ds, qualifiedTable, keyColumn, watermark);
        }
    };

    /** Name of the parameter that carries the bound of {@link #inFlightBound}. */
    public static final String IN_FLIGHT_BOUND = "inFlightBound";

    /** The row version as a BIGINT in a select list. */
    public String rowVersionColumn() {
        return "CAST([timestamp] AS BIGINT) AS [timestamp]";
    }

    /** Condition: the row changed after the watermark given as a BIGINT parameter. */
    public abstract String rowVersionAbove(String parameter);

    /**
     * Condition that keeps a read below the versions of transactions still in flight, so the
     * watermark never passes a row that commits later.
     */
    public abstract String committedRowVersions();

    /**
     * The bound the condition compares with, where it is a parameter computed before the read;
     * null where the database computes it itself (SQL Server).
     */
    public Long inFlightBound(DataSource ds, String qualifiedTable, String keyColumn, Long watermark) {
        return null;
    }

    public static NavDialect forJdbcUrl(String url) {
        return url.startsWith("jdbc:sqlserver:") ? SQL_SERVER : H2;
    }
}
