package navsync.nav;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The demo database's equivalent of SQL Server's {@code MIN_ACTIVE_ROWVERSION()}: the lowest row
 * version a read may not pass, because a transaction still open holds it or may still write it.
 * It is the smaller of (1) the next value of the rowversion sequence, taken first, so versions
 * handed out afterwards are above it, and (2) the lowest version among the table's rows that a
 * dirty read (READ UNCOMMITTED) sees but a committed read does not: rows of transactions in flight.
 * A row whose version was drawn before (1) but that is not written yet when (2) reads is not seen;
 * in H2 that is the inside of one INSERT or UPDATE statement.
 */
public final class InFlightRowVersions {

    /** The database-wide rowversion sequence of the demo database. */
    public static final String SEQUENCE = "$rowversion";

    private InFlightRowVersions() {
    }

    /** The bound for {@code [timestamp] < bound} on a qualified table, considering rows above {@code watermark}. */
    public static long bound(DataSource ds, String qualifiedTable, String keyColumn, Long watermark) {
        try (Connection c = ds.getConnection()) {
            long bound;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("VALUES NEXT VALUE FOR " + NavNaming.quote(SEQUENCE))) {
                rs.next();
                bound = rs.getLong(1);
            }
            String sql = "SELECT " + NavNaming.quote(keyColumn) + ", CAST([timestamp] AS BIGINT) FROM "
                    + NavNaming.quote(qualifiedTable) + " WHERE [timestamp] < ?"
                    + (watermark == null ? "" : " AND [timestamp] > ?");
            Map<String, Long> dirty = versions(c, sql, bound, watermark, Connection.TRANSACTION_READ_UNCOMMITTED);
            if (dirty.isEmpty()) {
                return bound;
            }
            Map<String, Long> committed = versions(c, sql, bound, watermark, Connection.TRANSACTION_READ_COMMITTED);
            for (Map.Entry<String, Long> row : dirty.entrySet()) {
                if (!row.getValue().equals(committed.get(row.getKey()))) {
                    bound = Math.min(bound, row.getValue());
                }
            }
            return bound;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the row versions in flight in " + qualifiedTable + ": "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, Long> versions(Connection c, String sql, long bound, Long watermark, int isolation)
            throws SQLException {
        int before = c.getTransactionIsolation();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        c.setTransactionIsolation(isolation);
        Map<String, Long> versions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, bound);
            if (watermark != null) {
                ps.setLong(2, watermark);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getString(1), rs.getLong(2));
                }
            }
        } finally {
            c.setTransactionIsolation(before);
            c.setAutoCommit(autoCommit);
        }
        return versions;
    }
}
