package navsync.nav;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A NAV table's shape: its company-qualified SQL name, columns by SQL name, and primary key.
 */
public record NavTable(String sqlName, Map<String, NavColumn> columns, List<String> primaryKey) {

    public Optional<NavColumn> column(String sqlColumn) {
        return Optional.ofNullable(columns.get(sqlColumn));
    }
}
