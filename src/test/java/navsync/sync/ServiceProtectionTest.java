package navsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import navsync.mapping.Direction;
import navsync.nav.demo.SyntheticCustomers;
import navsync.sandbox.SalesSandbox;
import navsync.sandbox.SandboxOptions;
import navsync.sandbox.limits.FaultOptions;
import navsync.state.Coupling;
import navsync.state.SyncJob;
import navsync.testing.Http;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service protection: Sales throttles 20% of requests (429 + Retry-After) and fails 5% (503), with a
 * fixed seed, and recommends 2 parallel requests (x-ms-dop-hint). The synchronization loses and
 * duplicates nothing, stays within the hint, and its waits show in the Prometheus metrics.
 */
class ServiceProtectionTest {

    @TempDir
    Path data;

    @Test
    void aSynchronizationUnderThrottlingAndOutagesLandsEveryRecordOnceAndShowsItsWaits() {
        FaultOptions faults = FaultOptions.seeded(20261128).withTooManyRequests(0.20).withUnavailable(0.05);
        try (SalesSandbox sandbox = SalesSandbox.start(SandboxOptions.defaults().withThreads(2).withFaults(faults));
             NavsyncTestApp app = NavsyncTestApp.startAgainst(sandbox, data, Map.of(
                     "navsync.mappings-dir", NavsyncTestApp.mappingsWithBatchSize(data.resolve("mappings"), 25).toString(),
                     "navsync.sales.max-parallel-requests", "4",
                     "navsync.sales.retry.first-backoff-ms", "200"))) {
            // as at start-up: the test connection's first answers carry x-ms-dop-hint
            assertThat(Http.get(app.apiUrl("/api/connection")).statusCode()).isEqualTo(200);
            SyntheticCustomers.insert(app.nav(), NavTables.COMPANY, 2000, 5);
            NavTables nav = new NavTables(app.nav());
            Set<String> customers = nav.rows("SELECT [No_] FROM " + NavTables.table("Customer") + " WHERE [Blocked] = 0")
                    .keySet();

            // records that still fail after their retries are marked failed and retried by the next run
            List<SyncJob> jobs = new ArrayList<>();
            do {
                jobs.add(app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, Duration.ofMinutes(3)).get(0));
            } while (jobs.get(jobs.size() - 1).counters().failed() > 0 && jobs.size() < 4);

            SyncJob first = jobs.get(0);
            assertThat(first.counters().inserted() + first.counters().failed()).as("every record counted in the first run")
                    .isEqualTo(customers.size());
            SyncJob last = jobs.get(jobs.size() - 1);
            assertThat(last.status()).isEqualTo(SyncJob.SUCCEEDED);
            assertThat(last.counters().failed()).isZero();
            assertThat(jobs.stream().mapToLong(j -> j.counters().inserted()).sum()).isEqualTo(customers.size());

            List<Map<String, Object>> accounts = sandbox.rows("accounts");
            assertThat(accounts).as("none lost, none duplicated").hasSize(customers.size());
            Set<Object> numbers = new HashSet<>();
            accounts.forEach(a -> numbers.add(a.get("accountnumber")));
            assertThat(numbers).isEqualTo(new HashSet<>(customers));
            assertThat(app.store().couplings().count("CUSTOMER")).isEqualTo(customers.size());
            for (String key : List.of(customers.iterator().next(), "10000")) {
                Coupling coupling = app.store().couplings().findByNavKey("CUSTOMER", key).orElseThrow();
                assertThat(sandbox.row("accounts", coupling.salesId()).orElseThrow().get("accountnumber")).isEqualTo(key);
            }

            String metrics = Http.get(app.managementUrl("/observe/metrics")).body();
            // about 100 requests, a fifth of them throttled: every wait is navsync's own (none hidden in HttpClient)
            assertThat(Http.metric(metrics, "navsync_sales_retry_wait_seconds_count", "reason=\"throttled\""))
                    .as("waits after 429").isGreaterThanOrEqualTo(10);
            assertThat(Http.metric(metrics, "navsync_sales_retry_wait_seconds_sum", "reason=\"throttled\""))
                    .as("Retry-After: 1 s per throttled request").isGreaterThanOrEqualTo(1.0);
            assertThat(Http.metric(metrics, "navsync_sales_retry_wait_seconds_count", "reason=\"server_error\""))
                    .as("waits after 503").isGreaterThanOrEqualTo(2);
            assertThat(Http.metric(metrics, "navsync_sales_parallel_limit")).as("x-ms-dop-hint 2 below the maximum 4")
                    .isEqualTo(2.0);
            assertThat(Http.metric(metrics, "navsync_sales_parallel_peak")).isBetween(1.0, 2.0);
        }
    }

    @Test
    void recordsWhoseRequestsStillFailAfterTheirRetriesAreMarkedFailedAndLandOnALaterRun() {
        FaultOptions faults = FaultOptions.seeded(7).withUnavailable(0.30);
        try (SalesSandbox sandbox = SalesSandbox.start(SandboxOptions.defaults().withFaults(faults));
             NavsyncTestApp app = NavsyncTestApp.startAgainst(sandbox, data, Map.of(
                     "navsync.mappings-dir", NavsyncTestApp.mappingsWithBatchSize(data.resolve("mappings"), 25).toString(),
                     "navsync.sales.retry.max-attempts", "1"))) {
            SyntheticCustomers.insert(app.nav(), NavTables.COMPANY, 500, 9);
            Set<String> customers = new NavTables(app.nav()).rows("SELECT [No_] FROM " + NavTables.table("Customer")
                    + " WHERE [Blocked] = 0").keySet();

            SyncJob first = app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, Duration.ofMinutes(2)).get(0);
            assertThat(first.counters().failed()).as("requests given up at once").isPositive();
            assertThat(first.counters().inserted() + first.counters().failed()).isEqualTo(customers.size());
            assertThat(app.store().jobs().errors(first.id())).allSatisfy(e -> assertThat(e.message()).contains("HTTP 503"));
            List<SyncJob> later = new ArrayList<>();
            do {
                later.add(app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, Duration.ofMinutes(2)).get(0));
            } while (later.get(later.size() - 1).counters().failed() > 0 && later.size() < 10);

            assertThat(later.get(later.size() - 1).counters().failed()).as("the retry set drains").isZero();
            assertThat(first.counters().inserted() + later.stream().mapToLong(j -> j.counters().inserted()).sum())
                    .isEqualTo(customers.size());
            assertThat(sandbox.rows("accounts")).as("none lost, none duplicated").hasSize(customers.size());
            String metrics = Http.get(app.managementUrl("/observe/metrics")).body();
            assertThat(Http.metric(metrics, "navsync_sales_gave_up_total")).isPositive();
        }
    }
}
