package navsync.state;

import navsync.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;

class PostgresStateStoreTest extends StateStoreContract {

    private final String schema = "navsync_test_" + Long.toHexString(System.nanoTime());

    @Override
    StateStore open() {
        return StateStore.open(TestDatabases.postgresSchemaUrl(schema), TestDatabases.POSTGRES_USER, null, 4);
    }

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgresSchema(schema);
    }
}
