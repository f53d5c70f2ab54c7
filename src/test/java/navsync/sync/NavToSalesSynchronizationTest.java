package navsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import navsync.mapping.Direction;
import navsync.state.Coupling;
import navsync.state.JobError;
import navsync.state.SyncJob;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import navsync.testing.SalesRows;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CUSTOMER mapping end to end: demo NAV database -> routes -> Sales sandbox -> state store. */
class NavToSalesSynchronizationTest {

    private static final String CUSTOMERS = "[CRONUS International Ltd_$Customer]";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path data;
    NavsyncTestApp app;

    @BeforeEach
    void start() {
        app = NavsyncTestApp.start(data, Map.of());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void firstRunCreatesAndCouplesAnAccountForEveryCustomerInTheFilter() throws Exception {
        Map<String, Map<String, Object>> customers = customers("WHERE [Blocked] = 0");
        int blocked = count("SELECT COUNT(*) FROM " + CUSTOMERS + " WHERE [Blocked] <> 0");
        assertThat(customers).hasSizeGreaterThanOrEqualTo(15);
        assertThat(blocked).as("the demo has blocked customers, which the table filter leaves out").isPositive();

        SyncJob job = run();

        assertThat(job.status()).isEqualTo(SyncJob.SUCCEEDED);
        assertThat(job.counters().inserted()).isEqualTo(customers.size());
        assertThat(job.counters().failed()).isZero();
        List<Map<String, Object>> accounts = app.sandbox().rows("accounts");
        assertThat(accounts).hasSize(customers.size());
        assertThat(app.store().couplings().count("CUSTOMER")).isEqualTo(customers.size());
        for (Map.Entry<String, Map<String, Object>> customer : customers.entrySet()) {
            Coupling coupling = app.store().couplings().findByNavKey("CUSTOMER", customer.getKey()).orElseThrow();
            Map<String, Object> account = app.sandbox().row("accounts", coupling.salesId()).orElseThrow();
            Map<String, Object> nav = customer.getValue();
            assertThat(account.get("name")).isEqualTo(nav.get("Name"));
            assertThat(account.get("accountnumber")).isEqualTo(nav.get("No_"));
            assertThat(account.get("telephone1")).isEqualTo(blankToNull(nav.get("Phone No_")));
            assertThat(account.get("address1_city")).isEqualTo(blankToNull(nav.get("City")));
            assertThat(account.get("emailaddress1")).isEqualTo(blankToNull(nav.get("E-Mail")));
            assertThat(new BigDecimal(String.valueOf(account.get("creditlimit"))))
                    .isEqualByComparingTo((BigDecimal) nav.get("Credit Limit (LCY)"));
            assertThat(((Number) account.get("customertypecode")).intValue()).isEqualTo(3);
            assertThat(coupling.navRecordId()).isEqualTo(nav.get("$systemId"));
        }
    }

    @Test
    void aSecondRunWritesNothingAndAnEditModifiesExactlyThatAccount() throws Exception {
        run();
        Map<UUID, Object> versionsBefore = accountVersions();
        app.sandbox().resetCounters();

        SyncJob second = run();
        assertThat(second.counters().total()).as("nothing changed since the watermark").isZero();
        assertThat(app.sandbox().requestCount()).isZero();

        app.store().watermarks().reset("CUSTOMER", Direction.ToIntegrationTable.name());
        SyncJob full = run();
        assertThat(full.counters().unchanged()).as("a full pass finds every record unchanged")
                .isEqualTo(versionsBefore.size());
        assertThat(full.counters().inserted() + full.counters().modified()).isZero();
        assertThat(app.sandbox().writeRequestCount()).isZero();

        execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44-555-0199' WHERE [No_] = '20000'");
        SyncJob third = run();
        assertThat(third.counters().modified()).isEqualTo(1);
        assertThat(third.counters().total()).isEqualTo(1);
        UUID edited = app.store().couplings().findByNavKey("CUSTOMER", "20000").orElseThrow().salesId();
        assertThat(app.sandbox().row("accounts", edited).orElseThrow().get("telephone1")).isEqualTo("+44-555-0199");
        Map<UUID, Object> versionsAfter = accountVersions();
        for (Map.Entry<UUID, Object> before : versionsBefore.entrySet()) {
            if (before.getKey().equals(edited)) {
                assertThat(versionsAfter.get(before.getKey())).isNotEqualTo(before.getValue());
            } else {
                assertThat(versionsAfter.get(before.getKey())).as("account %s untouched", before.getKey())
                        .isEqualTo(before.getValue());
            }
        }
    }

    @Test
    void aRunKilledAfterTheSalesWriteButBeforeTheCouplingCommitCreatesNoDuplicateOnRerun() throws Exception {
        int customers = customers("WHERE [Blocked] = 0").size();
        AtomicBoolean crashed = new AtomicBoolean();
        AdviceWith.adviceWith(app.camel(), "synchronize-batch", route -> route.weaveById("commit-batch").before()
                .process(exchange -> {
                    if (crashed.compareAndSet(false, true)) {
                        throw new IllegalStateException("simulated crash between the Sales write and the commit");
                    }
                }));

        SyncJob crashedJob = run();
        assertThat(crashedJob.status()).isEqualTo(SyncJob.FAILED);
        assertThat(crashedJob.message()).contains("simulated crash");
        assertThat(app.sandbox().rows("accounts")).as("the write happened").hasSize(customers);
        assertThat(app.store().watermarks().get("CUSTOMER", Direction.ToIntegrationTable.name()))
                .as("the watermark did not move").isEmpty();

        SyncJob rerun = run();
        assertThat(rerun.status()).isEqualTo(SyncJob.SUCCEEDED);
        assertThat(rerun.counters().failed()).isZero();
        List<Map<String, Object>> accounts = app.sandbox().rows("accounts");
        assertThat(accounts).hasSize(customers);
        assertThat(accounts.stream().map(a -> a.get("accountnumber")).distinct().count()).isEqualTo(customers);
    }

    @Test
    void aRerunAfterACrashDoesNotCountAgainWhatTheStoppedJobCommitted() throws Exception {
        app.close();
        app = NavsyncTestApp.start(data, Map.of("navsync.mappings-dir",
                NavsyncTestApp.mappingsWithBatchSize(data.resolve("mappings"), 5).toString()));
        int customers = customers("WHERE [Blocked] = 0").size();
        AtomicInteger commits = new AtomicInteger();
        AdviceWith.adviceWith(app.camel(), "synchronize-batch", route -> route.weaveById("commit-batch").before()
                .process(exchange -> {
                    if (commits.incrementAndGet() == 2) {
                        throw new IllegalStateException("simulated crash between the writes and the commit");
                    }
                }));
        SyncJob crashed = run();
        assertThat(crashed.status()).isEqualTo(SyncJob.FAILED);
        assertThat(crashed.counters().inserted()).as("batches committed before the crash").isPositive();
        SyncJob rerun = run();
        assertThat(crashed.counters().total() + rerun.counters().total()).as("every customer counted once: %s, then %s",
                crashed.counters(), rerun.counters()).isEqualTo(customers);

        Direction from = Direction.FromIntegrationTable;
        app.synchronization().run("CUSTOMER", from, TIMEOUT);
        SalesRows sales = new SalesRows(app.sandbox().organizationUrl());
        int phone = 0;
        for (Map<String, Object> account : app.sandbox().rows("accounts")) {
            sales.update("accounts", UUID.fromString(account.get("accountid").toString()), Map.of("telephone1", "+44 " + phone++));
        }
        commits.set(0);
        SyncJob fromCrashed = app.synchronization().run("CUSTOMER", from, TIMEOUT).get(0);
        assertThat(fromCrashed.status()).isEqualTo(SyncJob.FAILED);
        SyncJob fromRerun = app.synchronization().run("CUSTOMER", from, TIMEOUT).get(0);
        assertThat(fromCrashed.counters().total() + fromRerun.counters().total())
                .as("every account counted once: %s, then %s", fromCrashed.counters(), fromRerun.counters())
                .isEqualTo(customers);
    }

    @Test
    void aCustomerWhoseNameIsTooLongForSalesFailsAloneAndTheRestOfItsBatchLands() throws Exception {
        // a customized NAV database (a partner widened Name); Dataverse's account name stays 160
        execute("ALTER TABLE " + CUSTOMERS + " ALTER COLUMN [Name] NVARCHAR(250) NOT NULL");
        String longName = "The Cannon Group PLC " + "x".repeat(180);
        execute("UPDATE " + CUSTOMERS + " SET [Name] = '" + longName + "' WHERE [No_] = '10000'");
        int customers = customers("WHERE [Blocked] = 0").size();

        SyncJob job = run();

        assertThat(job.status()).isEqualTo(SyncJob.SUCCEEDED);
        assertThat(job.counters().failed()).isEqualTo(1);
        assertThat(job.counters().inserted()).isEqualTo(customers - 1);
        assertThat(app.sandbox().rows("accounts")).hasSize(customers - 1);
        List<JobError> errors = app.store().jobs().errors(job.id());
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.navKey()).isEqualTo("10000");
            assertThat(e.message()).contains("10000").contains("HTTP 400").contains("name").contains("160");
        });
        Coupling failed = app.store().couplings().findByNavKey("CUSTOMER", "10000").orElseThrow();
        assertThat(failed.toResult()).isEqualTo(navsync.state.SyncResult.Failure);
        assertThat(failed.lastError()).contains("160");

        // the failed record is retried on the next run, whatever the watermark says
        execute("UPDATE " + CUSTOMERS + " SET [Name] = 'The Cannon Group PLC' WHERE [No_] = '10000'");
        app.store().watermarks().set("CUSTOMER", Direction.ToIntegrationTable.name(), Long.toString(Long.MAX_VALUE - 1));
        SyncJob retry = run();
        assertThat(retry.counters().inserted()).isEqualTo(1);
        assertThat(retry.counters().failed()).isZero();
        assertThat(app.sandbox().rows("accounts")).hasSize(customers);
    }

    private SyncJob run() {
        return app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, TIMEOUT).get(0);
    }

    private Map<UUID, Object> accountVersions() {
        Map<UUID, Object> versions = new HashMap<>();
        for (Map<String, Object> account : app.sandbox().rows("accounts")) {
            versions.put(UUID.fromString(String.valueOf(account.get("accountid"))), account.get("versionnumber"));
        }
        return versions;
    }

    private Map<String, Map<String, Object>> customers(String where) {
        return nav().rows("SELECT [No_], * FROM " + CUSTOMERS + " " + where);
    }

    private int count(String sql) {
        return nav().count(sql);
    }

    private void execute(String sql) {
        nav().execute(sql);
    }

    private NavTables nav() {
        return new NavTables(app.nav());
    }

    private static Object blankToNull(Object value) {
        return value == null || "".equals(value) ? null : value;
    }
}
