package navsync.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Reads and edits the demo NAV company's tables in tests, as a NAV user's edits would. */
public final class NavTables {

    public static final String COMPANY = "CRONUS International Ltd_";
    private final DataSource nav;

    public NavTables(DataSource nav) {
        this.nav = nav;
    }

    /** The bracket-quoted SQL name of a company table ("Customer" -> [CRONUS International Ltd_$Customer]). */
    public static String table(String sqlTable) {
        return "[" + COMPANY + "$" + sqlTable + "]";
    }

    public void execute(String sql) {
        try (Connection c = nav.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row, or null when there is none. */
    public Object value(String sql) {
        try (Connection c = nav.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public int count(String sql) {
        return ((Number) value(sql)).intValue();
    }

    /** A record's columns by SQL name, or null when it does not exist. */
    public Map<String, Object> row(String sqlTable, String keyColumn, String key) {
        try (Connection c = nav.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM " + table(sqlTable) + " WHERE [" + keyColumn + "] = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? columns(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a query, by its first column. */
    public Map<String, Map<String, Object>> rows(String sql) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        try (Connection c = nav.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), columns(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static Map<String, Object> columns(ResultSet rs) throws SQLException {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
        }
        return row;
    }
}
