package navsync.nav;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Runs a {@link NavQuery} with plain JDBC: bounded ones (a batch of keys) at once, others streamed in
 * batches; the passes' streaming reads of whole tables go through camel-jdbc in the routes instead.
 */
public final class NavRows {

    private NavRows() {
    }

    public static List<Map<String, Object>> query(DataSource dataSource, NavQuery query) {
        List<Map<String, Object>> rows = new ArrayList<>();
        stream(dataSource, query, 0, Integer.MAX_VALUE, rows::addAll);
        return rows;
    }

    /**
     * Runs an unbounded query streamed with a fetch size, handing its rows to {@code each} in batches
     * of {@code batchSize} while the result set stays open (for work that is not a Camel route).
     */
    public static void stream(DataSource dataSource, NavQuery query, int fetchSize, int batchSize,
                              Consumer<List<Map<String, Object>>> each) {
        List<Object> values = query.jdbcParameters();
        String sql = query.jdbcSql();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            ps.setFetchSize(fetchSize);
            List<Map<String, Object>> batch = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    batch.add(row);
                    if (batch.size() == batchSize) {
                        each.accept(batch);
                        batch = new ArrayList<>();
                    }
                }
            }
            if (!batch.isEmpty()) {
                each.accept(batch);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("NAV query failed: " + e.getMessage() + " [" + sql + "]", e);
        }
    }
}
