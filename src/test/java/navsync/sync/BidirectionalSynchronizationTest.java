package navsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.SkipPolicy;
import navsync.state.CouplingStore;
import navsync.state.SyncJob;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import navsync.testing.SalesRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CUSTOMER mapping both ways on the whole application: Sales edits reach NAV, new accounts become
 * customers, the fixed point, conflict and deletion policies, and NAV's field rules.
 */
class BidirectionalSynchronizationTest {

    private static final String CUSTOMERS = "[CRONUS International Ltd_$Customer]";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path data;
    @TempDir
    Path mappings;
    NavsyncTestApp app;
    SalesRows sales;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void salesEditsReachNavAndASecondRunWritesNothingEitherWay() throws Exception {
        start("none", "none");
        List<SyncJob> first = runBoth();
        assertThat(first).extracting(SyncJob::direction).containsExactly("ToIntegrationTable", "FromIntegrationTable");
        assertThat(first.get(1).counters().failed()).isZero();

        sales.update("accounts", salesId("20000"), Map.of("telephone1", "+44 113 496 0000", "address1_city", "Leeds"));
        List<SyncJob> second = runBoth();
        assertThat(second.get(0).counters().modified()).isZero();
        assertThat(second.get(1).counters().modified()).isEqualTo(1);
        assertThat(nav("20000", "Phone No_")).isEqualTo("+44 113 496 0000");
        assertThat(nav("20000", "City")).isEqualTo("Leeds");

        app.sandbox().resetCounters();
        List<SyncJob> third = runBoth();
        for (SyncJob job : third) {
            assertThat(job.counters().inserted() + job.counters().modified() + job.counters().failed())
                    .as("%s changes nothing", job.direction()).isZero();
        }
        assertThat(app.sandbox().writeRequestCount()).as("no write reaches Sales").isZero();
    }

    @Test
    void aNewAccountBecomesACustomerWithNavBlanksDefaultsAndTheNumberSeries() throws Exception {
        start("none", "none");
        runBoth();
        UUID account = sales.create("accounts", Map.of("name", "Fabrikam Sales Ltd", "telephone1", "+44 20 7946 0000",
                "address1_postalcode", "w1 2ab", "customertypecode", 3));

        List<SyncJob> jobs = runBoth();
        assertThat(jobs.get(1).counters().inserted()).isEqualTo(1);
        String key = app.store().couplings().findBySalesId("CUSTOMER", account).orElseThrow().navKey();
        assertThat(key).isEqualTo("CUST-0001");
        Map<String, Object> row = navRow(key);
        assertThat(row.get("Name")).isEqualTo("Fabrikam Sales Ltd");
        assertThat(row.get("Search Name")).isEqualTo("FABRIKAM SALES LTD");
        assertThat(row.get("Post Code")).as("Code fields are upper case").isEqualTo("W1 2AB");
        assertThat(row.get("Customer Posting Group")).as("navDefaults").isEqualTo("DOMESTIC");
        assertThat(row.get("Address 2")).as("NAV blank").isEqualTo("");
        assertThat(row.get("Blocked")).isEqualTo(0);
        assertThat(row.get("Last Date Modified").toString()).isEqualTo("1753-01-01");

        app.sandbox().resetCounters();
        List<SyncJob> again = runBoth();
        assertThat(again).allSatisfy(j -> assertThat(j.counters().inserted() + j.counters().modified()).isZero());
        assertThat(app.sandbox().writeRequestCount()).isZero();
    }

    @Test
    void newAccountsReadAgainOnALaterPageAfterTheirNumberWasWrittenBackAreCountedOnce() throws Exception {
        start("none", "none");
        runBoth();
        Thread.sleep(2100); // past the re-read overlap of the last pass's watermark (modifiedon has whole seconds)
        int accounts = 5100; // more than a page (5,000): the numbers written back move page 1's rows behind page 2
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            rows.add(Map.of("name", "Paged Account " + i, "customertypecode", 3));
        }
        sales.createMultiple("accounts", "account", rows);

        SyncJob from = app.synchronization().run("CUSTOMER", Direction.FromIntegrationTable, TIMEOUT).get(0);
        assertThat(from.counters().inserted()).isEqualTo(accounts);
        // at most the demo's 17 accounts, which the watermark's one-second overlap reads again
        assertThat(from.counters().unchanged()).as("each new customer counted once: %s", from.counters())
                .isLessThanOrEqualTo(17);
        assertThat(app.store().couplings().count("CUSTOMER")).isEqualTo(17 + accounts);
    }

    @Test
    void aTooLongCodeFromSalesFailsThatRecordAloneWithAClearMessage() throws Exception {
        start("none", "none");
        runBoth();
        sales.update("accounts", salesId("10000"), Map.of("address1_country", "United Kingdom of Great Britain"));
        sales.update("accounts", salesId("20000"), Map.of("telephone1", "+44 24 7649 9999"));

        SyncJob from = runBoth().get(1);
        assertThat(from.counters().failed()).isEqualTo(1);
        assertThat(from.counters().modified()).isEqualTo(1);
        assertThat(app.store().jobs().errors(from.id())).singleElement().satisfies(e -> {
            assertThat(e.navKey()).isEqualTo("10000");
            assertThat(e.message()).contains("Country/Region Code").contains("Code[10]").contains("UNITED KINGDOM OF GREAT BRITAIN");
        });
        assertThat(nav("10000", "Country_Region Code")).isEqualTo("GB");
        assertThat(nav("20000", "Phone No_")).isEqualTo("+44 24 7649 9999");
    }

    @Test
    void conflictNoneFailsTheRecordNamingTheFieldsAndLeavesBothSides() throws Exception {
        start("none", "none");
        runBoth();
        editBothSides("20000", "+44 1 NAV", "+44 2 SALES");

        List<SyncJob> jobs = runBoth();
        assertThat(jobs.get(0).counters().failed()).isEqualTo(1);
        assertThat(app.store().jobs().errors(jobs.get(0).id())).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("conflict").contains("telephone1"));
        assertThat(nav("20000", "Phone No_")).isEqualTo("+44 1 NAV");
        assertThat(sales.get("accounts", salesId("20000")).path("telephone1").asText()).isEqualTo("+44 2 SALES");
    }

    @Test
    void conflictNavWinsWritesNavsValueToSales() throws Exception {
        start("navWins", "none");
        runBoth();
        editBothSides("20000", "+44 1 NAV", "+44 2 SALES");
        assertNoFailures(runBoth());
        assertThat(nav("20000", "Phone No_")).isEqualTo("+44 1 NAV");
        assertThat(sales.get("accounts", salesId("20000")).path("telephone1").asText()).isEqualTo("+44 1 NAV");
    }

    @Test
    void conflictSalesWinsWritesSalesValueToNav() throws Exception {
        start("salesWins", "none");
        runBoth();
        editBothSides("20000", "+44 1 NAV", "+44 2 SALES");
        assertNoFailures(runBoth());
        assertThat(nav("20000", "Phone No_")).isEqualTo("+44 2 SALES");
        assertThat(sales.get("accounts", salesId("20000")).path("telephone1").asText()).isEqualTo("+44 2 SALES");
    }

    @Test
    void mergeLandsDisjointEditsOnBothSides() throws Exception {
        start("merge", "none");
        runBoth();
        execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44 1 NAV' WHERE [No_] = '20000'");
        sales.update("accounts", salesId("20000"), Map.of("address1_city", "Leeds"));

        assertNoFailures(runBoth());
        assertThat(nav("20000", "Phone No_")).isEqualTo("+44 1 NAV");
        assertThat(nav("20000", "City")).isEqualTo("Leeds");
        assertThat(sales.get("accounts", salesId("20000")).path("telephone1").asText()).isEqualTo("+44 1 NAV");
        assertThat(sales.get("accounts", salesId("20000")).path("address1_city").asText()).isEqualTo("Leeds");
    }

    @Test
    void mergeOfAnOverlappingEditFallsBackToTheConfiguredWinner() throws Exception {
        startWith("merge", "none", "mergeFallback: salesWins\n");
        runBoth();
        execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44 1 NAV', [E-Mail] = 'nav@example.com' WHERE [No_] = '20000'");
        sales.update("accounts", salesId("20000"), Map.of("telephone1", "+44 2 SALES"));

        assertNoFailures(runBoth());
        assertThat(nav("20000", "Phone No_")).isEqualTo("+44 2 SALES");
        assertThat(nav("20000", "E-Mail")).isEqualTo("nav@example.com");
        assertThat(sales.get("accounts", salesId("20000")).path("telephone1").asText()).isEqualTo("+44 2 SALES");
        assertThat(sales.get("accounts", salesId("20000")).path("emailaddress1").asText()).isEqualTo("nav@example.com");
    }

    @Test
    void deletionNoneFailsTheSurvivor() throws Exception {
        start("none", "none");
        runBoth();
        UUID account = salesId("20000");
        sales.delete("accounts", account);
        execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44 1 NAV' WHERE [No_] = '20000'");

        SyncJob to = runBoth().get(0);
        assertThat(to.counters().failed()).isEqualTo(1);
        assertThat(app.store().jobs().errors(to.id())).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("deleted"));
        assertThat(app.sandbox().row("accounts", account)).isEmpty();
        assertThat(navRowOrNull("20000")).isNotNull();
    }

    @Test
    void deletionRestoreRecreatesTheDeletedSide() throws Exception {
        start("none", "restore");
        runBoth();
        UUID account = salesId("20000");
        sales.delete("accounts", account);
        execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44 1 NAV' WHERE [No_] = '20000'");
        assertNoFailures(runBoth());
        assertThat(app.sandbox().row("accounts", salesId("20000")).orElseThrow().get("telephone1")).isEqualTo("+44 1 NAV");

        UUID other = salesId("30000");
        execute("DELETE FROM " + CUSTOMERS + " WHERE [No_] = '30000'");
        sales.update("accounts", other, Map.of("address1_city", "York"));
        assertNoFailures(runBoth());
        assertThat(nav("30000", "City")).isEqualTo("York");
        assertThat(nav("30000", "Name")).isEqualTo(app.sandbox().row("accounts", other).orElseThrow().get("name"));
    }

    @Test
    void deletionUncoupleRemovesOnlyTheCoupling() throws Exception {
        start("none", "uncouple");
        runBoth();
        sales.delete("accounts", salesId("20000"));
        execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44 1 NAV' WHERE [No_] = '20000'");
        SyncJob to = runBoth().get(0);
        assertThat(to.counters().uncoupled()).isEqualTo(1);
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "20000")).isEmpty();
        assertThat(navRowOrNull("20000")).isNotNull();
    }

    @Test
    void deletionPropagateDeletesTheSurvivor() throws Exception {
        start("none", "propagate");
        runBoth();
        sales.delete("accounts", salesId("20000"));
        execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44 1 NAV' WHERE [No_] = '20000'");
        assertThat(runBoth().get(0).counters().deleted()).isEqualTo(1);
        assertThat(navRowOrNull("20000")).isNull();

        UUID other = salesId("30000");
        execute("DELETE FROM " + CUSTOMERS + " WHERE [No_] = '30000'");
        sales.update("accounts", other, Map.of("address1_city", "York"));
        assertThat(runBoth().get(1).counters().deleted()).isEqualTo(1);
        assertThat(app.sandbox().row("accounts", other)).isEmpty();
    }

    @Test
    void aPreviewReportsWhatTheRunThenDoesAndWritesNothing() throws Exception {
        start("none", "none");
        runBoth();
        execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44 1 NAV' WHERE [No_] = '20000'");
        sales.update("accounts", salesId("30000"), Map.of("address1_city", "York"));
        sales.update("accounts", salesId("10000"), Map.of("address1_country", "United Kingdom of Great Britain"));
        editBothSides("40000", "+44 4 NAV", "+44 4 SALES");
        UUID created = sales.create("accounts", Map.of("name", "Preview Ltd", "customertypecode", 3));
        app.sandbox().resetCounters();
        String watermark = app.store().watermarks().get("CUSTOMER", "FromIntegrationTable").orElseThrow();

        SynchronizationService.Preview preview = app.synchronization().preview("CUSTOMER", null, TIMEOUT);

        assertThat(app.sandbox().writeRequestCount()).as("a preview writes nothing to Sales").isZero();
        assertThat(nav("30000", "City")).as("nor to NAV").isNotEqualTo("York");
        assertThat(app.store().couplings().findBySalesId("CUSTOMER", created)).as("nor couplings").isEmpty();
        assertThat(app.store().watermarks().get("CUSTOMER", "FromIntegrationTable")).contains(watermark);
        assertThat(preview.records()).anySatisfy(r -> {
            assertThat(r.pass()).isEqualTo("ToIntegrationTable");
            assertThat(r.navKey()).isEqualTo("20000");
            assertThat(r.action()).isEqualTo("modify");
            assertThat(r.toSales().path("telephone1").asText()).isEqualTo("+44 1 NAV");
        });
        assertThat(preview.records()).anySatisfy(r -> {
            assertThat(r.navKey()).isEqualTo("30000");
            assertThat(r.action()).isEqualTo("modify");
            assertThat(r.toNav().path("values").path("City").asText()).isEqualTo("York");
        });
        assertThat(preview.records()).anySatisfy(r -> {
            assertThat(r.salesId()).isEqualTo(created);
            assertThat(r.action()).isEqualTo("insert");
            assertThat(r.toNav().path("change").asText()).isEqualTo("insert");
        });
        assertThat(preview.records()).anySatisfy(r -> {
            assertThat(r.navKey()).isEqualTo("10000");
            assertThat(r.action()).isEqualTo("fail");
            assertThat(r.message()).contains("Country/Region Code");
        });
        assertThat(preview.records()).anySatisfy(r -> {
            assertThat(r.navKey()).isEqualTo("40000");
            assertThat(r.action()).isEqualTo("fail");
            assertThat(r.message()).contains("conflict");
        });

        List<SyncJob> real = runBoth();
        for (int i = 0; i < real.size(); i++) {
            assertThat(real.get(i).counters()).as("%s: the run does what its preview said", real.get(i).direction())
                    .isEqualTo(preview.jobs().get(i).counters());
        }
        assertThat(nav("30000", "City")).isEqualTo("York");
        assertThat(sales.get("accounts", salesId("20000")).path("telephone1").asText()).isEqualTo("+44 1 NAV");
    }

    @Test
    void transformationsShapeTheValuesBothWaysAndKeepTheFixedPoint() throws Exception {
        startEditing(yaml -> replaceOnce(replaceOnce(replaceOnce(yaml,
                "  - nav: Name\n    sales: name\n", "  - nav: Name\n    sales: name\n    transform:\n      - maxLength: 12\n"),
                "  - nav: Phone No.\n    sales: telephone1\n", "  - nav: Phone No.\n    sales: telephone1\n    transform:\n"
                        + "      - regex: { pattern: \"[^0-9+]\", replacement: \"\" }\n"),
                "  - nav: E-Mail\n    sales: emailaddress1\n", "  - nav: E-Mail\n    sales: emailaddress1\n    transform: [trim, lower]\n"
                        + "  - nav: Credit Limit (LCY)\n    sales: description\n    direction: ToIntegrationTable\n"
                        + "    transform:\n      - numberFormat: \"#,##0.00\"\n      - replace: { from: \",\", to: \"'\" }\n"
                        + "  - nav: Last Date Modified\n    sales: address1_postofficebox\n    direction: ToIntegrationTable\n"
                        + "    transform:\n      - dateFormat: dd.MM.yyyy\n"));
        execute("UPDATE " + CUSTOMERS + " SET [E-Mail] = '  Info@Cannon.EXAMPLE ', [Credit Limit (LCY)] = 1234567.5"
                + " WHERE [No_] = '10000'");
        assertNoFailures(runBoth());

        var account = sales.get("accounts", salesId("10000"));
        assertThat(account.path("name").asText()).isEqualTo("The Cannon G");
        assertThat(account.path("telephone1").asText()).isEqualTo("+441214960100");
        assertThat(account.path("emailaddress1").asText()).isEqualTo("info@cannon.example");
        assertThat(account.path("description").asText()).isEqualTo("1'234'567.50");
        assertThat(account.path("address1_postofficebox").asText()).isEqualTo("20.01.2017");
        assertThat(nav("10000", "Name")).as("NAV keeps its longer name: the cut value is no change")
                .isEqualTo("The Cannon Group PLC");

        sales.update("accounts", salesId("10000"), Map.of("telephone1", "+44 (0) 121 496 0199"));
        assertNoFailures(runBoth());
        assertThat(nav("10000", "Phone No_")).as("the Sales value, transformed on its way to NAV").isEqualTo("+4401214960199");

        List<SyncJob> again = runBoth();
        assertThat(again).allSatisfy(j -> assertThat(j.counters().inserted() + j.counters().modified())
                .as("%s: transformed values are in step", j.direction()).isZero());
    }

    @Test
    void navsyncsOwnWriteToAnAttributeReadByAnotherPairIsNoSalesChange() throws Exception {
        start("none", "none");
        runBoth();
        for (String name : List.of("Cannon Group One", "Cannon Group Two", "Cannon Group Three")) {
            execute("UPDATE " + CUSTOMERS + " SET [Name] = '" + name + "' WHERE [No_] = '10000'");
            SyncJob to = run(Direction.ToIntegrationTable);
            assertThat(to.counters().failed()).as("%s: %s", name, app.store().jobs().errors(to.id())).isZero();
            assertThat(sales.get("accounts", salesId("10000")).path("name").asText()).isEqualTo(name);
            assertThat(nav("10000", "Search Name")).as("the pair reading name follows navsync's write in the same pass")
                    .isEqualTo(name.toUpperCase());
        }
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "10000").orElseThrow().skipped()).isFalse();
        app.sandbox().resetCounters();
        List<SyncJob> again = runBoth();
        assertThat(again).allSatisfy(j -> assertThat(j.counters().inserted() + j.counters().modified()
                + j.counters().failed()).as("%s changes nothing", j.direction()).isZero());
        assertThat(app.sandbox().writeRequestCount()).isZero();
    }

    @Test
    void navsyncsOwnWriteToANavFieldReadByAnotherPairIsNoNavChange() throws Exception {
        // Name is written from Sales name and read by a To pair into description
        startEditing(yaml -> replaceOnce(yaml, "  - nav: Contact\n", "  - nav: Name\n    sales: description\n"
                + "    direction: ToIntegrationTable\n  - nav: Contact\n"));
        assertNoFailures(runBoth());
        for (String name : List.of("Sales Name One", "Sales Name Two", "Sales Name Three")) {
            sales.update("accounts", salesId("20000"), Map.of("name", name));
            SyncJob from = run(Direction.FromIntegrationTable);
            assertThat(from.counters().failed()).as("%s: %s", name, app.store().jobs().errors(from.id())).isZero();
            assertThat(nav("20000", "Name")).isEqualTo(name);
            assertThat(sales.get("accounts", salesId("20000")).path("description").asText())
                    .as("the pair reading NAV's Name follows navsync's write in the same pass").isEqualTo(name);
        }
        app.sandbox().resetCounters();
        List<SyncJob> again = runBoth();
        assertThat(again).allSatisfy(j -> assertThat(j.counters().inserted() + j.counters().modified()
                + j.counters().failed()).as("%s changes nothing", j.direction()).isZero());
        assertThat(app.sandbox().writeRequestCount()).isZero();
    }

    @Test
    void aRecordFailingInABatchKeepsItsBaselineAndTheOthersFollowWhatNavsyncWrote() throws Exception {
        start("none", "none");
        runBoth();
        // a widened NAV Name (a customized database): a name too long for Sales fails that record alone
        execute("ALTER TABLE " + CUSTOMERS + " ALTER COLUMN [Name] NVARCHAR(250) NOT NULL");
        execute("UPDATE " + CUSTOMERS + " SET [Name] = 'The Cannon Group PLC " + "x".repeat(180) + "' WHERE [No_] = '10000'");
        execute("UPDATE " + CUSTOMERS + " SET [Name] = 'Selangorian One' WHERE [No_] = '20000'");
        String failingBaseline = baseline("10000");

        SyncJob to = run(Direction.ToIntegrationTable);
        assertThat(to.counters().failed()).isEqualTo(1);
        assertThat(to.counters().modified()).isEqualTo(1);
        assertThat(baseline("10000")).as("the failed record's baseline does not move").isEqualTo(failingBaseline);
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "20000").orElseThrow().syncedValues())
                .contains("\"Name>name\":\"Selangorian One\"").contains("\"Search Name>name\":\"SELANGORIAN ONE\"");

        execute("UPDATE " + CUSTOMERS + " SET [Name] = 'The Cannon Group Two' WHERE [No_] = '10000'");
        execute("UPDATE " + CUSTOMERS + " SET [Name] = 'Selangorian Two' WHERE [No_] = '20000'");
        to = run(Direction.ToIntegrationTable);
        assertThat(to.counters().failed()).as("%s", app.store().jobs().errors(to.id())).isZero();
        assertThat(to.counters().modified()).isEqualTo(2);
        assertThat(nav("10000", "Search Name")).isEqualTo("THE CANNON GROUP TWO");
        assertThat(nav("20000", "Search Name")).isEqualTo("SELANGORIAN TWO");
        List<SyncJob> again = runBoth();
        assertThat(again).allSatisfy(j -> assertThat(j.counters().inserted() + j.counters().modified()
                + j.counters().failed()).as("%s changes nothing", j.direction()).isZero());
    }

    @Test
    void aSalesCodeOfOnlySpacesIsNavsBlankAndIsNotWrittenBack() throws Exception {
        start("none", "none");
        runBoth();
        sales.update("accounts", salesId("20000"), Map.of("address1_postalcode", "   "));
        assertNoFailures(runBoth());
        assertThat(nav("20000", "Post Code")).isEqualTo("");

        execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44 1 NAV' WHERE [No_] = '20000'");
        assertNoFailures(runBoth());
        var account = sales.get("accounts", salesId("20000"));
        assertThat(account.path("telephone1").asText()).isEqualTo("+44 1 NAV");
        assertThat(account.path("address1_postalcode").asText()).as("NAV's blank is the same value: nothing written back")
                .isEqualTo("   ");
        app.sandbox().resetCounters();
        runBoth();
        assertThat(app.sandbox().writeRequestCount()).isZero();
    }

    @Test
    void aRecordThatAFailureSkipsCountsAsSkippedInThatJob() throws Exception {
        start("none", "none");
        runBoth();
        execute("ALTER TABLE " + CUSTOMERS + " ALTER COLUMN [Name] NVARCHAR(250) NOT NULL");
        execute("UPDATE " + CUSTOMERS + " SET [Name] = 'The Cannon Group PLC " + "x".repeat(180) + "' WHERE [No_] = '10000'");
        for (int run = 1; run < 3; run++) {
            SyncJob to = run(Direction.ToIntegrationTable);
            assertThat(to.counters().failed()).isEqualTo(1);
            assertThat(to.counters().skipped()).isZero();
        }
        SyncJob skipping = run(Direction.ToIntegrationTable); // the third failure (navsync.sync.skip-after-failures=3)
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "10000").orElseThrow().skipped()).isTrue();
        assertThat(skipping.counters().skipped()).as("the record this job skipped").isEqualTo(1);
        assertThat(skipping.counters().failed()).as("a skipped record is not also failed").isZero();
        assertThat(app.store().jobs().errors(skipping.id())).singleElement()
                .satisfies(e -> assertThat(e.navKey()).isEqualTo("10000"));

        execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44 1 NAV' WHERE [No_] IN ('10000', '20000')");
        SyncJob after = run(Direction.ToIntegrationTable);
        assertThat(after.counters().skipped()).isEqualTo(1);
        assertThat(after.counters().modified()).isEqualTo(1);
        assertThat(after.counters().failed()).isZero();
    }

    @Test
    void aRecordCoupledToAnExistingRowCountsAsModifiedNotInserted() throws Exception {
        start("none", "none");
        runBoth();
        UUID account = salesId("20000");
        // Set Up Coupling to the existing account: a pending coupling, which the next pass synchronizes
        app.store().inTransaction(c -> app.store().couplings().applyOutcomes(c, "CUSTOMER", Direction.ToIntegrationTable,
                null, SkipPolicy.NEVER, List.of(new CouplingStore.Uncoupled("20000"))));
        app.store().couplings().insertPending("CUSTOMER", List.of(new CouplingStore.NewCoupling("20000", null, account)));
        execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44 1 NAV' WHERE [No_] = '20000'");
        int accounts = app.sandbox().rows("accounts").size();

        SyncJob to = run(Direction.ToIntegrationTable);
        assertThat(to.counters().inserted()).as("no row was inserted").isZero();
        assertThat(to.counters().modified()).isEqualTo(1);
        assertThat(app.sandbox().rows("accounts")).hasSize(accounts);
        assertThat(sales.get("accounts", account).path("telephone1").asText()).isEqualTo("+44 1 NAV");
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "20000").orElseThrow().isPending()).isFalse();
    }

    @Test
    void aDecimalWithMorePlacesThanTheSalesColumnIsRoundedWithAWarningInTheJob() throws Exception {
        start("none", "none");
        runBoth();
        execute("UPDATE " + CUSTOMERS + " SET [Credit Limit (LCY)] = 1234.56789012345678 WHERE [No_] = '20000'");

        SyncJob to = run(Direction.ToIntegrationTable);
        assertThat(to.counters().modified()).isEqualTo(1);
        assertThat(to.counters().failed()).isZero();
        assertThat(sales.get("accounts", salesId("20000")).path("creditlimit").decimalValue())
                .isEqualByComparingTo("1234.57");
        assertThat(app.store().jobs().errors(to.id())).singleElement().satisfies(e -> {
            assertThat(e.navKey()).isEqualTo("20000");
            assertThat(e.message()).startsWith("warning:").contains("Credit Limit (LCY)").contains("1234.56789012345678")
                    .contains("account.creditlimit").contains("(2)").contains("1234.57");
        });

        app.sandbox().resetCounters();
        execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44 1 NAV' WHERE [No_] = '20000'");
        SyncJob again = run(Direction.ToIntegrationTable);
        assertThat(app.store().jobs().errors(again.id())).as("the rounded value is in step: not written again").isEmpty();
        assertThat(again.counters().modified()).isEqualTo(1);
    }

    @Test
    void roundingFailFailsTheRecordNamingTheValueAndThePrecision() throws Exception {
        startEditing(yaml -> replaceOnce(yaml, "    sales: creditlimit\n", "    sales: creditlimit\n    rounding: fail\n"));
        runBoth();
        execute("UPDATE " + CUSTOMERS + " SET [Credit Limit (LCY)] = 1234.567 WHERE [No_] IN ('20000', '30000')");
        execute("UPDATE " + CUSTOMERS + " SET [Credit Limit (LCY)] = 1234.5 WHERE [No_] = '40000'");

        SyncJob to = run(Direction.ToIntegrationTable);
        assertThat(to.counters().failed()).isEqualTo(2);
        assertThat(to.counters().modified()).as("a value Sales holds exactly").isEqualTo(1);
        assertThat(app.store().jobs().errors(to.id())).hasSize(2).allSatisfy(e -> assertThat(e.message())
                .contains("Credit Limit (LCY) 1234.567").contains("account.creditlimit holds (2)").contains("rounding: fail"));
        assertThat(sales.get("accounts", salesId("20000")).path("creditlimit").decimalValue())
                .isNotEqualByComparingTo("1234.57");
    }

    @Test
    void aRecordWhoseNavWriteFailsAfterItsSalesWriteLandedKeepsWhatSalesGot() throws Exception {
        start("none", "none");
        runBoth();
        // NAV refuses this Search Name at the write (a constraint), after the Sales write of the new name landed
        execute("ALTER TABLE " + CUSTOMERS + " ADD CONSTRAINT no_broken CHECK ([Search Name] <> 'BROKEN LTD')");
        execute("UPDATE " + CUSTOMERS + " SET [Name] = 'Broken Ltd' WHERE [No_] = '20000'");
        SyncJob to = run(Direction.ToIntegrationTable);
        assertThat(to.counters().failed()).isEqualTo(1);
        assertThat(sales.get("accounts", salesId("20000")).path("name").asText()).isEqualTo("Broken Ltd");

        execute("ALTER TABLE " + CUSTOMERS + " DROP CONSTRAINT no_broken");
        execute("UPDATE " + CUSTOMERS + " SET [Name] = 'Mended Ltd' WHERE [No_] = '20000'");
        to = run(Direction.ToIntegrationTable);
        assertThat(to.counters().failed()).as("navsync's own Sales write is no Sales change: %s",
                app.store().jobs().errors(to.id())).isZero();
        assertThat(sales.get("accounts", salesId("20000")).path("name").asText()).isEqualTo("Mended Ltd");
        assertThat(nav("20000", "Search Name")).isEqualTo("MENDED LTD");
    }

    private String baseline(String navKey) {
        return app.store().couplings().findByNavKey("CUSTOMER", navKey).orElseThrow().syncedValues();
    }

    private static String replaceOnce(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    private void start(String conflicts, String deletions) throws Exception {
        startWith(conflicts, deletions, "");
    }

    private void startWith(String conflicts, String deletions, String extra) throws Exception {
        startEditing(yaml -> yaml.replace("conflictResolution: none", "conflictResolution: " + conflicts + "\n" + extra)
                .replace("deletionResolution: none", "deletionResolution: " + deletions));
    }

    private void startEditing(java.util.function.UnaryOperator<String> edit) throws Exception {
        String yaml = edit.apply(Files.readString(Path.of("mappings/customer.yaml")));
        try (var files = Files.list(Path.of("mappings"))) {
            for (Path file : files.toList()) {
                Files.copy(file, mappings.resolve(file.getFileName()));
            }
        }
        Files.writeString(mappings.resolve("customer.yaml"), yaml);
        app = NavsyncTestApp.start(data, Map.of("navsync.mappings-dir", mappings.toString()));
        sales = new SalesRows(app.sandbox().organizationUrl());
    }

    private List<SyncJob> runBoth() {
        List<SyncJob> jobs = app.synchronization().run("CUSTOMER", null, TIMEOUT);
        assertThat(jobs).allSatisfy(j -> assertThat(j.status()).as(j.message()).isEqualTo(SyncJob.SUCCEEDED));
        return jobs;
    }

    private SyncJob run(navsync.mapping.Direction pass) {
        List<SyncJob> jobs = app.synchronization().run("CUSTOMER", pass, TIMEOUT);
        assertThat(jobs).singleElement().satisfies(j -> assertThat(j.status()).as(j.message()).isEqualTo(SyncJob.SUCCEEDED));
        return jobs.get(0);
    }

    private void editBothSides(String key, String navPhone, String salesPhone) throws Exception {
        execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '" + navPhone + "' WHERE [No_] = '" + key + "'");
        sales.update("accounts", salesId(key), Map.of("telephone1", salesPhone));
    }

    private void assertNoFailures(List<SyncJob> jobs) {
        for (SyncJob job : jobs) {
            assertThat(job.counters().failed()).as("%s errors: %s", job.direction(), app.store().jobs().errors(job.id()))
                    .isZero();
        }
    }

    private UUID salesId(String navKey) {
        return app.store().couplings().findByNavKey("CUSTOMER", navKey).orElseThrow().salesId();
    }

    private Object nav(String key, String column) {
        return navRow(key).get(column);
    }

    private Map<String, Object> navRow(String key) {
        Map<String, Object> row = navRowOrNull(key);
        assertThat(row).as("NAV customer %s", key).isNotNull();
        return row;
    }

    private Map<String, Object> navRowOrNull(String key) {
        return new NavTables(app.nav()).row("Customer", "No_", key);
    }

    private void execute(String sql) {
        new NavTables(app.nav()).execute(sql);
    }
}
