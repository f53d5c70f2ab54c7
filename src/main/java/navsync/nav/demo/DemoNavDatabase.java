package navsync.nav.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import navsync.nav.NavNaming;

/**
 * The demo NAV database: an H2 database in {@code MODE=MSSQLServer} laid out, to SQL, like a NAV 2018 /
 * Business Central on-premises company (see {@code nav/demo/schema.sql}), with the CRONUS-style demo
 * data of {@code nav/demo/cronus-data.sql}.
 */
public final class DemoNavDatabase {

    /** The table-name prefix before '$' of the CRONUS demo company ("CRONUS International Ltd." in SQL form). */
    public static final String DEFAULT_COMPANY = "CRONUS International Ltd_";

    /** The demo company's tables, by SQL name without the company prefix. */
    public static final List<String> TABLES = List.of("Customer", "Contact", "Contact Business Relation",
            "Salesperson_Purchaser", "Currency", "Item", "Payment Terms", "Shipment Method", "Shipping Agent");

    static final String SCHEMA_SCRIPT = "nav/demo/schema.sql";
    static final String DATA_SCRIPT = "nav/demo/cronus-data.sql";

    /**
     * H2 settings that make it answer like SQL Server under its default, case-insensitive collation: T-SQL syntax,
     * identifiers keep their case and match in any case (H2's own recommendation for this mode), and text columns
     * compare ignoring case (IGNORECASE: for tables created with it).
     */
    private static final String H2_SETTINGS = ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
            + ";IGNORECASE=TRUE";

    private DemoNavDatabase() {
    }

    /**
     * Creates the company's tables if they are missing and loads the CRONUS demo data if the Customer
     * table is empty. Idempotent.
     *
     * @param company the company as it appears in table names before '$'; a NAV company name such as
     *                "CRONUS International Ltd." is accepted too and put into SQL form
     */
    public static void install(DataSource ds, String company) {
        String sqlCompany = NavNaming.sqlName(company);
        Map<String, String> placeholders = Map.of("company", sqlCompany);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            SqlScript.load(SCHEMA_SCRIPT, placeholders).run(c);
            if (isEmpty(c, table(sqlCompany, "Customer"))) {
                c.setAutoCommit(false);
                try {
                    SqlScript.load(DATA_SCRIPT, placeholders).run(c);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot install the demo NAV company " + sqlCompany + ": " + e.getMessage(), e);
        }
    }

    /** An in-memory demo database that lives as long as the JVM: {@code jdbc:h2:mem:<name>;MODE=MSSQLServer;...}. */
    public static String jdbcUrl(String name) {
        return "jdbc:h2:mem:" + name + H2_SETTINGS + ";DB_CLOSE_DELAY=-1";
    }

    /**
     * A demo database in a file ({@code <file>.mv.db}): {@code jdbc:h2:file:<path>;MODE=MSSQLServer;...}. Commits are
     * written at once ({@code WRITE_DELAY=0}): H2's default writes them up to half a second later, so a killed process
     * would lose committed transactions.
     */
    public static String fileJdbcUrl(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        if (path.endsWith(".mv.db")) {
            path = path.substring(0, path.length() - ".mv.db".length());
        }
        return "jdbc:h2:file:" + path + H2_SETTINGS + ";WRITE_DELAY=0";
    }

    /** The bracket-quoted, company-qualified name of a table, e.g. {@code [CRONUS International Ltd_$Customer]}. */
    static String table(String company, String sqlTable) {
        return NavNaming.quote(NavNaming.companyTable(NavNaming.sqlName(company), sqlTable));
    }

    private static boolean isEmpty(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT TOP 1 1 FROM " + table)) {
            return !rs.next();
        }
    }
}
