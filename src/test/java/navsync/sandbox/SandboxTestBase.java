package navsync.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One sandbox per test class on a free port; data cleared before each test. */
abstract class SandboxTestBase {
    static SalesSandbox sandbox;
    static WebApi api;

    @BeforeAll
    static void startSandbox() {
        sandbox = SalesSandbox.start(SandboxOptions.defaults().withThreads(4));
        api = new WebApi(sandbox);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void clear() {
        sandbox.clearData();
        sandbox.resetCounters();
    }

    static java.util.UUID createAccount(String json) {
        return api.post("accounts", json).expect(204).entityId();
    }
}
