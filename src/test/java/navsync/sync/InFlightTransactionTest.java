package navsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.state.SyncJob;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NAV transaction takes a row version, another one takes a higher one and commits first, and a
 * synchronization runs before the first commits: the watermark must not pass the first one's row,
 * or it would never be read. On the demo database (H2) the read stops below the versions in flight,
 * as {@code MIN_ACTIVE_ROWVERSION()} makes it on SQL Server.
 */
class InFlightTransactionTest {

    private static final String CUSTOMERS = NavTables.table("Customer");

    @TempDir
    Path data;
    NavsyncTestApp app;

    @BeforeEach
    void start() {
        app = NavsyncTestApp.start(data, Map.of());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aRowCommittedWithALowerVersionAfterAHigherOneWasReadIsNotMissed() throws Exception {
        assertThat(run().counters().failed()).isZero();

        try (Connection open = app.nav().getConnection()) {
            open.setAutoCommit(false);
            try (Statement st = open.createStatement()) {
                st.executeUpdate("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44-555-0101' WHERE [No_] = '20000'");
            }
            new NavTables(app.nav()).execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44-555-0102' WHERE [No_] = '30000'");
            long open20000 = versionSeenByDirtyRead("20000");
            long committed30000 = (Long) new NavTables(app.nav()).value("SELECT CAST([timestamp] AS BIGINT) FROM "
                    + CUSTOMERS + " WHERE [No_] = '30000'");
            assertThat(open20000).as("the open transaction holds the lower version").isLessThan(committed30000);

            SyncJob whileOpen = run();
            assertThat(whileOpen.counters().modified()).as("nothing at or above the open transaction's version is read")
                    .isZero();
            open.commit();
        }

        SyncJob after = run();
        assertThat(after.counters().modified()).isEqualTo(2);
        assertThat(phone("20000")).isEqualTo("+44-555-0101");
        assertThat(phone("30000")).isEqualTo("+44-555-0102");
    }

    private long versionSeenByDirtyRead(String key) throws Exception {
        try (Connection dirty = app.nav().getConnection()) {
            dirty.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            try (Statement st = dirty.createStatement();
                 var rs = st.executeQuery("SELECT CAST([timestamp] AS BIGINT) FROM " + CUSTOMERS + " WHERE [No_] = '"
                         + key + "'")) {
                rs.next();
                return rs.getLong(1);
            } finally {
                dirty.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        }
    }

    private Object phone(String key) {
        UUID salesId = app.store().couplings().findByNavKey("CUSTOMER", key).orElseThrow().salesId();
        return app.sandbox().row("accounts", salesId).orElseThrow().get("telephone1");
    }

    private SyncJob run() {
        return app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, Duration.ofSeconds(60)).get(0);
    }
}
