package navsync.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import navsync.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two instances sharing a PostgreSQL store never hold the same mapping at once. */
class MappingLocksTest {

    private final String schema = "navsync_locks_" + Long.toHexString(System.nanoTime());
    private final String otherSchema = schema + "_other";

    @AfterEach
    void dropSchemas() {
        TestDatabases.dropPostgresSchema(schema);
        TestDatabases.dropPostgresSchema(otherSchema);
    }

    @Test
    void aMappingLockedByOneInstanceIsRefusedToAnotherUntilReleased() throws Exception {
        String url = TestDatabases.postgresSchemaUrl(schema);
        try (StateStore first = StateStore.open(url, TestDatabases.POSTGRES_USER, null, 2);
             StateStore second = StateStore.open(url, TestDatabases.POSTGRES_USER, null, 2);
             StateStore elsewhere = StateStore.open(TestDatabases.postgresSchemaUrl(otherSchema),
                     TestDatabases.POSTGRES_USER, null, 2)) {
            assertThat(first.isShared()).isTrue();
            Optional<MappingLocks.Held> customer = first.mappingLocks().tryLock("CUSTOMER");
            assertThat(customer).isPresent();
            assertThat(second.mappingLocks().tryLock("CUSTOMER")).as("held by the first instance").isEmpty();
            try (MappingLocks.Held currency = second.mappingLocks().tryLock("CURRENCY").orElseThrow()) {
                assertThat(first.mappingLocks().tryLock("CURRENCY")).isEmpty();
            }
            try (MappingLocks.Held other = elsewhere.mappingLocks().tryLock("CUSTOMER").orElseThrow()) {
                assertThat(other).as("another schema is another navsync installation").isNotNull();
            }

            customer.orElseThrow().close();
            try (MappingLocks.Held taken = second.mappingLocks().tryLock("CUSTOMER").orElseThrow()) {
                assertThat(advisoryLocks(second)).as("one session-level advisory lock while held").isEqualTo(1);
            }
            assertThat(advisoryLocks(second)).isZero();
        }
    }

    @Test
    void anH2StoreServesOneInstanceAndLocksNothing() {
        try (StateStore h2 = StateStore.open(TestDatabases.h2Url(), "sa", null, 2)) {
            assertThat(h2.isShared()).isFalse();
            assertThat(h2.mappingLocks().tryLock("CUSTOMER")).isPresent();
            assertThat(h2.mappingLocks().tryLock("CUSTOMER")).isPresent();
        }
    }

    private static long advisoryLocks(StateStore store) throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                     + " WHERE l.locktype = 'advisory' AND a.application_name = 'navsync mapping lock'"
                     + " AND l.objid = hashtext(current_schema() || '/CUSTOMER')::oid")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
