package navsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.nav.demo.DemoNavDatabase;
import navsync.state.Coupling;
import navsync.state.JobError;
import navsync.state.SyncJob;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import navsync.testing.SalesRows;
import navsync.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New NAV keys of the Sales -> NAV direction come from the mapping's number series: a series that
 * runs out fails the records left without a number, alone, and the rest of the pass goes on.
 */
class NumberSeriesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path data;
    @TempDir
    Path mappings;
    private final String navUrl = DemoNavDatabase.jdbcUrl("nav-" + UUID.randomUUID());
    private final String stateUrl = TestDatabases.h2Url();
    private NavsyncTestApp app;
    private SalesRows sales;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRecordLeftWithoutANumberFailsAloneNamingTheSeriesAndIsCreatedOnceTheSeriesIsExtended() throws Exception {
        start("CUST-9998"); // two free numbers: CUST-9998 and CUST-9999
        run();
        List<UUID> accounts = List.of(newAccount("Series One"), newAccount("Series Two"), newAccount("Series Three"));
        // the edit below moves the watermark past the new accounts by more than the re-read overlap (modifiedon has
        // whole seconds, the overlap is one)
        Thread.sleep(2100);
        UUID coupled = app.store().couplings().findByNavKey("CUSTOMER", "20000").orElseThrow().salesId();
        sales.update("accounts", coupled, Map.of("telephone1", "+44 20 7946 0999"));

        SyncJob first = run();
        assertThat(first.counters().inserted()).as("the two free numbers are used").isEqualTo(2);
        assertThat(first.counters().modified()).as("the edit of a coupled account").isEqualTo(1);
        assertThat(first.counters().failed()).isEqualTo(1);
        assertThat(new NavTables(app.nav()).row("Customer", "No_", "20000").get("Phone No_")).isEqualTo("+44 20 7946 0999");
        assertThat(accounts.stream().map(this::navKey).filter(k -> k != null).sorted().toList())
                .containsExactly("CUST-9998", "CUST-9999");
        UUID unnumbered = accounts.stream().filter(a -> navKey(a) == null).findFirst().orElseThrow();
        JobError error = onlyError(first);
        assertThat(error.salesId()).isEqualTo(unnumbered);
        assertThat(error.navKey()).isNull();
        assertThat(error.message()).contains(unnumbered.toString()).contains("number series CUST-9998")
                .contains("no free number after CUST-9999").contains("customer.yaml");

        SyncJob second = run();
        assertThat(second.counters().failed()).as("retried on the next run, though unchanged in Sales").isEqualTo(1);
        assertThat(onlyError(second).salesId()).isEqualTo(unnumbered);

        app.close();
        app = null;
        start("CUST-10000"); // NAV's IncStr goes on from CUST-9999 with one digit more
        SyncJob extended = run();
        assertThat(extended.counters().failed()).isZero();
        assertThat(extended.counters().inserted()).isEqualTo(1);
        assertThat(navKey(unnumbered)).isEqualTo("CUST-10000");
    }

    private void start(String series) throws Exception {
        try (var files = Files.list(Path.of("mappings"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().equals("customer.yaml")) {
                    assertThat(text).contains("numberSeries: CUST-0001");
                    text = text.replace("numberSeries: CUST-0001", "numberSeries: " + series);
                }
                Files.writeString(mappings.resolve(file.getFileName()), text);
            }
        }
        // the same NAV database, state store and (persisted) sandbox rows after a restart
        app = NavsyncTestApp.start(data, Map.of("navsync.mappings-dir", mappings.toString(), "navsync.nav.url", navUrl,
                "navsync.state.url", stateUrl));
        sales = new SalesRows(app.sandbox().organizationUrl());
    }

    private UUID newAccount(String name) {
        return sales.create("accounts", Map.of("name", name, "customertypecode", 3));
    }

    private String navKey(UUID account) {
        return app.store().couplings().findBySalesId("CUSTOMER", account).map(Coupling::navKey).orElse(null);
    }

    private JobError onlyError(SyncJob job) {
        List<JobError> errors = app.store().jobs().errors(job.id());
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    /** Both passes of CUSTOMER; returns the Sales -> NAV job, which must succeed as a job. */
    private SyncJob run() {
        List<SyncJob> jobs = app.synchronization().run("CUSTOMER", null, TIMEOUT);
        assertThat(jobs).allSatisfy(j -> assertThat(j.status()).as(j.message()).isEqualTo(SyncJob.SUCCEEDED));
        return jobs.get(1);
    }
}
