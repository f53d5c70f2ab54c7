package navsync.nav;

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
    /** The demo database: {@code timestamp} is a BIGINT kept by a database-wide sequence. */
    H2 {
        @Override
        public String rowVersionAbove(String parameter) {
            return "[timestamp] > " + parameter;
        }
    };

    /** The row version as a BIGINT in a select list. */
    public String rowVersionColumn() {
        return "CAST([timestamp] AS BIGINT) AS [timestamp]";
    }

    /** Condition: the row changed after the watermark given as a BIGINT parameter. */
    public abstract String rowVersionAbove(String parameter);

    /**
     * Condition that keeps a read below the versions of transactions still in flight, so the
     * watermark never passes a row that commits later; null where the database has no such guard
     * (the demo database numbers versions from a sequence without it).
     */
    public String committedRowVersions() {
        return null;
    }

    public static NavDialect forJdbcUrl(String url) {
        return url.startsWith("jdbc:sqlserver:") ? SQL_SERVER : H2;
    }
}
