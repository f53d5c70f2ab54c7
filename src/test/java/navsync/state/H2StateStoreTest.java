package navsync.state;

import navsync.testing.TestDatabases;

class H2StateStoreTest extends StateStoreContract {
    @Override
    StateStore open() {
        return StateStore.open(TestDatabases.h2Url(), "sa", null, 4);
    }
}
