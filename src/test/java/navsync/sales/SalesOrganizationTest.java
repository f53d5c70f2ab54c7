package navsync.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import navsync.sandbox.SalesSandbox;
import navsync.sandbox.SandboxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

/**
 * The base currency read while Sales is unreachable fails the records of that pass; the next pass
 * reads it again, however soon it starts (a failure is not served to later passes).
 */
class SalesOrganizationTest {

    @Test
    void aFailedReadFailsItsPassOnlyAndTheNextPassReadsAgain() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ParallelLimit parallel = new ParallelLimit(1);
            MeterRegistry meters = new SimpleMeterRegistry();
            SalesWebApi api = new SalesWebApi(camel, new SalesConnection("http://127.0.0.1:" + port, "v9.2"),
                    AccessTokens.NONE, new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(5)), parallel,
                    new SalesMetrics(() -> meters, parallel), "");
            SalesOrganization organization = new SalesOrganization(api);
            UUID firstPass = UUID.randomUUID();

            assertThatThrownBy(() -> organization.baseCurrencyId(firstPass)).as("nothing listens yet")
                    .isInstanceOf(SalesException.class);
            try (SalesSandbox sandbox = SalesSandbox.start(SandboxOptions.defaults().withPort(port))) {
                assertThatThrownBy(() -> organization.baseCurrencyId(firstPass))
                        .as("the failing pass is not held up by a read per record").isInstanceOf(SalesException.class);
                long requests = sandbox.requestCount();
                assertThat(requests).isZero();

                assertThat(organization.baseCurrencyId(UUID.randomUUID())).as("the next pass reads again")
                        .isEqualTo(sandbox.baseCurrencyId().orElseThrow());
                assertThat(organization.baseCurrencyId(null)).isEqualTo(sandbox.baseCurrencyId().orElseThrow());
                assertThat(sandbox.requestCount()).as("read once, then kept").isEqualTo(1);
            }
        }
    }
}
