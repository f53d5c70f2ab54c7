package navsync.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: a private H2 in memory, or a private schema on the local PostgreSQL server
 * (127.0.0.1:5432, database test). PostgreSQL tests skip with a message when no server answers,
 * unless {@code navsync.test.postgres.required=true} (CI), where they fail instead.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL = System.getProperty("navsync.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getProperty("navsync.test.postgres.user", "postgres");

    private TestDatabases() {
    }

    public static String h2Url() {
        return "jdbc:h2:mem:state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** A new, empty schema on the local PostgreSQL server; its JDBC URL selects it. */
    public static String postgresSchemaUrl(String schema) {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, null);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (Boolean.getBoolean("navsync.test.postgres.required")) {
                throw new IllegalStateException("PostgreSQL is required for this run but " + POSTGRES_URL
                        + " did not answer: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL tests skipped: no server at " + POSTGRES_URL + " (" + e.getMessage()
                    + "); run with -Dnavsync.test.postgres.required=true to make this a failure");
        }
        return POSTGRES_URL + "?currentSchema=" + schema;
    }

    public static void dropPostgresSchema(String schema) {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, null);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // the server went away: nothing left to clean
        }
    }
}
