package navsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.state.CouplingStore;
import navsync.state.SyncJob;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import navsync.testing.SalesRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped default mappings, run together in dependency order against the sandbox. */
class DefaultMappingsTest {

    private static final String COMPANY = "[CRONUS International Ltd_$";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path data;
    NavsyncTestApp app;
    SalesRows sales;

    @BeforeEach
    void start() {
        app = NavsyncTestApp.start(data, Map.of());
        sales = new SalesRows(app.sandbox().organizationUrl());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void allMappingsRunInDependencyOrder() {
        List<String> order = app.bean("mappings", Mappings.class).dependencyOrder().stream().map(m -> m.name()).toList();
        assertThat(order.indexOf("SALESPEOPLE")).isLessThan(order.indexOf("CUSTOMER"));
        assertThat(order.indexOf("CURRENCY")).isLessThan(order.indexOf("CUSTOMER"));
        List<SyncJob> jobs = app.synchronization().runAll(TIMEOUT);
        assertThat(jobs).allSatisfy(j -> assertThat(j.status()).as(j.message()).isEqualTo(SyncJob.SUCCEEDED));
        assertThat(jobs).extracting(SyncJob::mappingName).containsSubsequence("SALESPEOPLE", "CUSTOMER");
    }

    @Test
    void salespeopleComeFromTheirCoupledUsersAndBecomeTheAccountsOwners() throws Exception {
        UUID user = sales.create("systemusers", Map.of("domainname", "peter@cronus.example", "internalemailaddress",
                "peter.saddow@cronus.example", "firstname", "Peter", "lastname", "Saddow", "mobilephone", "+44 555 0101", "islicensed", true,
                "isdisabled", false, "isintegrationuser", false));
        couple("SALESPEOPLE", "PS", user);

        assertAllSucceed(app.synchronization().runAll(TIMEOUT));

        assertThat(nav("Salesperson_Purchaser", "Code", "PS", "E-Mail")).isEqualTo("peter.saddow@cronus.example");
        assertThat(nav("Salesperson_Purchaser", "Code", "PS", "Phone No_")).isEqualTo("+44 555 0101");
        UUID account = salesId("CUSTOMER", "10000");
        assertThat(nav("Customer", "No_", "10000", "Salesperson Code")).isEqualTo("PS");
        assertThat(sales.get("accounts", account).path("_ownerid_value").asText()).isEqualTo(user.toString());

        sales.update("systemusers", user, Map.of("mobilephone", "+44 555 0199"));
        assertAllSucceed(app.synchronization().run("SALESPEOPLE", null, TIMEOUT));
        assertThat(nav("Salesperson_Purchaser", "Code", "PS", "Phone No_")).isEqualTo("+44 555 0199");
    }

    @Test
    void aCoupledCurrencyFollowsNavAndCustomersPointAtIt() throws Exception {
        UUID euro = sales.create("transactioncurrencies", Map.of("currencyname", "Euro", "isocurrencycode", "EUR",
                "currencysymbol", "€", "exchangerate", 0.9));
        couple("CURRENCY", "EUR", euro);
        execute("UPDATE " + COMPANY + "Currency] SET [Description] = 'Euro (EMU)' WHERE [Code] = 'EUR'");

        assertAllSucceed(app.synchronization().runAll(TIMEOUT));

        assertThat(sales.get("transactioncurrencies", euro).path("currencyname").asText()).isEqualTo("Euro (EMU)");
        String euroCustomer = firstKey("SELECT [No_] FROM " + COMPANY + "Customer] WHERE [Currency Code] = 'EUR' AND [Blocked] = 0");
        assertThat(sales.get("accounts", salesId("CUSTOMER", euroCustomer)).path("_transactioncurrencyid_value").asText())
                .isEqualTo(euro.toString());
    }

    @Test
    void aBlankCurrencyCodeIsTheOrganizationsBaseCurrencyBothWays() throws Exception {
        UUID euro = sales.create("transactioncurrencies", Map.of("currencyname", "Euro", "isocurrencycode", "EUR",
                "currencysymbol", "€", "exchangerate", 0.9));
        couple("CURRENCY", "EUR", euro);
        assertAllSucceed(app.synchronization().runAll(TIMEOUT));
        UUID base = app.sandbox().baseCurrencyId().orElseThrow();
        assertThat(nav("Customer", "No_", "10000", "Currency Code")).isEqualTo("");
        assertThat(sales.get("accounts", salesId("CUSTOMER", "10000")).path("_transactioncurrencyid_value").asText())
                .isEqualTo(base.toString());

        String euroCustomer = firstKey("SELECT [No_] FROM " + COMPANY + "Customer] WHERE [Currency Code] = 'EUR' AND [Blocked] = 0");
        sales.update("accounts", salesId("CUSTOMER", euroCustomer),
                Map.of("transactioncurrencyid@odata.bind", "/transactioncurrencies(" + base + ")"));
        assertAllSucceed(app.synchronization().run("CUSTOMER", navsync.mapping.Direction.FromIntegrationTable, TIMEOUT));
        assertThat(nav("Customer", "No_", euroCustomer, "Currency Code")).as("the base currency is NAV's blank LCY")
                .isEqualTo("");
        execute("UPDATE " + COMPANY + "Customer] SET [Currency Code] = 'EUR' WHERE [No_] = '10000'");
        assertAllSucceed(app.synchronization().run("CUSTOMER", navsync.mapping.Direction.ToIntegrationTable, TIMEOUT));
        assertThat(sales.get("accounts", salesId("CUSTOMER", "10000")).path("_transactioncurrencyid_value").asText())
                .isEqualTo(euro.toString());
    }

    @Test
    void contactsFollowTheirCompanysAccountBothWays() throws Exception {
        assertAllSucceed(app.synchronization().runAll(TIMEOUT));
        int persons = count("SELECT COUNT(*) FROM " + COMPANY + "Contact] c JOIN " + COMPANY
                + "Contact Business Relation] r ON r.[Contact No_] = c.[Company No_] AND r.[Link to Table] = 1 JOIN "
                + COMPANY + "Customer] k ON k.[No_] = r.[No_] WHERE c.[Type] = 1 AND k.[Blocked] = 0");
        assertThat(app.sandbox().rows("contacts")).hasSize(persons);
        String person = firstKey("SELECT c.[No_] FROM " + COMPANY + "Contact] c JOIN " + COMPANY
                + "Contact Business Relation] r ON r.[Contact No_] = c.[Company No_] AND r.[Link to Table] = 1"
                + " WHERE c.[Type] = 1 AND r.[No_] = '10000' ORDER BY c.[No_]");
        UUID contact = salesId("CONTACT", person);
        assertThat(sales.get("contacts", contact).path("_parentcustomerid_value").asText())
                .as("the company's customer's account").isEqualTo(salesId("CUSTOMER", "10000").toString());
        assertThat(sales.get("contacts", contact).path("lastname").asText()).isEqualTo(nav("Contact", "No_", person, "Surname"));

        UUID created = sales.create("contacts", Map.of("firstname", "Nina", "lastname", "Sales",
                "parentcustomerid_account@odata.bind", "/accounts(" + salesId("CUSTOMER", "20000") + ")"));
        sales.update("contacts", contact, Map.of("jobtitle", "ignored", "mobilephone", "+44 7700 900123"));
        assertAllSucceed(app.synchronization().run("CONTACT", null, TIMEOUT));
        String key = app.store().couplings().findBySalesId("CONTACT", created).orElseThrow().navKey();
        assertThat(nav("Contact", "No_", key, "Company No_")).as("the company contact of customer 20000")
                .isEqualTo(firstKey("SELECT [Contact No_] FROM " + COMPANY + "Contact Business Relation] WHERE [No_] = '20000'"));
        assertThat(nav("Contact", "No_", key, "Type")).isEqualTo(1);
        assertThat(nav("Contact", "No_", key, "Name")).isEqualTo("Nina Sales");
        assertThat(nav("Contact", "No_", person, "Mobile Phone No_")).isEqualTo("+44 7700 900123");
    }

    @Test
    void accountsPrimaryContactAndContactsAccountAreBothFilledInOneRunOfAllMappings() throws Exception {
        List<SyncJob> jobs = app.synchronization().runAll(TIMEOUT);
        assertAllSucceed(jobs);
        assertThat(jobs).filteredOn(j -> j.type().equals(SynchronizationJobs.TYPE_SECOND_PASS))
                .extracting(SyncJob::mappingName).isNotEmpty().containsOnly("CUSTOMER");

        UUID account = salesId("CUSTOMER", "10000");
        UUID andy = salesId("CONTACT", "CT000002");
        assertThat(sales.get("accounts", account).path("_primarycontactid_value").asText())
                .as("the account's primary contact, filled in the second pass").isEqualTo(andy.toString());
        assertThat(sales.get("contacts", andy).path("_parentcustomerid_value").asText())
                .as("the contact's account, filled in the first pass").isEqualTo(account.toString());
        assertThat(app.store().couplings().awaitingSecondPass("CUSTOMER", navsync.mapping.Direction.ToIntegrationTable))
                .as("nothing waits any more").isEmpty();

        List<SyncJob> again = app.synchronization().runAll(TIMEOUT);
        assertThat(again).as("a second run finds everything in step, and no second pass")
                .allSatisfy(j -> {
                    assertThat(j.counters().inserted() + j.counters().modified()).as(j.mappingName()).isZero();
                    assertThat(j.type()).isNotEqualTo(SynchronizationJobs.TYPE_SECOND_PASS);
                });

        // the primary contact is changed in Sales to another contact of the company: it comes back to NAV
        sales.update("accounts", account, Map.of("primarycontactid@odata.bind", "/contacts(" + salesId("CONTACT", "CT000003") + ")"));
        assertAllSucceed(app.synchronization().run("CUSTOMER", navsync.mapping.Direction.FromIntegrationTable, TIMEOUT));
        assertThat(nav("Customer", "No_", "10000", "Primary Contact No_")).isEqualTo("CT000003");
    }

    @Test
    void aContactsUncoupledAccountIsSynchronizedFirst() throws Exception {
        execute("INSERT INTO " + COMPANY + "Customer] ([No_], [Name], [Search Name]) VALUES ('90000', 'Fabrikam Ltd', 'FABRIKAM LTD')");
        execute("INSERT INTO " + COMPANY + "Contact] ([No_], [Type], [Company No_], [Name], [Search Name]) VALUES"
                + " ('CT900001', 0, 'CT900001', 'Fabrikam Ltd', 'FABRIKAM LTD')");
        execute("INSERT INTO " + COMPANY + "Contact] ([No_], [Type], [Company No_], [Company Name], [Name], [Search Name],"
                + " [First Name], [Surname]) VALUES ('CT900002', 1, 'CT900001', 'Fabrikam Ltd', 'Ada Lovelace', 'ADA LOVELACE',"
                + " 'Ada', 'Lovelace')");
        execute("INSERT INTO " + COMPANY + "Contact Business Relation] ([Contact No_], [Business Relation Code], [Link to Table],"
                + " [No_]) VALUES ('CT900001', 'CUST', 1, '90000')");

        // CONTACT alone: customer 90000 is not coupled yet, so CUSTOMER synchronizes it first
        List<SyncJob> jobs = app.synchronization().run("CONTACT", navsync.mapping.Direction.ToIntegrationTable, TIMEOUT);
        assertAllSucceed(jobs);

        UUID account = salesId("CUSTOMER", "90000");
        assertThat(sales.get("accounts", account).path("name").asText()).isEqualTo("Fabrikam Ltd");
        assertThat(sales.get("contacts", salesId("CONTACT", "CT900002")).path("_parentcustomerid_value").asText())
                .isEqualTo(account.toString());
        int companiesWithCustomers = count("SELECT COUNT(DISTINCT r.[No_]) FROM " + COMPANY + "Contact] c JOIN " + COMPANY
                + "Contact Business Relation] r ON r.[Contact No_] = c.[Company No_] AND r.[Link to Table] = 1 JOIN "
                + COMPANY + "Customer] k ON k.[No_] = r.[No_] WHERE c.[Type] = 1 AND k.[Blocked] = 0");
        assertThat(app.store().jobs().latest("CUSTOMER", 5)).as("one job of CUSTOMER, for the accounts the contacts need")
                .singleElement().satisfies(j -> assertThat(j.counters().inserted()).isEqualTo(companiesWithCustomers));
    }

    @Test
    void optionMappingsPairNavCodesWithChoiceOptionsAndCustomersCarryThemBothWays() throws Exception {
        List<SyncJob> first = app.synchronization().runAll(TIMEOUT);
        assertAllSucceed(first);
        List<String> order = first.stream().map(SyncJob::mappingName).toList();
        assertThat(order.indexOf("SHIPPING-AGENT")).as("option mappings before the customers using them")
                .isLessThan(order.indexOf("CUSTOMER"));

        var agents = app.store().optionCouplings().all("SHIPPING-AGENT");
        assertThat(agents.get("DHL").value()).as("matched by label").isEqualTo(2);
        assertThat(agents.get("FEDEX").value()).as("matched case-insensitively").isEqualTo(3);
        assertThat(agents.get("UPS").value()).isEqualTo(4);
        assertThat(agents.get("OWN LOG.").value()).as("no option matched: added").isGreaterThanOrEqualTo(100_000_000);
        var terms = app.store().optionCouplings().all("PAYMENT-TERMS");
        assertThat(terms.keySet()).containsExactlyInAnyOrder("14 DAYS", "1M(8D)", "21 DAYS", "CM", "COD");
        var methods = app.store().optionCouplings().all("SHIPMENT-METHOD");
        assertThat(methods.get("FOB").value()).isEqualTo(1);

        var account = sales.get("accounts", salesId("CUSTOMER", "10000"));
        assertThat(account.path("paymenttermscode").asInt()).isEqualTo(terms.get("1M(8D)").value());
        assertThat(account.path("address1_freighttermscode").asInt()).isEqualTo(methods.get("EXW").value());
        assertThat(account.path("address1_shippingmethodcode").asInt()).isEqualTo(2);

        UUID selangorian = salesId("CUSTOMER", "20000");
        sales.update("accounts", selangorian, Map.of("address1_shippingmethodcode", 3, "paymenttermscode",
                terms.get("COD").value(), "address1_freighttermscode", 2));
        assertAllSucceed(app.synchronization().run("CUSTOMER", navsync.mapping.Direction.FromIntegrationTable, TIMEOUT));
        assertThat(nav("Customer", "No_", "20000", "Shipping Agent Code")).isEqualTo("FEDEX");
        assertThat(nav("Customer", "No_", "20000", "Payment Terms Code")).isEqualTo("COD");
        assertThat(nav("Customer", "No_", "20000", "Shipment Method Code"))
                .as("'No Charge' is paired with no NAV code: NAV keeps its value").isEqualTo("CIF");

        app.synchronization().runAll(TIMEOUT);
        List<SyncJob> again = app.synchronization().runAll(TIMEOUT);
        assertThat(again).allSatisfy(j -> assertThat(j.counters().inserted() + j.counters().modified())
                .as("%s %s", j.mappingName(), j.direction()).isZero());
    }

    @Test
    void anOptionMappingFromSalesCreatesNavRecordsNamedByTheLabels(@TempDir Path mappings) throws Exception {
        app.close();
        try (var files = java.nio.file.Files.list(Path.of("mappings"))) {
            for (Path file : files.toList()) {
                java.nio.file.Files.copy(file, mappings.resolve(file.getFileName()));
            }
        }
        Path agents = mappings.resolve("shipping-agent.yaml");
        java.nio.file.Files.writeString(agents, java.nio.file.Files.readString(agents)
                .replace("direction: ToIntegrationTable", "direction: FromIntegrationTable"));
        app = NavsyncTestApp.start(data, Map.of("navsync.mappings-dir", mappings.toString()));

        assertAllSucceed(app.synchronization().run("SHIPPING-AGENT", null, TIMEOUT));
        var pairs = app.store().optionCouplings().all("SHIPPING-AGENT");
        assertThat(pairs.get("DHL").value()).isEqualTo(2);
        assertThat(pairs.get("POSTAL MAI").value()).as("the label upper-cased and cut to the Code length").isEqualTo(5);
        assertThat(nav("Shipping Agent", "Code", "POSTAL MAI", "Name")).isEqualTo("Postal Mail");
        assertThat(nav("Shipping Agent", "Code", "WILL CALL", "Name")).isEqualTo("Will Call");
        assertThat(pairs).doesNotContainKey("OWN LOG.");
        List<SyncJob> again = app.synchronization().run("SHIPPING-AGENT", null, TIMEOUT);
        assertThat(again.get(0).counters().inserted()).isZero();
        assertThat(again.get(0).counters().unchanged()).isEqualTo(7);
    }

    @Test
    void itemsAndProductsRoundTrip() throws Exception {
        assertAllSucceed(app.synchronization().run("ITEM-PRODUCT", null, TIMEOUT));
        int items = count("SELECT COUNT(*) FROM " + COMPANY + "Item] WHERE [Blocked] = 0");
        assertThat(app.sandbox().rows("products")).hasSize(items);
        String item = firstKey("SELECT [No_] FROM " + COMPANY + "Item] WHERE [Blocked] = 0 ORDER BY [No_]");
        String other = firstKey("SELECT [No_] FROM " + COMPANY + "Item] WHERE [Blocked] = 0 ORDER BY [No_] DESC");
        UUID product = salesId("ITEM-PRODUCT", item);
        assertThat(sales.get("products", product).path("productnumber").asText()).isEqualTo(item);

        execute("UPDATE " + COMPANY + "Item] SET [Unit Price] = 123.45 WHERE [No_] = '" + item + "'");
        sales.update("products", salesId("ITEM-PRODUCT", other), Map.of("name", "Renamed in Sales"));
        List<SyncJob> jobs = app.synchronization().run("ITEM-PRODUCT", null, TIMEOUT);
        assertAllSucceed(jobs);
        assertThat(new BigDecimal(sales.get("products", product).path("price").asText())).isEqualByComparingTo("123.45");
        assertThat(nav("Item", "No_", other, "Description")).isEqualTo("Renamed in Sales");

        app.sandbox().resetCounters();
        List<SyncJob> again = app.synchronization().run("ITEM-PRODUCT", null, TIMEOUT);
        assertThat(again).allSatisfy(j -> assertThat(j.counters().inserted() + j.counters().modified()).isZero());
        assertThat(app.sandbox().writeRequestCount()).isZero();
    }

    private void couple(String mapping, String navKey, UUID salesId) {
        app.store().couplings().insertPending(mapping, List.of(new CouplingStore.NewCoupling(navKey, null, salesId)));
    }

    private UUID salesId(String mapping, String navKey) {
        return app.store().couplings().findByNavKey(mapping, navKey).orElseThrow().salesId();
    }

    /**
     * Every job succeeded and no record failed, but for the demo's person contacts of blocked
     * customers' companies: their company has no coupled account, so they fail, as NAV's do.
     */
    private void assertAllSucceed(List<SyncJob> jobs) {
        int contactsOfBlockedCustomers = count("SELECT COUNT(*) FROM " + COMPANY + "Contact] c JOIN " + COMPANY
                + "Contact Business Relation] r ON r.[Contact No_] = c.[Company No_] AND r.[Link to Table] = 1 JOIN "
                + COMPANY + "Customer] k ON k.[No_] = r.[No_] WHERE c.[Type] = 1 AND k.[Blocked] <> 0");
        for (SyncJob job : jobs) {
            assertThat(job.status()).as(job.message()).isEqualTo(SyncJob.SUCCEEDED);
            boolean contactPass = job.mappingName().equals("CONTACT") && job.direction().equals("ToIntegrationTable");
            assertThat(job.counters().failed()).as("%s %s errors %s", job.mappingName(), job.direction(),
                    app.store().jobs().errors(job.id())).isEqualTo(contactPass ? contactsOfBlockedCustomers : 0);
            if (contactPass) {
                assertThat(app.store().jobs().errors(job.id())).allSatisfy(e -> assertThat(e.message())
                        .contains("must be coupled to a account (mapping CUSTOMER)"));
            }
        }
    }

    private Object nav(String table, String keyColumn, String key, String column) {
        Map<String, Object> row = new NavTables(app.nav()).row(table, keyColumn, key);
        assertThat(row).as("%s %s", table, key).isNotNull();
        return row.get(column);
    }

    private String firstKey(String sql) {
        Object key = new NavTables(app.nav()).value(sql);
        assertThat(key).as(sql).isNotNull();
        return key.toString();
    }

    private int count(String sql) {
        return new NavTables(app.nav()).count(sql);
    }

    private void execute(String sql) {
        new NavTables(app.nav()).execute(sql);
    }
}
