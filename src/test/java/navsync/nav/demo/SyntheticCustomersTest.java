package navsync.nav.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SyntheticCustomersTest {

    private static final String COMPANY = DemoNavDatabase.DEFAULT_COMPANY;
    private static final String CUSTOMER = "[CRONUS International Ltd_$Customer]";
    /** Columns the database fills at write time; everything else must be reproducible. */
    private static final Set<String> WRITE_TIME_COLUMNS = Set.of("timestamp", "$systemCreatedAt", "$systemModifiedAt");

    private static JdbcDataSource installed() {
        JdbcDataSource ds = DemoNavDatabaseTest.newDatabase("synthetic-");
        DemoNavDatabase.install(ds, COMPANY);
        return ds;
    }

    @Test
    void sameSeedGivesIdenticalRows() throws SQLException {
        JdbcDataSource a = installed();
        JdbcDataSource b = installed();
        assertEquals(2_000, SyntheticCustomers.insert(a, COMPANY, 2_000, 42));
        assertEquals(2_000, SyntheticCustomers.insert(b, COMPANY, 2_000, 42));
        assertEquals(rows(a), rows(b));
    }

    @Test
    void differentSeedGivesDifferentRows() throws SQLException {
        JdbcDataSource a = installed();
        JdbcDataSource b = installed();
        SyntheticCustomers.insert(a, COMPANY, 500, 42);
        SyntheticCustomers.insert(b, COMPANY, 500, 43);
        List<List<Object>> rowsA = rows(a);
        List<List<Object>> rowsB = rows(b);
        assertEquals(rowsA.size(), rowsB.size());
        int same = 0;
        for (int i = 0; i < rowsA.size(); i++) {
            if (rowsA.get(i).equals(rowsB.get(i))) {
                same++;
            }
        }
        assertEquals(20, same, "only the 20 CRONUS customers are alike");
    }

    @Test
    void numbersContinueAfterTheExistingCustomersAndValuesDependOnlyOnSeedAndNumber() throws SQLException {
        JdbcDataSource split = installed();
        SyntheticCustomers.insert(split, COMPANY, 300, 7);
        SyntheticCustomers.insert(split, COMPANY, 200, 7);
        JdbcDataSource whole = installed();
        SyntheticCustomers.insert(whole, COMPANY, 500, 7);
        assertEquals(rows(whole), rows(split));
        assertEquals("C0000001", string(split, "SELECT MIN([No_]) FROM " + CUSTOMER + " WHERE [No_] LIKE 'C%'"));
        assertEquals("C0000500", string(split, "SELECT MAX([No_]) FROM " + CUSTOMER));
        assertEquals(520, number(split, "SELECT COUNT(*) FROM " + CUSTOMER));
    }

    @Test
    void valuesAreRealisticAndWithinNavRules() throws SQLException {
        JdbcDataSource ds = installed();
        int n = 5_000;
        SyntheticCustomers.insert(ds, COMPANY, n, 1);
        String synthetic = " FROM " + CUSTOMER + " WHERE [No_] LIKE 'C%'";
        // a few percent of optional fields are blank, most are filled
        for (String field : List.of("Phone No_", "E-Mail", "Contact", "Home Page", "Salesperson Code")) {
            long blank = number(ds, "SELECT COUNT(*)" + synthetic + " AND [" + field + "] = ''");
            assertTrue(blank > 0 && blank < n / 5, field + " blank in " + blank + " of " + n);
        }
        long lcy = number(ds, "SELECT COUNT(*)" + synthetic + " AND [Currency Code] = ''");
        assertTrue(lcy > n / 10, "customers in LCY: " + lcy);
        long blocked = number(ds, "SELECT COUNT(*)" + synthetic + " AND [Blocked] <> 0");
        assertTrue(blocked > 0 && blocked < n / 10, "blocked: " + blocked);
        // codes reference the demo data
        assertEquals(0, number(ds, "SELECT COUNT(*)" + synthetic + " AND [Salesperson Code] <> '' AND [Salesperson Code] "
                + "NOT IN (SELECT [Code] FROM [CRONUS International Ltd_$Salesperson_Purchaser])"));
        assertEquals(0, number(ds, "SELECT COUNT(*)" + synthetic + " AND [Currency Code] <> '' AND [Currency Code] "
                + "NOT IN (SELECT [Code] FROM [CRONUS International Ltd_$Currency])"));
        assertEquals(0, number(ds, "SELECT COUNT(*)" + synthetic + " AND [Payment Terms Code] "
                + "NOT IN (SELECT [Code] FROM [CRONUS International Ltd_$Payment Terms])"));
        assertEquals(0, number(ds, "SELECT COUNT(*)" + synthetic + " AND [Search Name] <> UPPER([Name])"));
        assertEquals(n, number(ds, "SELECT COUNT(DISTINCT [$systemId])" + synthetic));
        assertTrue(number(ds, "SELECT COUNT(DISTINCT [Country_Region Code])" + synthetic) >= 5);
        assertTrue(number(ds, "SELECT COUNT(DISTINCT [Name])" + synthetic) > n / 2, "names vary");
        // every Code value is upper case (the CHECKs would have refused the insert otherwise; this says so plainly)
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT [No_], [Post Code], [Country_Region Code], [Shipping Agent Code]" + synthetic)) {
            while (rs.next()) {
                for (int i = 1; i <= 4; i++) {
                    assertEquals(rs.getString(i).toUpperCase(Locale.ROOT), rs.getString(i));
                }
            }
        }
    }

    @Test
    void modifyTouchesTheSameCustomersForTheSameSeedAndBumpsTheirTimestamp() throws SQLException {
        JdbcDataSource a = installed();
        JdbcDataSource b = installed();
        SyntheticCustomers.insert(a, COMPANY, 1_000, 3);
        SyntheticCustomers.insert(b, COMPANY, 1_000, 3);
        long watermark = number(a, "SELECT MAX([timestamp]) FROM " + CUSTOMER);
        Map<String, String> phonesBefore = phones(a);

        List<String> keys = SyntheticCustomers.modify(a, COMPANY, 25, 99);
        assertEquals(25, keys.size());
        assertEquals(25, new HashSet<>(keys).size());
        assertEquals(keys, SyntheticCustomers.modify(b, COMPANY, 25, 99), "same seed, same customers");
        assertNotEquals(keys, SyntheticCustomers.modify(b, COMPANY, 25, 100), "another seed, other customers");

        List<String> changed = new ArrayList<>();
        try (Connection c = a.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT [No_] FROM " + CUSTOMER + " WHERE [timestamp] > " + watermark + " ORDER BY [No_]")) {
            while (rs.next()) {
                changed.add(rs.getString(1));
            }
        }
        assertEquals(keys, changed, "exactly the touched customers are above the old watermark");
        Map<String, String> phonesAfter = phones(a);
        for (String key : keys) {
            assertNotEquals(phonesBefore.get(key), phonesAfter.get(key), key);
        }
        assertEquals(1_020, SyntheticCustomers.modify(a, COMPANY, 5_000, 1).size(), "never more than there are");
    }

    @Test
    void insertsOneHundredThousandCustomersFast() throws SQLException {
        JdbcDataSource ds = installed();
        int n = 100_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        assertEquals(n, SyntheticCustomers.insert(ds, COMPANY, n, 42));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("SyntheticCustomers.insert: %,d rows in %.2f s = %,.0f rows/s (H2 in-memory; %.2f s CPU "
                + "in this thread)%n", n, seconds, n / seconds, cpuSeconds);
        assertEquals(n + 20, number(ds, "SELECT COUNT(*) FROM " + CUSTOMER));
        start = System.nanoTime();
        List<String> keys = SyntheticCustomers.modify(ds, COMPANY, 100, 42);
        System.out.printf("SyntheticCustomers.modify: 100 of %,d rows in %.3f s%n", n + 20, (System.nanoTime() - start) / 1e9);
        assertEquals(100, keys.size());
    }

    @Test
    void mainFillsAFileDatabase(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws SQLException {
        String url = DemoNavDatabase.fileJdbcUrl(dir.resolve("bench"));
        SyntheticCustomers.main(new String[] {"--url", url, "--count", "1000", "--seed", "5", "--modify", "10"});
        SyntheticCustomers.main(new String[] {"--url", url, "--count", "500"});
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        assertEquals(1_520, number(ds, "SELECT COUNT(*) FROM " + CUSTOMER));
        assertEquals("C0001500", string(ds, "SELECT MAX([No_]) FROM " + CUSTOMER));
    }

    /** All customers, every column except those the database sets at write time, in key order. */
    private static List<List<Object>> rows(JdbcDataSource ds) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + CUSTOMER + " ORDER BY [No_]")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i);
                    if (!WRITE_TIME_COLUMNS.contains(column)
                            && !(column.equals("$systemId") && !rs.getString("No_").startsWith("C"))) {
                        row.add(rs.getObject(i));
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, String> phones(JdbcDataSource ds) throws SQLException {
        Map<String, String> phones = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT [No_], [Phone No_] FROM " + CUSTOMER)) {
            while (rs.next()) {
                phones.put(rs.getString(1), rs.getString(2));
            }
        }
        return phones;
    }

    private static long number(JdbcDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(JdbcDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
