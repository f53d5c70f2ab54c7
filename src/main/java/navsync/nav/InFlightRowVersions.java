package navsync.nav;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** Rows compared per committed read: the memory the check needs, whatever the table's size. */
    private static final int CHUNK = 1000;

    /**
     * The bound for {@code [timestamp] < bound} on a qualified table, considering rows above
     * {@code watermark}. The dirty read streams in version order and is compared chunk by chunk with
     * a committed read of the same keys, so the first difference is the lowest version in flight.
     */
    public static long bound(DataSource ds, String qualifiedTable, String keyColumn, Long watermark) {
        try (Connection dirty = ds.getConnection(); Connection committed = ds.getConnection()) {
            long bound;
            try (Statement st = dirty.createStatement();
                 ResultSet rs = st.executeQuery("VALUES NEXT VALUE FOR " + NavNaming.quote(SEQUENCE))) {
                rs.next();
                bound = rs.getLong(1);
            }
            if (Boolean.FALSE.equals(anyUncommitted(dirty))) {
                return bound; // no transaction in flight: nothing below the sequence can still change
            }
            String key = NavNaming.quote(keyColumn);
            String table = NavNaming.quote(qualifiedTable);
            isolate(dirty, Connection.TRANSACTION_READ_UNCOMMITTED);
            isolate(committed, Connection.TRANSACTION_READ_COMMITTED);
            try (PreparedStatement ps = dirty.prepareStatement("SELECT " + key + ", CAST([timestamp] AS BIGINT) FROM "
                    + table + " WHERE [timestamp] < ?" + (watermark == null ? "" : " AND [timestamp] > ?")
                    + " ORDER BY [timestamp]")) {
                ps.setFetchSize(CHUNK);
                ps.setLong(1, bound);
                if (watermark != null) {
                    ps.setLong(2, watermark);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    Map<String, Long> chunk = new LinkedHashMap<>();
                    boolean more = true;
                    while (more) {
                        more = rs.next();
                        if (more) {
                            chunk.put(rs.getString(1), rs.getLong(2));
                        }
                        if (chunk.size() == CHUNK || !more && !chunk.isEmpty()) {
                            Long inFlight = firstInFlight(committed, table, key, chunk);
                            if (inFlight != null) {
                                return Math.min(bound, inFlight);
                            }
                            chunk.clear();
                        }
                    }
                }
            }
            return bound;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the row versions in flight in " + qualifiedTable + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Whether any session holds uncommitted changes; null when this user cannot see the other sessions
     * (H2 shows them to admins only) and the scan has to tell.
     */
    private static Boolean anyUncommitted(Connection c) {
        try (Statement st = c.createStatement()) {
            try (ResultSet admin = st.executeQuery("SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = CURRENT_USER")) {
                if (!admin.next() || !admin.getBoolean(1)) {
                    return null;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CONTAINS_UNCOMMITTED")) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private static void isolate(Connection c, int isolation) throws SQLException {
        c.setAutoCommit(true);
        c.setTransactionIsolation(isolation);
    }

    /** The lowest version of {@code dirty} (key -> version, in version order) that a committed read does not see as is. */
    private static Long firstInFlight(Connection committed, String table, String key, Map<String, Long> dirty)
            throws SQLException {
        Map<String, Long> seen = new HashMap<>();
        try (PreparedStatement ps = committed.prepareStatement("SELECT " + key + ", CAST([timestamp] AS BIGINT) FROM "
                + table + " WHERE " + key + " IN (" + "?,".repeat(dirty.size() - 1) + "?)")) {
            int i = 1;
            for (String k : dirty.keySet()) {
                ps.setString(i++, k);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        for (Map.Entry<String, Long> row : dirty.entrySet()) {
            if (!row.getValue().equals(seen.get(row.getKey()))) {
                return row.getValue();
            }
        }
        return null;
    }
}
