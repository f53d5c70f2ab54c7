package navsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.state.SyncJob;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import navsync.testing.SalesRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletions that no pass over changes sees: a NAV customer deleted while its account is unchanged,
 * and an account deleted while its customer is unchanged, found by the deletion sweep of CUSTOMER's
 * couplings and resolved by each deletionResolution.
 */
class DeletionSweepTest {

    private static final String CUSTOMERS = "[CRONUS International Ltd_$Customer]";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Its NAV record is deleted; the account stays as it is. */
    private static final String NAV_DELETED = "20000";
    /** Its account is deleted; the NAV record stays as it is. */
    private static final String SALES_DELETED = "30000";

    @TempDir
    Path data;
    @TempDir
    Path mappings;
    NavsyncTestApp app;
    SalesRows sales;
    UUID accountOfNavDeleted;
    UUID accountDeleted;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void noneFailsBothSurvivorsNamingTheDeletedRecordAndKeepsFailingThem() {
        start("none", "everyPass");
        deleteOneOnEachSide();

        SyncJob to = runBoth().get(0);
        assertThat(to.counters().failed()).isEqualTo(2);
        assertThat(app.store().jobs().errors(to.id())).satisfiesExactlyInAnyOrder(
                e -> {
                    assertThat(e.navKey()).isEqualTo(NAV_DELETED);
                    assertThat(e.salesId()).isEqualTo(accountOfNavDeleted);
                    assertThat(e.message()).contains("coupled to NAV Customer " + NAV_DELETED + ", which was deleted");
                },
                e -> {
                    assertThat(e.navKey()).isEqualTo(SALES_DELETED);
                    assertThat(e.salesId()).isEqualTo(accountDeleted);
                    assertThat(e.message()).contains("coupled to Sales account " + accountDeleted + ", which was deleted");
                });
        assertThat(app.sandbox().row("accounts", accountOfNavDeleted)).as("the survivor is left alone").isPresent();
        assertThat(navRow(SALES_DELETED)).isNotNull();
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", NAV_DELETED)).isPresent();

        SyncJob next = runBoth().get(0);
        long skippedByIt = List.of(NAV_DELETED, SALES_DELETED).stream()
                .filter(key -> app.store().couplings().findByNavKey("CUSTOMER", key).orElseThrow().skipped()).count();
        assertThat(next.counters().failed() + next.counters().skipped()).as("still failing on the next run")
                .isEqualTo(2);
        assertThat(next.counters().skipped()).as("those the repeated error made skipped").isEqualTo(skippedByIt);
    }

    @Test
    void restoreRecreatesEachDeletedSideFromItsSurvivor() {
        start("restore", "everyPass");
        deleteOneOnEachSide();

        SyncJob to = runBoth().get(0);
        assertThat(to.counters().inserted()).isEqualTo(2);
        assertThat(to.counters().failed()).isZero();
        assertThat(navRow(NAV_DELETED).get("Name"))
                .isEqualTo(app.sandbox().row("accounts", accountOfNavDeleted).orElseThrow().get("name"));
        assertThat(app.sandbox().row("accounts", accountDeleted)).as("the same Sales id").isPresent()
                .hasValueSatisfying(row -> assertThat(row.get("name")).isEqualTo(navRow(SALES_DELETED).get("Name")));

        List<SyncJob> again = runBoth();
        assertThat(again).allSatisfy(j -> assertThat(j.counters().inserted() + j.counters().modified()
                + j.counters().deleted() + j.counters().failed()).as("%s after the restore", j.direction()).isZero());
    }

    @Test
    void uncoupleRemovesBothCouplingsAndLeavesTheSurvivors() {
        start("uncouple", "everyPass");
        deleteOneOnEachSide();

        SyncJob to = runBoth().get(0);
        assertThat(to.counters().uncoupled()).isEqualTo(2);
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", NAV_DELETED)).isEmpty();
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", SALES_DELETED)).isEmpty();
        assertThat(app.sandbox().row("accounts", accountOfNavDeleted)).isPresent();
        assertThat(navRow(SALES_DELETED)).isNotNull();
    }

    @Test
    void propagateDeletesEachSurvivorAndItsPreviewSaidSoExactly() {
        start("propagate", "everyPass");
        deleteOneOnEachSide();
        app.sandbox().resetCounters();

        SynchronizationService.Preview preview = app.synchronization().preview("CUSTOMER", null, TIMEOUT);
        assertThat(app.sandbox().writeRequestCount()).as("the preview writes nothing").isZero();
        assertThat(app.sandbox().row("accounts", accountOfNavDeleted)).isPresent();
        assertThat(navRow(SALES_DELETED)).isNotNull();
        assertThat(preview.records()).extracting(PreviewRecord::navKey, PreviewRecord::salesId, PreviewRecord::action)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(NAV_DELETED, accountOfNavDeleted, "delete"),
                        org.assertj.core.groups.Tuple.tuple(SALES_DELETED, accountDeleted, "delete"));

        List<SyncJob> real = runBoth();
        for (int i = 0; i < real.size(); i++) {
            assertThat(real.get(i).counters()).as("%s: the run does what its preview said", real.get(i).direction())
                    .isEqualTo(preview.jobs().get(i).counters());
        }
        assertThat(real.get(0).counters().deleted()).isEqualTo(2);
        assertThat(app.sandbox().row("accounts", accountOfNavDeleted)).isEmpty();
        assertThat(navRow(SALES_DELETED)).isNull();
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", NAV_DELETED)).isEmpty();
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", SALES_DELETED)).isEmpty();
    }

    @Test
    void theSweepRunsAtItsCadence() {
        start("uncouple", "6h");
        deleteOneOnEachSide();

        // (the account of the deleted NAV record is still re-read by modifiedon's overlap, so only the NAV survivor,
        // which no pass reads again, shows the cadence)
        assertThat(runBoth().get(0).counters().uncoupled()).as("swept less than 6h ago by the first run").isZero();
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", SALES_DELETED)).isPresent();

        app.store().watermarks().set("CUSTOMER", CouplingSweep.WATERMARK, Instant.now().minus(Duration.ofHours(7)).toString());
        assertThat(runBoth().get(0).counters().uncoupled()).isEqualTo(1);
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", SALES_DELETED)).isEmpty();
    }

    @Test
    void aPolicyAgainstAOneWayMappingsDirectionFailsTheRecordInstead() {
        startEditing("currency.yaml", yaml -> yaml.replace("synchOnlyCoupledRecords: true",
                "synchOnlyCoupledRecords: true\ndeletionResolution: propagate\ndeletionSweep: everyPass"));
        UUID euro = sales.create("transactioncurrencies", Map.of("currencyname", "Euro", "isocurrencycode", "EUR",
                "currencysymbol", "€", "exchangerate", 0.9));
        UUID dollar = sales.create("transactioncurrencies", Map.of("currencyname", "US dollar", "isocurrencycode", "USD",
                "currencysymbol", "$", "exchangerate", 1.1));
        app.store().couplings().insertPending("CURRENCY", List.of(new navsync.state.CouplingStore.NewCoupling("EUR", null,
                euro), new navsync.state.CouplingStore.NewCoupling("USD", null, dollar)));
        assertThat(runCurrency().counters().failed()).isZero();
        sales.delete("transactioncurrencies", euro);
        new NavTables(app.nav()).execute("DELETE FROM [CRONUS International Ltd_$Currency] WHERE [Code] = 'USD'");

        SyncJob to = runCurrency();
        assertThat(to.counters().deleted()).as("NAV -> Sales may delete the Sales row").isEqualTo(1);
        assertThat(app.sandbox().row("transactioncurrencies", dollar)).isEmpty();
        assertThat(to.counters().failed()).isEqualTo(1);
        assertThat(app.store().jobs().errors(to.id())).singleElement().satisfies(e -> {
            assertThat(e.navKey()).isEqualTo("EUR");
            assertThat(e.message()).contains("deletionResolution: propagate would delete NAV Currency EUR, which mapping"
                    + " CURRENCY (ToIntegrationTable) does not allow");
        });
        assertThat(new NavTables(app.nav()).row("Currency", "Code", "EUR")).as("NAV's currency stays").isNotNull();
    }

    private SyncJob runCurrency() {
        List<SyncJob> jobs = app.synchronization().run("CURRENCY", null, TIMEOUT);
        assertThat(jobs).singleElement().satisfies(j -> assertThat(j.status()).as(j.message()).isEqualTo(SyncJob.SUCCEEDED));
        return jobs.get(0);
    }

    /** A first run couples the demo customers; then one record is deleted on each side, its survivor untouched. */
    private void deleteOneOnEachSide() {
        List<SyncJob> first = runBoth();
        assertThat(first).allSatisfy(j -> assertThat(j.counters().failed()).isZero());
        accountOfNavDeleted = salesId(NAV_DELETED);
        accountDeleted = salesId(SALES_DELETED);
        new NavTables(app.nav()).execute("DELETE FROM " + CUSTOMERS + " WHERE [No_] = '" + NAV_DELETED + "'");
        sales.delete("accounts", accountDeleted);
    }

    private void start(String deletions, String sweep) {
        startEditing("customer.yaml", yaml -> yaml.replace("deletionResolution: none",
                "deletionResolution: " + deletions + "\ndeletionSweep: " + sweep));
    }

    private void startEditing(String file, java.util.function.UnaryOperator<String> edit) {
        try {
            String yaml = edit.apply(Files.readString(Path.of("mappings", file)));
            try (var files = Files.list(Path.of("mappings"))) {
                for (Path each : files.toList()) {
                    Files.copy(each, mappings.resolve(each.getFileName()));
                }
            }
            Files.writeString(mappings.resolve(file), yaml);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        app = NavsyncTestApp.start(data, Map.of("navsync.mappings-dir", mappings.toString()));
        sales = new SalesRows(app.sandbox().organizationUrl());
    }

    private List<SyncJob> runBoth() {
        List<SyncJob> jobs = app.synchronization().run("CUSTOMER", null, TIMEOUT);
        assertThat(jobs).allSatisfy(j -> assertThat(j.status()).as(j.message()).isEqualTo(SyncJob.SUCCEEDED));
        return jobs;
    }

    private UUID salesId(String navKey) {
        return app.store().couplings().findByNavKey("CUSTOMER", navKey).orElseThrow().salesId();
    }

    private Map<String, Object> navRow(String key) {
        return new NavTables(app.nav()).row("Customer", "No_", key);
    }
}
