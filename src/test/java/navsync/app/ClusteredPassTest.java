package navsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import navsync.mapping.Direction;
import navsync.nav.demo.SyntheticCustomers;
import navsync.sandbox.SalesSandbox;
import navsync.sandbox.SandboxOptions;
import navsync.sandbox.limits.LatencyOptions;
import navsync.state.SyncJob;
import navsync.sync.SynchronizationService;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import navsync.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * navsync on a PostgreSQL state store whose pass loses its mapping lock: the session holding the lock
 * is ended (pg_terminate_backend, as when its connection dies), so another instance could take the
 * mapping at once; the pass stops before its next write, and the next run finishes the work with
 * every record written once.
 */
class ClusteredPassTest {

    private final String schema = "navsync_pass_" + Long.toHexString(System.nanoTime());

    @TempDir
    Path data;

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgresSchema(schema);
    }

    @Test
    void aPassWhoseLockSessionDiesStopsBeforeItsNextWriteAndTheNextRunWritesEachRecordOnce() throws Exception {
        String stateUrl = TestDatabases.postgresSchemaUrl(schema);
        try (SalesSandbox sandbox = SalesSandbox.start(SandboxOptions.defaults()
                     .withLatency(new LatencyOptions(Duration.ofMillis(50), Duration.ZERO)));
             NavsyncTestApp app = NavsyncTestApp.startAgainst(sandbox, data, Map.of(
                     "navsync.mappings-dir", NavsyncTestApp.mappingsWithBatchSize(data.resolve("mappings"), 20).toString(),
                     "navsync.sales.max-parallel-requests", "1",
                     "navsync.state.url", stateUrl, "navsync.state.user", TestDatabases.POSTGRES_USER))) {
            SyntheticCustomers.insert(app.nav(), NavTables.COMPANY, 600, 7);
            Set<String> customers = new NavTables(app.nav()).rows("SELECT [No_] FROM " + NavTables.table("Customer")
                    + " WHERE [Blocked] = 0").keySet();

            SynchronizationService.Started started = app.synchronization().start("CUSTOMER", Direction.ToIntegrationTable);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (app.store().jobs().find(started.jobId()).orElseThrow().counters().inserted() < 40) {
                assertThat(System.nanoTime()).as("two batches committed in time").isLessThan(deadline);
                Thread.sleep(5);
            }
            assertThat(terminateLockSession(stateUrl, "CUSTOMER")).as("the pass's lock session").isEqualTo(1);
            int accountsAtLoss = sandbox.rowCount("accounts");
            started.done().get(60, java.util.concurrent.TimeUnit.SECONDS);

            SyncJob stopped = app.store().jobs().find(started.jobId()).orElseThrow();
            assertThat(stopped.status()).as(stopped.message()).isEqualTo(SyncJob.FAILED);
            assertThat(stopped.message()).contains("lost its lock").contains("before its next write");
            assertThat(sandbox.rowCount("accounts")).as("at most the batch under way when the lock went still landed")
                    .isLessThanOrEqualTo(accountsAtLoss + 20).isLessThan(customers.size());
            assertThat(app.store().watermarks().get("CUSTOMER", Direction.ToIntegrationTable.name()))
                    .as("the watermark stays").isEmpty();

            List<SyncJob> next = app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, Duration.ofSeconds(120));
            assertThat(next.get(0).status()).as(next.get(0).message()).isEqualTo(SyncJob.SUCCEEDED);
            assertThat(next.get(0).counters().failed()).isZero();
            List<Map<String, Object>> accounts = sandbox.rows("accounts");
            assertThat(accounts).as("none lost, none duplicated").hasSize(customers.size());
            Set<Object> numbers = new HashSet<>();
            accounts.forEach(a -> numbers.add(a.get("accountnumber")));
            assertThat(numbers).isEqualTo(new HashSet<>(customers));
            assertThat(app.store().couplings().count("CUSTOMER")).isEqualTo(customers.size());
        }
    }

    /** Ends the session holding the mapping's advisory lock in this schema, as a dead connection does. */
    private static int terminateLockSession(String stateUrl, String mapping) throws Exception {
        try (Connection c = DriverManager.getConnection(stateUrl, TestDatabases.POSTGRES_USER, null);
             PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(l.pid) FROM pg_locks l"
                     + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = hashtext('navsync.mapping')::oid"
                     + " AND l.objid = hashtext(current_schema() || '/' || ?)::oid AND l.objsubid = 2")) {
            ps.setString(1, mapping);
            int ended = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ended += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return ended;
        }
    }
}
