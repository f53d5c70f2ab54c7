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

    private void assertAllSucceed(List<SyncJob> jobs) {
        for (SyncJob job : jobs) {
            assertThat(job.status()).as(job.message()).isEqualTo(SyncJob.SUCCEEDED);
            assertThat(job.counters().failed()).as("%s %s errors %s", job.mappingName(), job.direction(),
                    app.store().jobs().errors(job.id())).isZero();
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
