package navsync.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import navsync.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Instances sharing a PostgreSQL store: a starting instance marks as interrupted only the running
 * jobs of instances that are gone, and a held lock whose session died reports itself lost.
 */
class InstancesTest {

    private static final String INTERRUPTED = "interrupted: test";
    private final String schema = "navsync_instances_" + Long.toHexString(System.nanoTime());

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgresSchema(schema);
    }

    @Test
    void aStartingInstanceFailsOnlyTheJobsOfInstancesThatAreGone() throws Exception {
        String url = TestDatabases.postgresSchemaUrl(schema);
        try (StateStore first = open(url); StateStore killed = open(url)) {
            UUID running = first.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
            UUID cutOff = killed.jobs().start("CURRENCY", "ToIntegrationTable", "Synchronization");
            // an instance on another host whose heartbeat stopped a minute ago, though its lock's session lingers
            UUID silent = UUID.randomUUID();
            UUID stale = jobOf(first, silent, "-60 seconds");
            MappingLocks.Held lingering = first.mappingLocks().tryLock(MappingLocks.INSTANCE, silent.toString()).orElseThrow();
            // the process of "killed" dies: PostgreSQL ends its session, and the instance lock goes with it
            assertThat(terminate(first, "navsync.instance", killed.instances().id().toString())).isEqualTo(1);

            try (StateStore second = open(url)) {
                assertThat(second.jobs().failInterrupted(INTERRUPTED)).isEqualTo(2);
                assertThat(status(second, running)).as("the first instance is alive: its job goes on")
                        .isEqualTo(SyncJob.RUNNING);
                assertThat(status(second, cutOff)).as("its instance's lock is free").isEqualTo(SyncJob.FAILED);
                assertThat(status(second, stale)).as("its heartbeat is stale").isEqualTo(SyncJob.FAILED);
                assertThat(second.jobs().find(cutOff).orElseThrow().message()).isEqualTo(INTERRUPTED);
                assertThat(instanceRows(second)).as("the gone instances' rows are removed").isEqualTo(2);
            }
            lingering.close();
        }
    }

    @Test
    void aMappingLockWhoseSessionDiedIsLostAndFreeForAnotherInstance() throws Exception {
        String url = TestDatabases.postgresSchemaUrl(schema);
        try (StateStore first = open(url); StateStore second = open(url)) {
            MappingLocks.Held held = first.mappingLocks().tryLock("CUSTOMER").orElseThrow();
            assertThat(held.isHeld()).isTrue();
            assertThat(second.mappingLocks().tryLock("CUSTOMER")).isEmpty();

            assertThat(terminate(second, "navsync.mapping", "CUSTOMER")).isEqualTo(1);
            assertThat(held.isHeld()).as("its session was terminated").isFalse();
            try (MappingLocks.Held taken = second.mappingLocks().tryLock("CUSTOMER").orElseThrow()) {
                assertThat(taken.isHeld()).isTrue();
            }
            held.close();
        }
    }

    @Test
    void anH2StoreServesOneInstanceSoAStartFailsEveryOtherInstancesRunningJob() {
        String url = TestDatabases.h2Url();
        try (StateStore before = StateStore.open(url, "sa", null, 2)) {
            UUID cutOff = before.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
            try (StateStore restarted = StateStore.open(url, "sa", null, 2)) {
                UUID own = restarted.jobs().start("CURRENCY", "ToIntegrationTable", "Synchronization");
                assertThat(restarted.jobs().failInterrupted(INTERRUPTED)).isEqualTo(1);
                assertThat(status(restarted, cutOff)).isEqualTo(SyncJob.FAILED);
                assertThat(status(restarted, own)).isEqualTo(SyncJob.RUNNING);
            }
        }
    }

    private static StateStore open(String url) {
        return StateStore.open(url, TestDatabases.POSTGRES_USER, null, 2);
    }

    /** A running job of an instance whose last heartbeat was {@code age} ago (the database's clock). */
    private static UUID jobOf(StateStore store, UUID instance, String age) {
        UUID job = store.jobs().start("SALESPEOPLE", "ToIntegrationTable", "Synchronization");
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO navsync_instance (id, host, started_at,"
                    + " heartbeat_at) VALUES (?, 'elsewhere', now(), now() + CAST(? AS interval))")) {
                ps.setObject(1, instance);
                ps.setString(2, age);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_job SET instance_id = ? WHERE id = ?")) {
                ps.setObject(1, instance);
                ps.setObject(2, job);
                ps.executeUpdate();
            }
            return null;
        });
        return job;
    }

    /** Ends the sessions holding an advisory lock of this schema, as a dying process or a cut connection does. */
    static int terminate(StateStore store, String namespace, String name) throws Exception {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted"
                        + " AND l.classid = hashtext(?)::oid AND l.objid = hashtext(current_schema() || '/' || ?)::oid"
                        + " AND l.objsubid = 2")) {
            ps.setString(1, namespace);
            ps.setString(2, name);
            int ended = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ended += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return ended;
        }
    }

    private static String status(StateStore store, UUID job) {
        return store.jobs().find(job).orElseThrow().status();
    }

    private static int instanceRows(StateStore store) throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM navsync_instance")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
