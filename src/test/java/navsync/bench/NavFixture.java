package navsync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.MappingLoader;
import navsync.nav.NavDialect;
import navsync.nav.NavQueries;
import navsync.nav.NavQuery;
import navsync.nav.NavSchema;
import navsync.nav.NavTable;
import navsync.nav.demo.DemoNavDatabase;
import navsync.nav.demo.SyntheticCustomers;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The NAV side of the benchmark: demo NAV databases (H2 files, MSSQLServer mode) holding the CRONUS
 * company plus N synthetic customers, generated once per (N, seed) into a cache and copied for each
 * run; the CUSTOMER mapping; and a streamed read of the rows navsync's first pass reads.
 */
final class NavFixture {

    static final String COMPANY = DemoNavDatabase.DEFAULT_COMPANY;
    static final String CUSTOMERS = "[" + COMPANY + "$Customer]";
    static final String MAPPING = "CUSTOMER";
    private static final Pattern PARAMETER = Pattern.compile(":\\?(\\w+)");

    private NavFixture() {
    }

    /** The cached database file for (n, seed), generated if missing; returns the path without {@code .mv.db}. */
    static Path cached(Path cacheDir, int n, long seed) {
        Path base = cacheDir.resolve("nav-" + n + "-s" + seed);
        Path file = Path.of(base + ".mv.db");
        if (Files.exists(file)) {
            return base;
        }
        try {
            Files.createDirectories(cacheDir);
            Path tmpBase = cacheDir.resolve("nav-" + n + "-s" + seed + "-tmp");
            Files.deleteIfExists(Path.of(tmpBase + ".mv.db"));
            long t0 = System.nanoTime();
            DataSource ds = dataSource(tmpBase);
            DemoNavDatabase.install(ds, COMPANY);
            SyntheticCustomers.insert(ds, COMPANY, n, seed);
            shutdown(ds);
            Files.move(Path.of(tmpBase + ".mv.db"), file, StandardCopyOption.ATOMIC_MOVE);
            Bench.log("generated NAV database with %,d synthetic customers in %.1f s: %s", n,
                    (System.nanoTime() - t0) / 1e9, file);
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a cached database to {@code dir/nav.mv.db}; returns {@code dir/nav}. */
    static Path copyTo(Path cachedBase, Path dir) {
        try {
            Files.createDirectories(dir);
            Path base = dir.resolve("nav");
            Files.copy(Path.of(cachedBase + ".mv.db"), Path.of(base + ".mv.db"), StandardCopyOption.REPLACE_EXISTING);
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String jdbcUrl(Path base) {
        return DemoNavDatabase.fileJdbcUrl(base);
    }

    static JdbcDataSource dataSource(Path base) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(jdbcUrl(base));
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    static void shutdown(DataSource ds) {
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static IntegrationTableMapping customerMapping(NavSchema schema) {
        return mappings(schema).stream().filter(m -> m.name().equals(MAPPING)).findFirst()
                .orElseThrow(() -> new IllegalStateException("mappings/ has no " + MAPPING + " mapping (run from the project folder)"));
    }

    static List<IntegrationTableMapping> mappings(NavSchema schema) {
        return new MappingLoader(schema, 500).loadFolder(Path.of("mappings"));
    }

    /** The CUSTOMER mapping's body builder, its lookups translated through {@code coupled}. */
    static PayloadMapper payloads(NavSchema schema, Map<String, Map<String, java.util.UUID>> coupled) {
        Map<String, String> sets = new java.util.HashMap<>();
        for (IntegrationTableMapping m : mappings(schema)) {
            sets.put(m.name(), m.entity().entitySet());
        }
        IntegrationTableMapping customer = customerMapping(schema);
        return new PayloadMapper(customer, table(schema, customer), sets, coupled);
    }

    static NavTable table(NavSchema schema, IntegrationTableMapping mapping) {
        return schema.table(mapping.sqlTable()).orElseThrow();
    }

    /**
     * Streams the rows of navsync's first pass (its own SELECT: table filter, no watermark, row-version
     * order) with a fetch size, as column label -> value maps.
     */
    static long forEachRow(DataSource nav, NavSchema schema, IntegrationTableMapping mapping,
                           Consumer<Map<String, Object>> consumer) {
        NavQuery query = new NavQueries(schema, NavDialect.H2).changedRows(mapping, null, nav);
        List<Object> values = new ArrayList<>();
        Matcher m = PARAMETER.matcher(query.sql());
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            values.add(query.parameters().get(m.group(1)));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        long n = 0;
        try (Connection c = nav.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setFetchSize(1000);
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                int columns = meta.getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    consumer.accept(row);
                    n++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("NAV read failed: " + e.getMessage(), e);
        }
        return n;
    }

    /**
     * A NAV user's edit of {@code count} customers that the mapping's filter selects (not blocked),
     * drawn from the seed: a new {@code Phone No_} (the trigger moves their row version).
     *
     * @return the keys touched
     */
    static List<String> touch(DataSource nav, int tableSize, int count, long seed) {
        return touch(nav, tableSize, count, seed, false);
    }

    /** As {@link #touch(DataSource, int, int, long)}; {@code same} re-saves the rows without changing a value. */
    static List<String> touch(DataSource nav, int tableSize, int count, long seed, boolean same) {
        java.util.Random random = new java.util.Random(seed);
        List<String> keys = new ArrayList<>();
        java.util.Set<Long> tried = new java.util.HashSet<>();
        try (Connection c = nav.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement pick = c.prepareStatement("SELECT [No_] FROM " + CUSTOMERS
                    + " WHERE [No_] = ? AND [Blocked] = 0");
                 PreparedStatement update = c.prepareStatement(same
                         ? "UPDATE " + CUSTOMERS + " SET [Phone No_] = [Phone No_] WHERE [No_] = ?"
                         : "UPDATE " + CUSTOMERS + " SET [Phone No_] = ?, [Last Modified Date Time] = ? WHERE [No_] = ?")) {
                java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0);
                while (keys.size() < count && tried.size() < tableSize) {
                    long number = 1 + (long) (random.nextDouble() * tableSize);
                    if (!tried.add(number)) {
                        continue;
                    }
                    String key = String.format("C%07d", number);
                    pick.setString(1, key);
                    try (ResultSet rs = pick.executeQuery()) {
                        if (!rs.next()) {
                            continue;
                        }
                    }
                    if (same) {
                        update.setString(1, key);
                    } else {
                        update.setString(1, String.format("+1 555 %04d %04d", random.nextInt(10_000), random.nextInt(10_000)));
                        update.setObject(2, now);
                        update.setString(3, key);
                    }
                    update.addBatch();
                    keys.add(key);
                }
                update.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("NAV edit failed: " + e.getMessage(), e);
        }
        return keys;
    }
}
