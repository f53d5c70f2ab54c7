package navsync.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.SkipPolicy;
import navsync.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresStateStoreTest extends StateStoreContract {

    private final String schema = "navsync_test_" + Long.toHexString(System.nanoTime());

    @Override
    StateStore open() {
        return StateStore.open(TestDatabases.postgresSchemaUrl(schema), TestDatabases.POSTGRES_USER, null, 4);
    }

    @Test
    void theCouplingTableIsAnalyzedOnceABatchesInsertsReachTenThousand() {
        store.inTransaction(c -> c.createStatement().execute("ALTER TABLE coupling SET (autovacuum_enabled = false)"));
        assertThat(analyzedRows()).as("statistics of the empty table").isLessThanOrEqualTo(0);
        UUID job = store.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
        for (int batch = 0; batch < 20; batch++) {
            List<CouplingStore.NewCoupling> fresh = new ArrayList<>();
            List<CouplingStore.Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String key = String.format("C%06d", batch * 500 + i);
                fresh.add(new CouplingStore.NewCoupling(key, null, UUID.randomUUID()));
                outcomes.add(new CouplingStore.Synchronized(key, 1L, "{}"));
            }
            CouplingStore.Intent intent = store.couplings().recordIntent("CUSTOMER", fresh);
            store.inTransaction(c -> {
                store.couplings().applyOutcomes(c, "CUSTOMER", Direction.ToIntegrationTable, job, SkipPolicy.NEVER,
                        outcomes, intent);
                return null;
            });
            store.couplings().inserted(fresh.size());
            if (batch == 18) {
                assertThat(analyzedRows()).as("9,500 inserted: not yet").isLessThanOrEqualTo(0);
            }
        }
        assertThat(analyzedRows()).isEqualTo(10_000);
    }

    /** The row count PostgreSQL's planner works with (-1 or 0 before any ANALYZE). */
    private long analyzedRows() {
        return store.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT reltuples FROM pg_class WHERE oid = 'coupling'::regclass")) {
                rs.next();
                return (long) rs.getFloat(1);
            }
        });
    }

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgresSchema(schema);
    }
}
