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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Runs a bounded {@link NavQuery} (a batch of keys) with plain JDBC; streaming reads of whole tables
 * go through camel-jdbc in the routes instead.
 */
public final class NavRows {

    private static final Pattern PARAMETER = Pattern.compile(":\\?(\\w+)");

    private NavRows() {
    }

    public static List<Map<String, Object>> query(DataSource dataSource, NavQuery query) {
        List<Object> values = new ArrayList<>();
        Matcher m = PARAMETER.matcher(query.sql());
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            values.add(query.parameters().get(m.group(1)));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("NAV query failed: " + e.getMessage() + " [" + sql + "]", e);
        }
    }
}
