package navsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import navsync.mapping.Direction;
import navsync.nav.demo.SyntheticCustomers;
import navsync.testing.ApiClient;
import navsync.testing.ApiClient.Answer;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import navsync.testing.SalesRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coupling procedures on lists and whole mappings over HTTP, against the sandbox: the preview
 * before coupling, uncoupling a list or a mapping, Create in Sales / Create from Sales, match-based
 * coupling, and Synchronize Now of 1,000 records in bulk.
 */
class CouplingProceduresTest {

    private static final int MAX_RECORDS = 1000;

    @TempDir
    Path data;
    NavsyncTestApp app;
    ApiClient api;
    SalesRows sales;
    NavTables nav;

    @BeforeEach
    void start() {
        app = NavsyncTestApp.start(data, Map.of("navsync.api.max-records", Integer.toString(MAX_RECORDS)));
        api = new ApiClient(app);
        sales = new SalesRows(app.sandbox().organizationUrl());
        nav = new NavTables(app.nav());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void previewShowsTheCoupledFieldsSideBySideAndWritesNothing() {
        UUID row = sales.create("accounts", Map.of("name", "The Cannon Group (old name)", "telephone1", "+44 121 496 0100",
                "address1_city", "Solihull", "customertypecode", 3));
        Answer toSales = api.call("POST", "/api/mappings/CUSTOMER/records/10000/coupling/preview",
                Map.of("salesName", "The Cannon", "synchronize", "ToIntegrationTable"));
        assertThat(toSales.status()).as(toSales.body().toString()).isEqualTo(200);
        assertThat(toSales.body().path("salesId").asText()).isEqualTo(row.toString());
        assertThat(toSales.body().path("refused").isNull()).isTrue();
        Map<String, JsonNode> fields = byField(toSales.body());
        assertThat(fields.get("Name>name").path("navValue").asText()).isEqualTo("The Cannon Group PLC");
        assertThat(fields.get("Name>name").path("salesValue").asText()).isEqualTo("The Cannon Group (old name)");
        assertThat(fields.get("Name>name").path("wins").asText()).isEqualTo("NAV");
        assertThat(fields.get("City>address1_city").path("wins").asText()).isEqualTo("NAV");
        assertThat(fields.get("Phone No.>telephone1").path("same").asBoolean()).isTrue();
        assertThat(fields.get("Phone No.>telephone1").path("wins").isNull()).isTrue();
        // NAV -> Sales after coupling writes the Sales row only: Search Name (From only) is left alone
        assertThat(fields.get("Search Name>name").path("wins").isNull()).isTrue();
        assertThat(fields.get("No.>accountnumber").path("wins").asText()).isEqualTo("NAV");
        assertThat(fields.get("Salesperson Code>ownerid").path("navCode").asText()).isEqualTo("PS");
        assertThat(fields.get("Salesperson Code>ownerid").path("note").asText())
                .contains("PS is not coupled (mapping SALESPEOPLE)");

        Map<String, JsonNode> fromSales = byField(api.call("POST", "/api/mappings/CUSTOMER/records/10000/coupling/preview",
                Map.of("salesId", row.toString(), "synchronize", "FromIntegrationTable")).body());
        assertThat(fromSales.get("Name>name").path("wins").asText()).isEqualTo("Sales");
        assertThat(fromSales.get("Search Name>name").path("wins").asText()).isEqualTo("Sales");
        assertThat(fromSales.get("City>address1_city").path("wins").asText()).isEqualTo("Sales");
        assertThat(fromSales.get("No.>accountnumber").path("wins").asText()).as("To only: NAV's value").isEqualTo("NAV");

        Answer none = api.call("POST", "/api/mappings/CUSTOMER/records/10000/coupling/preview",
                Map.of("salesId", row.toString(), "synchronize", "none"));
        assertThat(none.body().path("synchronize").asText()).isEqualTo("none");
        assertThat(byField(none.body()).get("Name>name").path("wins").isNull()).isTrue();

        assertThat(app.store().couplings().count("CUSTOMER")).as("a preview couples nothing").isZero();
        assertThat(sales.get("accounts", row).path("name").asText()).isEqualTo("The Cannon Group (old name)");
        assertThat(nav.row("Customer", "No_", "10000").get("Name")).isEqualTo("The Cannon Group PLC");

        api.call("POST", "/api/mappings/CUSTOMER/records/20000/coupling", Map.of("salesId", row.toString(),
                "synchronize", "none"));
        Answer refused = api.call("POST", "/api/mappings/CUSTOMER/records/10000/coupling/preview",
                Map.of("salesId", row.toString()));
        assertThat(refused.body().path("refused").asText()).contains("already coupled to NAV Customer 20000");
    }

    @Test
    void uncoupleAListByEitherSideAndAWholeMapping() {
        app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, Duration.ofMinutes(2));
        int coupled = app.store().couplings().count("CUSTOMER");
        assertThat(coupled).isEqualTo(17);

        Answer byKeys = api.call("POST", "/api/mappings/CUSTOMER/records/uncouple",
                Map.of("keys", List.of("10000", "20000", "60000")));
        assertThat(byKeys.status()).as(byKeys.body().toString()).isEqualTo(200);
        assertThat(byKeys.body().path("uncoupled").asInt()).isEqualTo(2);
        assertThat(texts(byKeys.body().path("notCoupled"))).containsExactly("60000");

        UUID of30000 = app.store().couplings().findByNavKey("CUSTOMER", "30000").orElseThrow().salesId();
        Answer byIds = api.call("POST", "/api/mappings/CUSTOMER/records/uncouple",
                Map.of("salesIds", List.of(of30000.toString())));
        assertThat(byIds.body().path("uncoupled").asInt()).isEqualTo(1);
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "30000")).isEmpty();

        Answer all = api.call("POST", "/api/mappings/CUSTOMER/records/uncouple", Map.of("all", true));
        assertThat(all.body().path("uncoupled").asInt()).isEqualTo(coupled - 3);
        assertThat(app.store().couplings().count("CUSTOMER")).isZero();
        assertThat(app.sandbox().rows("accounts")).as("uncoupling deletes no row").hasSize(17);
    }

    @Test
    void createInSalesAndFromSalesForListsCountCoupledOnesSkipped() {
        JsonNode coupled = api.call("POST", "/api/mappings/CUSTOMER/records/10000/coupling",
                Map.of("createNew", true)).body();
        api.waitForSuccess(coupled.path("jobId").asText());
        int rowsBefore = app.sandbox().rowCount("accounts");

        Answer created = api.call("POST", "/api/mappings/CUSTOMER/records/create-in-sales",
                Map.of("keys", List.of("10000", "20000", "30000")));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
        assertThat(created.body().path("toCreate").asInt()).isEqualTo(2);
        assertThat(created.body().path("skipped").asInt()).isEqualTo(1);
        JsonNode job = api.waitForSuccess(created.body().path("jobId").asText());
        assertThat(job.path("inserted").asInt()).isEqualTo(2);
        assertThat(job.path("skipped").asInt()).isEqualTo(1);
        assertThat(app.sandbox().rowCount("accounts")).isEqualTo(rowsBefore + 2);
        UUID of20000 = app.store().couplings().findByNavKey("CUSTOMER", "20000").orElseThrow().salesId();
        assertThat(sales.get("accounts", of20000).path("name").asText()).isEqualTo("Selangorian Ltd.");

        // synchOnlyCoupledRecords: true (SALESPEOPLE) does not stop Create from Sales
        UUID user = sales.create("systemusers", Map.of("domainname", "ann@cronus.example", "internalemailaddress",
                "ann.beebe@cronus.example", "firstname", "Ann", "lastname", "Beebe", "islicensed", true,
                "isdisabled", false, "isintegrationuser", false));
        Answer salesperson = api.call("POST", "/api/mappings/SALESPEOPLE/records/create-from-sales",
                Map.of("salesIds", List.of(user.toString())));
        JsonNode salespersonJob = api.waitForSuccess(salesperson.body().path("jobId").asText());
        assertThat(salespersonJob.path("inserted").asInt()).as(salespersonJob.toString()).isEqualTo(1);
        String code = app.store().couplings().findBySalesId("SALESPEOPLE", user).orElseThrow().navKey();
        assertThat(nav.row("Salesperson_Purchaser", "Code", code).get("Name")).isEqualTo("Ann Beebe");

        UUID first = sales.create("accounts", Map.of("name", "Fabrikam Ltd.", "customertypecode", 3));
        UUID second = sales.create("accounts", Map.of("name", "Northwind Traders", "customertypecode", 3));
        Answer fromSales = api.call("POST", "/api/mappings/CUSTOMER/records/create-from-sales",
                Map.of("salesIds", List.of(first.toString(), second.toString(), of20000.toString())));
        assertThat(fromSales.status()).as(fromSales.body().toString()).isEqualTo(202);
        assertThat(fromSales.body().path("toCreate").asInt()).isEqualTo(2);
        assertThat(fromSales.body().path("skipped").asInt()).isEqualTo(1);
        JsonNode fromJob = api.waitForSuccess(fromSales.body().path("jobId").asText());
        assertThat(fromJob.path("inserted").asInt()).isEqualTo(2);
        assertThat(fromJob.path("skipped").asInt()).isEqualTo(1);
        String newKey = app.store().couplings().findBySalesId("CUSTOMER", first).orElseThrow().navKey();
        assertThat(newKey).startsWith("CUST-");
        assertThat(nav.row("Customer", "No_", newKey).get("Name")).isEqualTo("Fabrikam Ltd.");
        assertThat(nav.count("SELECT COUNT(*) FROM " + NavTables.table("Customer") + " WHERE [Name] = 'Selangorian Ltd.'"))
                .as("the coupled row made no second customer").isEqualTo(1);
    }

    @Test
    void matchBasedCouplingDryRunThenRealRunCouplesExactlyTheMatches() {
        // Sales accounts that exist uncoupled: exact and differently cased names, a duplicate pair, a phone match
        UUID cannon = sales.create("accounts", Map.of("name", "The Cannon Group PLC", "customertypecode", 3));
        UUID selangorian = sales.create("accounts", Map.of("name", "selangorian ltd.", "customertypecode", 3));
        UUID haddock1 = sales.create("accounts", Map.of("name", "John Haddock Insurance Co.", "customertypecode", 3));
        UUID haddock2 = sales.create("accounts", Map.of("name", "John Haddock Insurance Co.", "customertypecode", 3));
        UUID deerfield = sales.create("accounts", Map.of("name", "Deerfield Gfx", "telephone1", "+44 1452 496 040",
                "customertypecode", 3));
        // a row two NAV customers match by phone: given to neither
        nav.execute("UPDATE " + NavTables.table("Customer") + " SET [Phone No_] = '+44 1483 496 050' WHERE [No_] = '01121212'");
        UUID contested = sales.create("accounts", Map.of("name", "Guildford Water", "telephone1", "+44 1483 496 050",
                "customertypecode", 3));
        // matched by name by Beef House (priority 1) and by phone by Meersen Meubelen (priority 2): Beef House's
        UUID beefHouse = sales.create("accounts", Map.of("name", "Beef House", "telephone1", "+31 10 555 0669",
                "customertypecode", 3));
        // not of type Customer: outside the integration table filter, never a match
        sales.create("accounts", Map.of("name", "Antarcticopy", "customertypecode", 1));
        int rowsBefore = app.sandbox().rowCount("accounts");

        Map<String, Object> request = new HashMap<>(Map.of("fields", List.of(
                Map.of("nav", "Name", "sales", "name", "priority", 1),
                Map.of("nav", "Phone No.", "priority", 2))));
        request.put("dryRun", true);
        app.sandbox().resetCounters();
        Answer dry = api.call("POST", "/api/mappings/CUSTOMER/records/match-based-coupling", request);
        assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
        // plus, once per process, the organization's base currency (a blank currency code stands for it)
        assertThat(app.sandbox().requestCount()).as("one query per priority group for the batch of 17")
                .isBetween(2L, 3L);
        Map<String, JsonNode> results = byKey(dry.body());
        assertThat(results).hasSize(17);
        assertMatch(results.get("10000"), cannon, 1);
        assertMatch(results.get("20000"), selangorian, 1);
        assertMatch(results.get("40000"), deerfield, 2);
        assertThat(results.get("30000").path("result").asText()).isEqualTo("ambiguous");
        assertThat(results.get("30000").path("candidates").findValuesAsText("salesId"))
                .containsExactlyInAnyOrder(haddock1.toString(), haddock2.toString());
        for (String key : List.of("50000", "01121212")) {
            assertThat(results.get(key).path("result").asText()).as(key).isEqualTo("ambiguous");
            assertThat(results.get(key).path("message").asText()).contains(contested.toString());
        }
        assertMatch(results.get("49525252"), beefHouse, 1);
        assertThat(results.get("31669966").path("result").asText()).isEqualTo("noMatch");
        assertThat(results.get("31669966").path("message").asText()).contains("goes to [49525252]");
        assertThat(results.get("32656565").path("result").asText()).as("Antarcticopy is no Customer").isEqualTo("noMatch");
        assertThat(dry.body().path("matched").asInt()).isEqualTo(4);
        assertThat(dry.body().path("ambiguous").asInt()).isEqualTo(3);
        assertThat(dry.body().path("noMatch").asInt()).isEqualTo(10);
        assertThat(app.store().couplings().count("CUSTOMER")).as("a dry run couples nothing").isZero();

        request.put("caseSensitive", true);
        JsonNode caseSensitive = api.call("POST", "/api/mappings/CUSTOMER/records/match-based-coupling", request).body();
        assertThat(byKey(caseSensitive).get("20000").path("result").asText()).isEqualTo("noMatch");
        assertMatch(byKey(caseSensitive).get("10000"), cannon, 1);

        request.put("caseSensitive", false);
        request.put("dryRun", false);
        request.put("createNew", true);
        request.put("synchronize", "ToIntegrationTable");
        Answer real = api.call("POST", "/api/mappings/CUSTOMER/records/match-based-coupling", request);
        assertThat(real.status()).as(real.body().toString()).isEqualTo(200);
        assertThat(byKey(real.body())).as("the real run finds what the dry run listed").isEqualTo(results);
        JsonNode couplingJob = api.call("GET", "/api/jobs/" + real.body().path("couplingJobId").asText(), null).body();
        assertThat(couplingJob.path("type").asText()).isEqualTo("Coupling");
        assertThat(couplingJob.path("coupled").asInt()).isEqualTo(4);
        assertThat(couplingJob.path("failed").asInt()).as("the ambiguous ones").isEqualTo(3);
        JsonNode sync = api.waitForSuccess(real.body().path("synchronizeJobId").asText());
        assertThat(sync.path("inserted").asInt()).as("10 created").isEqualTo(10);
        assertThat(sync.path("modified").asInt()).as("the 4 matched rows get NAV's values").isEqualTo(4);
        assertThat(sync.path("failed").asInt()).isZero();

        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "10000").orElseThrow().salesId()).isEqualTo(cannon);
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "20000").orElseThrow().salesId()).isEqualTo(selangorian);
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "40000").orElseThrow().salesId()).isEqualTo(deerfield);
        for (String ambiguous : List.of("30000", "50000", "01121212")) {
            assertThat(app.store().couplings().findByNavKey("CUSTOMER", ambiguous)).as(ambiguous).isEmpty();
        }
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "49525252").orElseThrow().salesId()).isEqualTo(beefHouse);
        assertThat(app.store().couplings().count("CUSTOMER")).isEqualTo(4 + 10);
        assertThat(app.sandbox().rowCount("accounts")).as("only the unmatched were created").isEqualTo(rowsBefore + 10);
        assertThat(sales.get("accounts", selangorian).path("name").asText()).isEqualTo("Selangorian Ltd.");
        assertThat(sales.get("accounts", cannon).path("accountnumber").asText()).isEqualTo("10000");

        Answer again = api.call("POST", "/api/mappings/CUSTOMER/records/match-based-coupling", request);
        assertThat(again.body().path("alreadyCoupled").asInt()).isEqualTo(14);
        assertThat(again.body().path("matched").asInt()).isZero();
        assertThat(again.body().path("ambiguous").asInt()).isEqualTo(3);
        assertThat(again.body().path("toCreate").asInt()).isZero();
        assertThat(app.sandbox().rowCount("accounts")).as("a second run duplicates nothing").isEqualTo(rowsBefore + 10);
    }

    @Test
    void matchBasedCouplingOfChosenKeysCreatesThenSynchronizesFromSales() throws InterruptedException {
        UUID selangorian = sales.create("accounts", Map.of("name", "Selangorian Ltd.", "telephone1", "+44 24 0000 0000",
                "customertypecode", 3));
        Answer real = api.call("POST", "/api/mappings/CUSTOMER/records/match-based-coupling", Map.of(
                "fields", List.of(Map.of("nav", "Name")), "keys", List.of("20000", "30000"), "createNew", true,
                "synchronize", "FromIntegrationTable"));
        assertThat(real.status()).as(real.body().toString()).isEqualTo(200);
        assertThat(real.body().path("records").asInt()).isEqualTo(2);
        assertMatch(byKey(real.body()).get("20000"), selangorian, 1);
        assertThat(real.body().path("toCreate").asInt()).isEqualTo(1);
        assertThat(real.body().path("then").asText()).contains("FromIntegrationTable");
        JsonNode create = api.waitForSuccess(real.body().path("synchronizeJobId").asText());
        assertThat(create.path("inserted").asInt()).isEqualTo(1);
        UUID created = app.store().couplings().findByNavKey("CUSTOMER", "30000").orElseThrow().salesId();
        assertThat(sales.get("accounts", created).path("name").asText()).isEqualTo("John Haddock Insurance Co.");

        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        JsonNode fromJob = null;
        while (fromJob == null) {
            for (JsonNode job : api.call("GET", "/api/jobs?mapping=CUSTOMER", null).body()) {
                if (job.path("direction").asText().equals("FromIntegrationTable")) {
                    fromJob = api.waitForSuccess(job.path("id").asText());
                }
            }
            assertThat(java.time.Instant.now()).as("the Sales -> NAV job starts after the creation").isBefore(deadline);
            Thread.sleep(50);
        }
        assertThat(fromJob.path("inserted").asInt() + fromJob.path("modified").asInt()).isEqualTo(1);
        assertThat(nav.row("Customer", "No_", "20000").get("Phone No_")).isEqualTo("+44 24 0000 0000");
        assertThat(sales.get("accounts", selangorian).path("accountnumber").asText()).isEqualTo("20000");
    }

    @Test
    void synchronizeNowOf1000RecordsIsOneJobOfBulkRequests() {
        SyntheticCustomers.insert(app.nav(), NavTables.COMPANY, 1000, 7);
        List<String> keys = new ArrayList<>(nav.rows("SELECT [No_] FROM " + NavTables.table("Customer")
                + " WHERE [No_] LIKE 'C%'").keySet());
        assertThat(keys).hasSize(1000);
        app.sandbox().resetCounters();
        Answer started = api.call("POST", "/api/mappings/CUSTOMER/records/synchronize", Map.of("keys", keys));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        JsonNode job = api.waitForSuccess(started.body().path("jobId").asText());
        assertThat(job.path("inserted").asInt()).isEqualTo(1000);
        assertThat(job.path("failed").asInt()).isZero();
        assertThat(app.sandbox().rowCount("accounts")).isEqualTo(1000);
        assertThat(app.sandbox().writeRequestCount()).as("two UpsertMultiple of 500").isEqualTo(2);
        // plus, once per process, three reads: the base currency and whether the bulk actions exist
        assertThat(app.sandbox().requestCount()).as("requests for 1,000 records").isLessThanOrEqualTo(5);
        assertThat(api.call("GET", "/api/jobs?mapping=CUSTOMER", null).body().size()).as("one job").isEqualTo(1);
    }

    @Test
    void badInputGetsAClearProblemAndChangesNothing() {
        Answer unknownMapping = api.call("POST", "/api/mappings/VENDOR/records/create-in-sales", Map.of("keys", List.of("1")));
        assertThat(unknownMapping.status()).isEqualTo(404);
        assertThat(unknownMapping.body().path("error").asText()).contains("VENDOR");

        Answer unknownKey = api.call("POST", "/api/mappings/CUSTOMER/records/create-in-sales",
                Map.of("keys", List.of("10000", "99999")));
        assertThat(unknownKey.status()).isEqualTo(404);
        assertThat(unknownKey.body().path("error").asText()).contains("99999").contains("nothing was done");
        assertThat(app.sandbox().rowCount("accounts")).isZero();
        assertThat(app.store().couplings().count("CUSTOMER")).isZero();

        UUID missing = UUID.randomUUID();
        Answer unknownId = api.call("POST", "/api/mappings/CUSTOMER/records/create-from-sales",
                Map.of("salesIds", List.of(missing.toString())));
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(unknownId.body().path("error").asText()).contains(missing.toString());

        Answer malformed = api.call("POST", "/api/mappings/CUSTOMER/records/uncouple", Map.of("salesIds", List.of("abc")));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("error").asText()).contains("'abc' is not a Sales id");

        Answer direction = api.call("POST", "/api/mappings/SALESPEOPLE/records/create-in-sales",
                Map.of("keys", List.of("JO")));
        assertThat(direction.status()).isEqualTo(400);
        assertThat(direction.body().path("error").asText()).contains("not configured for ToIntegrationTable");
        Answer matchDirection = api.call("POST", "/api/mappings/CURRENCY/records/match-based-coupling",
                Map.of("fields", List.of(Map.of("nav", "ISO Code")), "synchronize", "FromIntegrationTable"));
        assertThat(matchDirection.status()).isEqualTo(400);

        Answer tooMany = api.call("POST", "/api/mappings/CUSTOMER/records/synchronize",
                Map.of("keys", IntStream.rangeClosed(1, MAX_RECORDS + 1).mapToObj(Integer::toString).toList()));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("error").asText()).contains("1001 keys").contains("navsync.api.max-records");

        Answer unknownField = api.call("POST", "/api/mappings/CUSTOMER/records/match-based-coupling",
                Map.of("fields", List.of(Map.of("nav", "Colour"))));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body().path("error").asText()).contains("Colour").contains("Name <-> name");
        Answer ambiguousField = api.call("POST", "/api/mappings/CUSTOMER/records/match-based-coupling",
                Map.of("fields", List.of(Map.of("sales", "name"))));
        assertThat(ambiguousField.status()).isEqualTo(400);
        assertThat(ambiguousField.body().path("error").asText()).contains("more than one field pair")
                .contains("Search Name <-> name");

        Answer unknownSynchronizeKey = api.call("POST", "/api/mappings/CUSTOMER/records/synchronize?direction=ToIntegrationTable",
                Map.of("keys", List.of("10000", "NOPE")));
        assertThat(unknownSynchronizeKey.status()).isEqualTo(404);
        assertThat(unknownSynchronizeKey.body().path("error").asText()).contains("NOPE");
        assertThat(app.store().jobs().latest("CUSTOMER", 10)).as("no job started").isEmpty();
    }

    @Test
    void everyCouplingProcedureDuringAPassIsRefusedAndWritesNothing() {
        UUID kept = sales.create("accounts", Map.of("name", "Coupled before the pass", "customertypecode", 3));
        UUID free = sales.create("accounts", Map.of("name", "Selangorian Ltd.", "customertypecode", 3));
        assertThat(api.call("POST", "/api/mappings/CUSTOMER/records/10000/coupling",
                Map.of("salesId", kept.toString(), "synchronize", "none")).status()).isEqualTo(200);
        SyntheticCustomers.insert(app.nav(), NavTables.COMPANY, 3000, 11);
        List<String> late = new ArrayList<>(nav.rows("SELECT [No_] FROM " + NavTables.table("Customer")
                + " WHERE [No_] LIKE 'C%' AND [Blocked] = 0 ORDER BY [No_] DESC FETCH FIRST 4 ROWS ONLY").keySet());
        int customers = nav.rows("SELECT [No_] FROM " + NavTables.table("Customer") + " WHERE [Blocked] = 0").size();

        UUID pass = app.synchronization().start("CUSTOMER", Direction.ToIntegrationTable).jobId();
        Map<String, Answer> refused = new java.util.LinkedHashMap<>();
        refused.put("create new", api.call("POST", "/api/mappings/CUSTOMER/records/" + late.get(0) + "/coupling",
                Map.of("createNew", true)));
        refused.put("create new, recouple", api.call("POST", "/api/mappings/CUSTOMER/records/" + late.get(1)
                + "/coupling", Map.of("createNew", true, "recouple", true)));
        refused.put("couple with a row", api.call("POST", "/api/mappings/CUSTOMER/records/20000/coupling",
                Map.of("salesId", free.toString(), "synchronize", "none")));
        refused.put("uncouple", api.call("DELETE", "/api/mappings/CUSTOMER/records/10000/coupling", null));
        refused.put("uncouple a list", api.call("POST", "/api/mappings/CUSTOMER/records/uncouple",
                Map.of("keys", List.of("10000"))));
        refused.put("create in Sales", api.call("POST", "/api/mappings/CUSTOMER/records/create-in-sales",
                Map.of("keys", List.of(late.get(2)))));
        refused.put("match-based coupling", api.call("POST", "/api/mappings/CUSTOMER/records/match-based-coupling",
                Map.of("fields", List.of(Map.of("nav", "Name", "sales", "name")), "createNew", true)));
        refused.put("synchronize now", api.call("POST", "/api/mappings/CUSTOMER/records/synchronize",
                Map.of("keys", List.of(late.get(3)))));
        assertThat(app.store().jobs().find(pass).orElseThrow().status()).as("the pass still ran meanwhile")
                .isEqualTo("Running");
        refused.forEach((what, answer) -> {
            assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(409);
            assertThat(answer.body().path("error").asText()).as(what).contains("CUSTOMER is already synchronizing");
        });

        JsonNode job = api.waitForSuccess(pass.toString());
        assertThat(job.path("failed").asInt()).as(job.toString()).isZero();
        assertThat(app.store().jobs().latest("CUSTOMER", 10)).as("no other job").hasSize(1);
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "10000").orElseThrow().salesId()).isEqualTo(kept);
        assertThat(app.store().couplings().findBySalesId("CUSTOMER", free)).as("the free row stays uncoupled").isEmpty();
        for (String key : late) {
            assertThat(app.store().couplings().findByNavKey("CUSTOMER", key).orElseThrow().toJobId())
                    .as("%s coupled by the pass", key).isEqualTo(pass);
        }
        assertThat(app.store().couplings().count("CUSTOMER")).isEqualTo(customers);
        List<Object> numbers = app.sandbox().rows("accounts").stream().map(a -> a.get("accountnumber"))
                .filter(java.util.Objects::nonNull).toList();
        assertThat(numbers).as("one account per customer").hasSize(customers).doesNotHaveDuplicates();

        // createNew creates by a NAV -> Sales synchronization: "none" or Sales -> NAV is refused, not ignored
        for (String synchronize : List.of("none", "FromIntegrationTable")) {
            Answer contradictory = api.call("POST", "/api/mappings/CUSTOMER/records/30000/coupling",
                    Map.of("createNew", true, "recouple", true, "synchronize", synchronize));
            assertThat(contradictory.status()).as(contradictory.body().toString()).isEqualTo(400);
            assertThat(contradictory.body().path("error").asText()).contains("createNew").contains(synchronize);
        }
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "30000").orElseThrow().toJobId()).isEqualTo(pass);
        assertThat(app.sandbox().rowCount("accounts")).isEqualTo(customers + 1);
    }

    private static void assertMatch(JsonNode result, UUID salesId, int priority) {
        assertThat(result.path("result").asText()).as(result.toString()).isEqualTo("match");
        assertThat(result.path("salesId").asText()).isEqualTo(salesId.toString());
        assertThat(result.path("priority").asInt()).isEqualTo(priority);
    }

    private static Map<String, JsonNode> byField(JsonNode preview) {
        Map<String, JsonNode> out = new HashMap<>();
        preview.path("fields").forEach(f -> out.put(f.path("navField").asText() + ">" + f.path("salesAttribute").asText(), f));
        return out;
    }

    private static Map<String, JsonNode> byKey(JsonNode answer) {
        Map<String, JsonNode> out = new HashMap<>();
        answer.path("results").forEach(r -> out.put(r.path("navKey").asText(), r));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
