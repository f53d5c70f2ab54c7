package navsync.nav;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Reads the shape of NAV tables from the database's own metadata, so mapping files are validated
 * against the real columns of the company's tables.
 */
public final class NavSchema {

    private final DataSource dataSource;
    private final String company;
    private final String tableSuffix;
    private final Map<String, Optional<NavTable>> cache = new ConcurrentHashMap<>();

    public NavSchema(DataSource dataSource, String company) {
        this(dataSource, company, "");
    }

    /** @param tableSuffix what follows {@code Company$Table} in table names ({@link NavPlatform#tableSuffix}) */
    public NavSchema(DataSource dataSource, String company, String tableSuffix) {
        this.dataSource = dataSource;
        this.company = company;
        this.tableSuffix = tableSuffix;
    }

    /** The SQL name of a table of the company, e.g. {@code CRONUS International Ltd_$Customer} (unquoted). */
    public String qualifiedName(String sqlTable) {
        return NavNaming.companyTable(company, sqlTable) + tableSuffix;
    }

    public String company() {
        return company;
    }

    /** The table with this SQL name (without company), if the company has it. */
    public Optional<NavTable> table(String sqlTable) {
        return cache.computeIfAbsent(sqlTable, this::read);
    }

    private Optional<NavTable> read(String sqlTable) {
        String qualified = qualifiedName(sqlTable);
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            Map<String, NavColumn> columns = new LinkedHashMap<>();
            try (ResultSet rs = meta.getColumns(null, null, qualified, null)) {
                while (rs.next()) {
                    String name = rs.getString("COLUMN_NAME");
                    columns.put(name, new NavColumn(name, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
                            rs.getInt("COLUMN_SIZE")));
                }
            }
            if (columns.isEmpty()) {
                return Optional.empty();
            }
            List<String> key = new ArrayList<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, null, qualified)) {
                Map<Integer, String> bySeq = new java.util.TreeMap<>();
                while (rs.next()) {
                    bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
                key.addAll(bySeq.values());
            }
            return Optional.of(new NavTable(qualified, java.util.Collections.unmodifiableMap(columns), List.copyOf(key)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the columns of NAV table " + qualified + ": " + e.getMessage(), e);
        }
    }
}
