package navsync.nav.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import navsync.nav.NavDialect;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoNavDatabaseTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String CUSTOMER = "[CRONUS International Ltd_$Customer]";

    private JdbcDataSource ds;

    static JdbcDataSource newDatabase(String prefix) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(DemoNavDatabase.jdbcUrl(prefix + DATABASES.incrementAndGet()));
        ds.setUser("sa");
        return ds;
    }

    @BeforeEach
    void install() {
        ds = newDatabase("demo-nav-");
        DemoNavDatabase.install(ds, DemoNavDatabase.DEFAULT_COMPANY);
    }

    @Test
    void installTwiceKeepsTheSameRows() throws SQLException {
        Map<String, Long> before = rowCounts();
        DemoNavDatabase.install(ds, DemoNavDatabase.DEFAULT_COMPANY);
        assertEquals(before, rowCounts());
    }

    @Test
    void demoDataHasTheExpectedCounts() throws SQLException {
        Map<String, Long> counts = rowCounts();
        assertEquals(20, counts.get("Customer"));
        assertEquals(5, counts.get("Salesperson_Purchaser"));
        assertEquals(5, counts.get("Currency"));
        assertEquals(20, counts.get("Item"));
        assertEquals(5, counts.get("Payment Terms"));
        assertEquals(20, counts.get("Contact Business Relation"));
        long persons = count("SELECT COUNT(*) FROM [CRONUS International Ltd_$Contact] WHERE [Type] = 1");
        long companies = count("SELECT COUNT(*) FROM [CRONUS International Ltd_$Contact] WHERE [Type] = 0");
        assertEquals(20, companies);
        assertTrue(persons >= 20 && persons <= 60, "1-3 person contacts per customer: " + persons);
    }

    @Test
    void classicCronusValues() throws SQLException {
        assertEquals("The Cannon Group PLC", value("SELECT [Name] FROM " + CUSTOMER + " WHERE [No_] = '10000'"));
        assertEquals("Selangorian Ltd.", value("SELECT [Name] FROM " + CUSTOMER + " WHERE [No_] = '20000'"));
        assertEquals("John Haddock Insurance Co.", value("SELECT [Name] FROM " + CUSTOMER + " WHERE [No_] = '30000'"));
        assertEquals("Birmingham", value("SELECT [City] FROM " + CUSTOMER + " WHERE [No_] = '10000'"));
        assertEquals("PS", value("SELECT [Salesperson Code] FROM " + CUSTOMER + " WHERE [No_] = '10000'"));
        assertEquals("ATHENS Desk", value("SELECT [Description] FROM [CRONUS International Ltd_$Item] WHERE [No_] = '1896-S'"));
        assertEquals("PARIS Guest Chair, black",
                value("SELECT [Description] FROM [CRONUS International Ltd_$Item] WHERE [No_] = '1900-S'"));
        assertEquals("Jim Olive", value("SELECT [Name] FROM [CRONUS International Ltd_$Salesperson_Purchaser] WHERE [Code] = 'JO'"));
        assertEquals("€", value("SELECT [Symbol] FROM [CRONUS International Ltd_$Currency] WHERE [Code] = 'EUR'"));
        assertEquals("<1M>", value("SELECT [Due Date Calculation] FROM [CRONUS International Ltd_$Payment Terms] WHERE [Code] = '1M(8D)'"));
        assertTrue(count("SELECT COUNT(*) FROM " + CUSTOMER + " WHERE [Currency Code] = ''") > 0, "a customer in LCY");
        assertTrue(count("SELECT COUNT(*) FROM " + CUSTOMER + " WHERE [Blocked] <> 0") > 0, "a blocked customer");
        assertEquals(new BigDecimal("25000"), ((BigDecimal) object(
                "SELECT [Credit Limit (LCY)] FROM " + CUSTOMER + " WHERE [No_] = '30000'")).stripTrailingZeros().setScale(0));
    }

    @Test
    void referencesInTheDemoDataResolve() throws SQLException {
        String c = "[CRONUS International Ltd_$";
        assertEquals(0, count("SELECT COUNT(*) FROM " + CUSTOMER + " cu WHERE cu.[Salesperson Code] <> '' AND NOT EXISTS "
                + "(SELECT 1 FROM " + c + "Salesperson_Purchaser] s WHERE s.[Code] = cu.[Salesperson Code])"));
        assertEquals(0, count("SELECT COUNT(*) FROM " + CUSTOMER + " cu WHERE cu.[Currency Code] <> '' AND NOT EXISTS "
                + "(SELECT 1 FROM " + c + "Currency] x WHERE x.[Code] = cu.[Currency Code])"));
        assertEquals(0, count("SELECT COUNT(*) FROM " + CUSTOMER + " cu WHERE NOT EXISTS "
                + "(SELECT 1 FROM " + c + "Payment Terms] p WHERE p.[Code] = cu.[Payment Terms Code])"));
        // every person contact leads, through its company contact's business relation, to a customer
        assertEquals(0, count("SELECT COUNT(*) FROM " + c + "Contact] p WHERE p.[Type] = 1 AND NOT EXISTS ("
                + "SELECT 1 FROM " + c + "Contact Business Relation] r JOIN " + CUSTOMER + " cu ON cu.[No_] = r.[No_] "
                + "WHERE r.[Contact No_] = p.[Company No_] AND r.[Link to Table] = 1)"));
        // the primary contact of each customer is one of its company's persons
        assertEquals(0, count("SELECT COUNT(*) FROM " + CUSTOMER + " cu WHERE NOT EXISTS ("
                + "SELECT 1 FROM " + c + "Contact] p JOIN " + c + "Contact Business Relation] r ON r.[Contact No_] = p.[Company No_] "
                + "WHERE p.[No_] = cu.[Primary Contact No_] AND r.[No_] = cu.[No_] AND p.[Name] = cu.[Contact])"));
    }

    @Test
    void everyColumnIsNotNull() throws SQLException {
        List<String> nullable = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND IS_NULLABLE <> 'NO'")) {
            while (rs.next()) {
                nullable.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        assertEquals(List.of(), nullable);
        assertEquals(DemoNavDatabase.TABLES.size(), count(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"));
    }

    @Test
    void tableAndColumnNamesFollowNavsSqlRule() throws SQLException {
        Map<String, List<String>> columns = columnsByTable();
        for (String table : DemoNavDatabase.TABLES) {
            assertTrue(columns.containsKey("CRONUS International Ltd_$" + table), table);
        }
        List<String> customer = columns.get("CRONUS International Ltd_$Customer");
        for (String expected : List.of("timestamp", "No_", "Name", "Phone No_", "E-Mail", "Country_Region Code",
                "Credit Limit (LCY)", "Gen_ Bus_ Posting Group", "Primary Contact No_", "$systemId", "$systemCreatedAt",
                "$systemModifiedAt")) {
            assertTrue(customer.contains(expected), "Customer has " + expected + ": " + customer);
        }
        assertEquals("timestamp", customer.get(0), "timestamp comes first, as in NAV");
        for (Map.Entry<String, List<String>> table : columns.entrySet()) {
            assertTrue(table.getKey().startsWith("CRONUS International Ltd_$"), table.getKey());
            for (String name : concat(table.getKey().substring("CRONUS International Ltd_$".length()), table.getValue())) {
                assertFalse(name.matches(".*[./\\\\'\"%\\[\\]].*"), "NAV's SQL rule replaces . / \\ ' \" % [ ] in " + name);
            }
        }
        assertTrue(columns.get("CRONUS International Ltd_$Contact").containsAll(List.of("Company No_", "First Name",
                "Middle Name", "Surname", "Mobile Phone No_", "Pager", "Type")));
        assertTrue(columns.get("CRONUS International Ltd_$Item").containsAll(List.of("Unit Price", "Unit Cost",
                "Unit Volume", "Gross Weight", "Vendor No_", "Vendor Item No_", "Base Unit of Measure", "Blocked")));
    }

    @Test
    void columnTypesFollowNav() throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE "
                        + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'CRONUS International Ltd_$Customer'")) {
            while (rs.next()) {
                String type = rs.getString(2);
                if (rs.getObject(3) != null) {
                    type += "(" + rs.getInt(3) + ")";
                } else if (type.equals("NUMERIC")) {
                    type += "(" + rs.getInt(4) + "," + rs.getInt(5) + ")";
                }
                types.put(rs.getString(1), type);
            }
        }
        assertEquals("BIGINT", types.get("timestamp"));
        assertEquals("VARCHAR_IGNORECASE(20)", types.get("No_"));
        assertEquals("VARCHAR_IGNORECASE(100)", types.get("Name"));
        assertEquals("VARCHAR_IGNORECASE(80)", types.get("E-Mail"));
        assertEquals("NUMERIC(38,20)", types.get("Credit Limit (LCY)"));
        assertEquals("INTEGER", types.get("Blocked"));
        assertEquals("TINYINT", types.get("Privacy Blocked"));
        assertEquals("DATE", types.get("Last Date Modified"));
        assertEquals("UUID", types.get("$systemId"));
    }

    @Test
    void blanksAreNavBlanks() throws SQLException {
        execute("INSERT INTO " + CUSTOMER + " ([No_]) VALUES ('BLANK')");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + CUSTOMER + " WHERE [No_] = 'BLANK'")) {
            assertTrue(rs.next());
            assertEquals("", rs.getString("Name"));
            assertEquals(0, rs.getBigDecimal("Credit Limit (LCY)").signum());
            assertEquals(0, rs.getInt("Blocked"));
            assertEquals(java.time.LocalDate.of(1753, 1, 1), rs.getObject("Last Date Modified", java.time.LocalDate.class));
            assertEquals(java.time.LocalDateTime.of(1753, 1, 1, 0, 0),
                    rs.getObject("Last Modified Date Time", java.time.LocalDateTime.class));
            assertTrue(rs.getObject("$systemId", UUID.class) != null);
        }
    }

    @Test
    void timestampIncreasesOnInsertAndUpdate() throws SQLException {
        long max = maxTimestamp();
        execute("INSERT INTO " + CUSTOMER + " ([No_], [Name]) VALUES ('T1', 'One')");
        long inserted = timestampOf("T1");
        assertTrue(inserted > max, "insert takes a new, higher rowversion");

        execute("UPDATE " + CUSTOMER + " SET [Phone No_] = '+44 1' WHERE [No_] = 'T1'");
        long updated = timestampOf("T1");
        assertTrue(updated > inserted, "update bumps the rowversion");

        execute("UPDATE " + CUSTOMER + " SET [Phone No_] = [Phone No_] WHERE [No_] = 'T1'");
        long sameValue = timestampOf("T1");
        assertTrue(sameValue > updated, "an update that changes nothing bumps it too, as on SQL Server");

        execute("UPDATE [CRONUS International Ltd_$Item] SET [Unit Price] = [Unit Price] + 1 WHERE [No_] = '1896-S'");
        long item = (Long) object("SELECT [timestamp] FROM [CRONUS International Ltd_$Item] WHERE [No_] = '1896-S'");
        assertTrue(item > sameValue, "one sequence for all tables");

        long before = maxTimestamp();
        execute("UPDATE " + CUSTOMER + " SET [Credit Limit (LCY)] = [Credit Limit (LCY)]");
        assertEquals(21, count("SELECT COUNT(DISTINCT [timestamp]) FROM " + CUSTOMER + " WHERE [timestamp] > " + before),
                "every row of a multi-row update gets its own rowversion");
    }

    @Test
    void updatingTheTimestampItselfFailsAsOnSqlServer() {
        SQLException e = assertThrows(SQLException.class,
                () -> execute("UPDATE " + CUSTOMER + " SET [timestamp] = 1 WHERE [No_] = '10000'"));
        assertTrue(e.getMessage().contains("Cannot update a timestamp column"), e.getMessage());
    }

    @Test
    void timestampsAreUniqueAcrossTables() throws SQLException {
        execute("UPDATE " + CUSTOMER + " SET [Phone No_] = [Phone No_] WHERE [No_] = '20000'");
        execute("UPDATE [CRONUS International Ltd_$Contact] SET [Pager] = 'X' WHERE [Type] = 1");
        List<Long> all = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String table : DemoNavDatabase.TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT [timestamp] FROM " + DemoNavDatabase.table(
                        DemoNavDatabase.DEFAULT_COMPANY, table))) {
                    while (rs.next()) {
                        all.add(rs.getLong(1));
                    }
                }
            }
        }
        assertEquals(all.size(), new HashSet<>(all).size(), "no two rows share a rowversion");
    }

    @Test
    void systemIdIsStableAndModifiedAtMoves() throws SQLException, InterruptedException {
        UUID id = (UUID) object("SELECT [$systemId] FROM " + CUSTOMER + " WHERE [No_] = '10000'");
        Object created = object("SELECT [$systemCreatedAt] FROM " + CUSTOMER + " WHERE [No_] = '10000'");
        Object modified = object("SELECT [$systemModifiedAt] FROM " + CUSTOMER + " WHERE [No_] = '10000'");
        Thread.sleep(5);
        execute("UPDATE " + CUSTOMER + " SET [Name] = 'The Cannon Group PLC (renamed)' WHERE [No_] = '10000'");
        assertEquals(id, object("SELECT [$systemId] FROM " + CUSTOMER + " WHERE [No_] = '10000'"));
        assertEquals(created, object("SELECT [$systemCreatedAt] FROM " + CUSTOMER + " WHERE [No_] = '10000'"));
        assertNotEquals(modified, object("SELECT [$systemModifiedAt] FROM " + CUSTOMER + " WHERE [No_] = '10000'"));
        assertEquals(count("SELECT COUNT(*) FROM " + CUSTOMER),
                count("SELECT COUNT(DISTINCT [$systemId]) FROM " + CUSTOMER));
    }

    @Test
    void codeValuesAreUpperCase() throws SQLException {
        Set<String> codes = new HashSet<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT [No_], [Salesperson Code], [Currency Code], [Country_Region Code], [Post Code], [Search Name] FROM "
                        + CUSTOMER)) {
            while (rs.next()) {
                for (int i = 1; i <= 6; i++) {
                    codes.add(rs.getString(i));
                }
            }
        }
        for (String code : codes) {
            assertEquals(code.toUpperCase(java.util.Locale.ROOT), code);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        lower-case Code                | 23513 | INSERT INTO [CRONUS International Ltd_$Customer] ([No_]) VALUES ('c10')
        lower-case Code in a relation  | 23513 | INSERT INTO [CRONUS International Ltd_$Customer] ([No_], [Salesperson Code]) VALUES ('C10', 'ps')
        lower-case item number         | 23513 | INSERT INTO [CRONUS International Ltd_$Item] ([No_]) VALUES ('1896-s')
        lower-case Code on update      | 23513 | UPDATE [CRONUS International Ltd_$Currency] SET [ISO Code] = 'eur' WHERE [Code] = 'EUR'
        Code longer than Code[20]      | 22001 | INSERT INTO [CRONUS International Ltd_$Customer] ([No_]) VALUES ('C12345678901234567890')
        Text longer than Text[100]     | 22001 | INSERT INTO [CRONUS International Ltd_$Customer] ([No_], [Name]) VALUES ('C11', SPACE(101))
        NULL                           | 23502 | INSERT INTO [CRONUS International Ltd_$Customer] ([No_], [Name]) VALUES ('C11', NULL)
        duplicate primary key          | 23505 | INSERT INTO [CRONUS International Ltd_$Customer] ([No_]) VALUES ('10000')
        """)
    void badValuesAreRefused(String what, String sqlState, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> execute(sql));
        assertEquals(sqlState, e.getSQLState(), what + ": " + e.getMessage());
    }

    @Test
    void identifiersIgnoreCaseAsOnSqlServer() throws SQLException {
        assertEquals("The Cannon Group PLC",
                value("SELECT [name] FROM [cronus international ltd_$customer] WHERE [NO_] = '10000'"));
    }

    @Test
    void textComparesIgnoringCaseAsUnderSqlServersDefaultCollation() throws SQLException {
        assertEquals("10000", value("SELECT [No_] FROM " + CUSTOMER + " WHERE [Name] = 'THE CANNON GROUP plc'"));
        assertEquals(1, count("SELECT COUNT(*) FROM " + CUSTOMER + " WHERE [Name] LIKE 'the cannon%'"));
        assertEquals("CT000001", value("SELECT [No_] FROM [CRONUS International Ltd_$Contact] WHERE [No_] IN ('ct000001')"));
    }

    /**
     * SQL Server's rowversion is binary(8): navsync compares it with {@code CAST(CAST(? AS BIGINT) AS BINARY(8))}
     * (its SQL Server dialect) and reads it as {@code CAST([timestamp] AS BIGINT)}. H2 runs both on a BINARY(8)
     * column the same way: big-endian bytes, compared unsigned, so binary order is numeric order.
     */
    @Test
    void binaryRowversionsCompareAsNumbersAsOnSqlServer() throws SQLException {
        List<Long> versions = List.of(1L, 127L, 128L, 255L, 256L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFL << 48, 0x7FL << 56);
        execute("CREATE TABLE [rowversions] ([timestamp] BINARY(8) NOT NULL)");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO [rowversions] ([timestamp]) VALUES (CAST(CAST(? AS BIGINT) AS BINARY(8)))")) {
            for (long version : versions) {
                ps.setLong(1, version);
                ps.executeUpdate();
            }
        }
        assertEquals("000000000000007f", value("SELECT RAWTOHEX([timestamp]) FROM [rowversions] WHERE [timestamp] = 0x000000000000007F"));
        for (long watermark : versions) {
            List<Long> above = new ArrayList<>();
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT " + NavDialect.SQL_SERVER.rowVersionColumn() + " FROM [rowversions] WHERE "
                            + NavDialect.SQL_SERVER.rowVersionAbove("?") + " ORDER BY [timestamp]")) {
                ps.setLong(1, watermark);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        above.add(rs.getLong(1));
                    }
                }
            }
            assertEquals(versions.stream().filter(v -> v > watermark).toList(), above, "above " + watermark);
        }
    }

    @Test
    void topAndOffsetFetchPageAsOnSqlServer() throws SQLException {
        assertEquals("01121212", value("SELECT TOP 1 [No_] FROM " + CUSTOMER + " ORDER BY [No_]"));
        assertEquals("01445544", value("SELECT [No_] FROM " + CUSTOMER + " ORDER BY [No_] OFFSET 1 ROWS FETCH NEXT 1 ROWS ONLY"));
    }

    @Test
    void anotherCompanyGetsItsOwnTablesAndSharesTheRowversion() throws SQLException {
        DemoNavDatabase.install(ds, "My Company Ltd.");
        assertEquals(20, count("SELECT COUNT(*) FROM [My Company Ltd_$Customer]"));
        long max = count("SELECT MAX([timestamp]) FROM " + CUSTOMER);
        assertTrue(count("SELECT MIN([timestamp]) FROM [My Company Ltd_$Customer]") > max);
    }

    @Test
    void fileDatabaseKeepsTriggersAndData(@TempDir Path dir) throws SQLException {
        JdbcDataSource file = new JdbcDataSource();
        file.setURL(DemoNavDatabase.fileJdbcUrl(dir.resolve("nav")));
        DemoNavDatabase.install(file, DemoNavDatabase.DEFAULT_COMPANY);
        DemoNavDatabase.install(file, DemoNavDatabase.DEFAULT_COMPANY);
        try (Connection c = file.getConnection(); Statement st = c.createStatement()) {
            st.execute("UPDATE " + CUSTOMER + " SET [Phone No_] = [Phone No_] WHERE [No_] = '10000'");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), MAX([timestamp]) FROM " + CUSTOMER)) {
                rs.next();
                assertEquals(20, rs.getInt(1));
            }
            st.execute("SHUTDOWN");
        }
        assertTrue(DemoNavDatabase.fileJdbcUrl(dir.resolve("nav.mv.db")).startsWith(
                "jdbc:h2:file:" + dir.resolve("nav").toAbsolutePath() + ";MODE=MSSQLServer"));
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : DemoNavDatabase.TABLES) {
            counts.put(table, count("SELECT COUNT(*) FROM " + DemoNavDatabase.table(DemoNavDatabase.DEFAULT_COMPANY, table)));
        }
        return counts;
    }

    private Map<String, List<String>> columnsByTable() throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' "
                        + "ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return columns;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(first);
        return all;
    }

    private long maxTimestamp() throws SQLException {
        long max = 0;
        for (String table : DemoNavDatabase.TABLES) {
            max = Math.max(max, count("SELECT COALESCE(MAX([timestamp]), 0) FROM "
                    + DemoNavDatabase.table(DemoNavDatabase.DEFAULT_COMPANY, table)));
        }
        return max;
    }

    private long timestampOf(String customerNo) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT [timestamp] FROM " + CUSTOMER + " WHERE [No_] = ?")) {
            ps.setString(1, customerNo);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        return ((Number) object(sql)).longValue();
    }

    private String value(String sql) throws SQLException {
        return (String) object(sql);
    }

    private Object object(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getObject(1);
        }
    }
}
