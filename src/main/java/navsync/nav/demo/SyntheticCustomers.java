package navsync.nav.demo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import navsync.nav.NavNaming;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Synthetic customers for volume tests and benchmarks: {@link #insert} adds customers {@code C0000001},
 * {@code C0000002}, ... after the ones already there, {@link #modify} touches some of them so that
 * incremental runs have work. Both are deterministic for a seed; both stream, so a million rows cost no
 * memory.
 */
public final class SyntheticCustomers {

    static final int BATCH_SIZE = 1_000;
    static final int COMMIT_EVERY = 20_000;

    private SyntheticCustomers() {
    }

    /**
     * Inserts {@code n} synthetic customers numbered after the existing synthetic ones, in JDBC batches
     * with periodic commits. The values of customer number k depend only on (seed, k).
     *
     * @return the number inserted
     */
    public static int insert(DataSource ds, String company, int n, long seed) {
        if (n <= 0) {
            return 0;
        }
        String table = DemoNavDatabase.table(company, "Customer");
        List<String> columns = SyntheticCustomerValues.COLUMNS;
        String sql = "INSERT INTO " + table + " ("
                + columns.stream().map(NavNaming::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        try (Connection c = ds.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                long first = lastSyntheticNumber(c, table) + 1;
                for (int i = 0; i < n; i++) {
                    Object[] row = SyntheticCustomerValues.row(seed, first + i);
                    for (int p = 0; p < row.length; p++) {
                        bind(ps, p + 1, row[p]);
                    }
                    ps.addBatch();
                    if ((i + 1) % BATCH_SIZE == 0) {
                        ps.executeBatch();
                    }
                    if ((i + 1) % COMMIT_EVERY == 0) {
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot insert synthetic customers into " + table + ": " + e.getMessage(), e);
        }
        return n;
    }

    /**
     * Touches {@code count} existing customers chosen deterministically from the seed (for the same
     * table contents): a new {@code Phone No_}, and {@code Last Date Modified} / {@code Last Modified
     * Date Time} set to now as NAV does. Reads the keys in one streamed pass.
     *
     * @return the keys of the touched customers, in key order
     */
    public static List<String> modify(DataSource ds, String company, int count, long seed) {
        String table = DemoNavDatabase.table(company, "Customer");
        if (count <= 0) {
            return List.of();
        }
        try (Connection c = ds.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                List<String[]> chosen = choose(c, table, count, seed);
                LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                        + " SET [Phone No_] = ?, [Last Date Modified] = ?, [Last Modified Date Time] = ? WHERE [No_] = ?")) {
                    int i = 0;
                    for (String[] customer : chosen) {
                        Random r = SyntheticCustomerValues.random(~seed, i);
                        ps.setString(1, SyntheticCustomerValues.phone(r, customer[1]));
                        ps.setObject(2, now.toLocalDate());
                        ps.setObject(3, now);
                        ps.setString(4, customer[0]);
                        ps.addBatch();
                        if (++i % BATCH_SIZE == 0) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                c.commit();
                List<String> keys = new ArrayList<>(chosen.size());
                chosen.forEach(customer -> keys.add(customer[0]));
                return keys;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot modify customers in " + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fills a demo database for benchmarks: installs the demo company if needed, inserts synthetic
     * customers, optionally modifies some.
     * <pre>
     * --url jdbc:h2:file:... (default: data/nav-demo)   --company CRONUS International Ltd_
     * --count 100000   --seed 42   --modify 0   --user sa   --password ""
     * </pre>
     */
    public static void main(String[] args) {
        // H2 caches every bound string value in a shared cache; a bulk load gains ~20% CPU without it.
        // Read once when H2's classes load, so this only matters when main runs in a fresh JVM.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
        String url = DemoNavDatabase.fileJdbcUrl(Path.of("data", "nav-demo"));
        String user = "sa";
        String password = "";
        String company = DemoNavDatabase.DEFAULT_COMPANY;
        int count = 100_000;
        int modify = 0;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("usage: SyntheticCustomers [--url jdbc:h2:...] [--company name] [--count n] "
                        + "[--seed s] [--modify n] [--user u] [--password p]");
                return;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value after " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--url" -> url = value;
                case "--company" -> company = value;
                case "--count" -> count = Integer.parseInt(value.replace("_", ""));
                case "--seed" -> seed = Long.parseLong(value);
                case "--modify" -> modify = Integer.parseInt(value.replace("_", ""));
                case "--user" -> user = value;
                case "--password" -> password = value;
                default -> throw new IllegalArgumentException("Unknown option " + arg + " (try --help)");
            }
        }
        if (!url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("The demo NAV database is an H2 database; got " + url);
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);

        DemoNavDatabase.install(ds, company);
        long start = System.nanoTime();
        int inserted = insert(ds, company, count, seed);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Inserted %,d synthetic customers into %s in %.1f s (%,.0f rows/s)%n", inserted,
                DemoNavDatabase.table(company, "Customer"), seconds, inserted / Math.max(seconds, 1e-9));
        if (modify > 0) {
            List<String> keys = modify(ds, company, modify, seed);
            System.out.printf("Modified %,d customers%n", keys.size());
        }
    }

    /** The highest running number of the synthetic customers already in the table, 0 if none. */
    static long lastSyntheticNumber(Connection c, String table) throws SQLException {
        String pattern = SyntheticCustomerValues.NUMBER_PREFIX + "_".repeat(SyntheticCustomerValues.NUMBER_DIGITS);
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX([No_]) FROM " + table + " WHERE [No_] LIKE ?")) {
            ps.setString(1, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                String last = rs.next() ? rs.getString(1) : null;
                if (last == null) {
                    return 0;
                }
                try {
                    return Long.parseLong(last.substring(SyntheticCustomerValues.NUMBER_PREFIX.length()));
                } catch (NumberFormatException e) {
                    throw new SQLException("Customer " + last + " looks synthetic but is not numbered like C0000001");
                }
            }
        }
    }

    /** Picks {@code count} distinct customers (No_, Country_Region Code) at positions drawn from the seed. */
    private static List<String[]> choose(Connection c, String table, int count, long seed) throws SQLException {
        long total;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            total = rs.getLong(1);
        }
        TreeSet<Long> positions = new TreeSet<>();
        if (count >= total) {
            for (long p = 0; p < total; p++) {
                positions.add(p);
            }
        } else {
            // Floyd's sampling: count distinct positions out of total, without a list of all of them
            Random r = SyntheticCustomerValues.random(seed, -1);
            for (long j = total - count; j < total; j++) {
                long t = (long) (r.nextDouble() * (j + 1));
                positions.add(positions.contains(t) ? j : t);
            }
        }
        List<String[]> chosen = new ArrayList<>(positions.size());
        try (Statement st = c.createStatement()) {
            st.setFetchSize(BATCH_SIZE);
            try (ResultSet rs = st.executeQuery("SELECT [No_], [Country_Region Code] FROM " + table + " ORDER BY [No_]")) {
                long position = 0;
                Long next = positions.pollFirst();
                while (next != null && rs.next()) {
                    if (position++ == next) {
                        chosen.add(new String[] {rs.getString(1), rs.getString(2)});
                        next = positions.pollFirst();
                    }
                }
            }
        }
        return chosen;
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Integer i) {
            ps.setInt(index, i);
        } else if (value instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof UUID) {
            ps.setObject(index, value);
        } else {
            throw new IllegalArgumentException("Unexpected value type " + value.getClass() + " at parameter " + index);
        }
    }
}
