package navsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import navsync.mapping.Direction;
import navsync.nav.demo.SyntheticCustomers;
import navsync.sandbox.SalesSandbox;
import navsync.sandbox.SandboxOptions;
import navsync.state.JobError;
import navsync.state.SyncJob;
import navsync.testing.Http;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 1% of the customers have names too long for Sales (160 characters), spread over the bulk requests:
 * exactly those fail, each with its key and Sales' message, and every other record lands. With the
 * bulk actions (UpsertMultiple, bisected on failure) and, for a table without them, with a
 * {@code $batch} of upserts sent with continue-on-error.
 */
class BulkIsolationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @ParameterizedTest(name = "bulk actions available: {0}")
    @ValueSource(booleans = {true, false})
    void onePercentOfBadRowsFailAloneWithKeyAndMessage(boolean bulkActions) throws Exception {
        SandboxOptions options = SandboxOptions.defaults();
        if (!bulkActions) {
            options = options.withoutBulkActions("account");
        }
        try (SalesSandbox sandbox = SalesSandbox.start(options);
             NavsyncTestApp app = NavsyncTestApp.startAgainst(sandbox, data, Map.of(
                     "navsync.mappings-dir", NavsyncTestApp.mappingsWithBatchSize(data.resolve("mappings"), 200).toString()))) {
            boolean reported = false;
            for (var table : JSON.readTree(Http.get(app.apiUrl("/api/connection")).body()).path("tables")) {
                if (table.path("table").asText().equals("account")) {
                    reported = table.path("upsertMultiple").asBoolean();
                }
            }
            assertThat(reported).as("the test connection reports the bulk actions").isEqualTo(bulkActions);

            SyntheticCustomers.insert(app.nav(), NavTables.COMPANY, 2000, 3);
            NavTables nav = new NavTables(app.nav());
            String customerTable = NavTables.table("Customer");
            // a customized NAV database (a partner widened Name); Dataverse's account name stays 160
            nav.execute("ALTER TABLE " + customerTable + " ALTER COLUMN [Name] NVARCHAR(250) NOT NULL");
            List<String> keys = new java.util.ArrayList<>(nav.rows("SELECT [No_] FROM " + customerTable
                    + " WHERE [Blocked] = 0 ORDER BY [No_]").keySet());
            Set<String> bad = new TreeSet<>();
            for (int i = 37; i < keys.size(); i += 100) { // every 100th record: 1%, in different bulk requests
                bad.add(keys.get(i));
                nav.execute("UPDATE " + customerTable + " SET [Name] = '" + "Too long ".repeat(20) + i
                        + "' WHERE [No_] = '" + keys.get(i) + "'");
            }
            assertThat(bad.size()).as("1%% of the records").isGreaterThanOrEqualTo(keys.size() / 100);

            SyncJob job = app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, Duration.ofMinutes(2)).get(0);

            assertThat(job.status()).isEqualTo(SyncJob.SUCCEEDED);
            assertThat(job.counters().failed()).isEqualTo(bad.size());
            assertThat(job.counters().inserted()).isEqualTo(keys.size() - bad.size());
            List<JobError> errors = app.store().jobs().errors(job.id());
            Set<String> failedKeys = new HashSet<>();
            for (JobError error : errors) {
                failedKeys.add(error.navKey());
                assertThat(error.message()).contains(error.navKey()).contains("HTTP 400").contains("name")
                        .contains("160");
            }
            assertThat(failedKeys).isEqualTo(bad);
            Set<Object> landed = new HashSet<>();
            sandbox.rows("accounts").forEach(a -> landed.add(a.get("accountnumber")));
            Set<String> good = new HashSet<>(keys);
            good.removeAll(bad);
            assertThat(landed).isEqualTo(new HashSet<Object>(good));
        }
    }
}
