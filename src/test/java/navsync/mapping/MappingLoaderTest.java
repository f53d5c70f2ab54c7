package navsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import navsync.nav.NavSchema;
import navsync.nav.demo.DemoNavDatabase;
import navsync.sales.AccessTokens;
import navsync.sales.ParallelLimit;
import navsync.sales.RetryPolicy;
import navsync.sales.SalesCatalog;
import navsync.sales.SalesConnection;
import navsync.sales.SalesMetrics;
import navsync.sales.SalesWebApi;
import navsync.sandbox.SalesSandbox;
import navsync.sandbox.SandboxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingLoaderTest {

    private static final Path BAD = Path.of("src/test/resources/mappings/bad");
    private static HikariDataSource nav;
    private static SalesSandbox sandbox;
    private static CamelContext camel;
    /** Checks against NAV only, as when Sales' metadata cannot be read at start-up. */
    private static MappingLoader loader;
    /** Checks against NAV and the sandbox's metadata, as at start-up. */
    private static MappingLoader salesLoader;

    @BeforeAll
    static void demoDatabaseAndSales() throws Exception {
        nav = new HikariDataSource();
        nav.setJdbcUrl(DemoNavDatabase.jdbcUrl("mapping-loader-test"));
        DemoNavDatabase.install(nav, DemoNavDatabase.DEFAULT_COMPANY);
        NavSchema schema = new NavSchema(nav, DemoNavDatabase.DEFAULT_COMPANY);
        loader = new MappingLoader(schema, 500);
        sandbox = SalesSandbox.start(SandboxOptions.defaults());
        camel = new DefaultCamelContext();
        camel.start();
        ParallelLimit parallel = new ParallelLimit(2);
        MeterRegistry meters = new SimpleMeterRegistry();
        SalesWebApi api = new SalesWebApi(camel, new SalesConnection(sandbox.organizationUrl(), "v9.2"), AccessTokens.NONE,
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(5)), parallel, new SalesMetrics(() -> meters,
                parallel), "");
        salesLoader = new MappingLoader(schema, 500, SalesCatalog.read(api));
    }

    @AfterAll
    static void close() throws Exception {
        camel.close();
        sandbox.close();
        nav.close();
    }

    @Test
    void theShippedCustomerMappingLoads() {
        List<IntegrationTableMapping> mappings = loader.loadFolder(Path.of("mappings"));
        IntegrationTableMapping customer = mappings.stream().filter(m -> m.name().equals("CUSTOMER")).findFirst().orElseThrow();
        assertThat(customer.table()).isEqualTo("Customer");
        assertThat(customer.navKeyColumn()).isEqualTo("No_");
        assertThat(customer.entity().entitySet()).isEqualTo("accounts");
        assertThat(customer.direction()).isEqualTo(Direction.Bidirectional);
        assertThat(customer.synchOnlyCoupledRecords()).isFalse();
        assertThat(customer.tableFilter()).singleElement().satisfies(f -> {
            assertThat(f.column()).isEqualTo("Blocked");
            assertThat(f.operator()).isEqualTo(FilterOperator.eq);
            assertThat(f.value()).isEqualTo(0L);
        });
        assertThat(customer.fields()).anySatisfy(f -> {
            assertThat(f.navField()).isEqualTo("Phone No.");
            assertThat(f.navColumn()).isEqualTo("Phone No_");
            assertThat(f.salesAttribute()).isEqualTo("telephone1");
            assertThat(f.direction()).isEqualTo(Direction.Bidirectional);
        });
        assertThat(customer.fields()).anySatisfy(f -> {
            assertThat(f.salesAttribute()).isEqualTo("customertypecode");
            assertThat(f.constant()).isEqualTo(3L);
            assertThat(f.direction()).isEqualTo(Direction.ToIntegrationTable);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-key.yaml          | 3 | tabel                | unknown key; expected one of
            unknown-field.yaml        | 8 | fields[1].nav        | NAV table 'Customer' has no field 'Phone No' (SQL column Phone No); did you mean 'Phone No_'?
            bad-direction.yaml        | 4 | direction            | 'ToSales' is not one of [ToIntegrationTable, FromIntegrationTable, Bidirectional]
            duplicate-key.yaml        | 8 | fields[0].sales      | duplicate key
            missing-entity.yaml       | 1 | entity               | required key is missing
            unknown-entity.yaml       | 3 | entity               | unknown Sales entity 'acount'
            unknown-table.yaml        | 2 | table                | has no NAV table 'Vendor'
            invalid-yaml.yaml         | 7 | ''                   | not valid YAML
            batch-size.yaml           | 5 | batchSize            | must be between 1 and 1000
            field-direction.yaml      | 10 | fields[1].direction | direction FromIntegrationTable is outside the mapping's direction ToIntegrationTable
            duplicate-attribute.yaml  | 8 | fields[1]            | Sales attribute 'name' is already written by the pair on line 6
            constant-both-sides.yaml  | 8 | fields[1]            | a constant goes to one side only
            filter-operator.yaml      | 7 | tableFilter[0].operator | 'equals' is not one of
            bad-name.yaml             | 1 | name                 | is not a NAV mapping name
            unknown-dependency.yaml   | 6 | dependsOn[0]         | no mapping named 'SALESPEOPLE'
            system-column.yaml        | 8 | fields[1].nav        | 'timestamp' is maintained by NAV itself
            bad-schedule.yaml         | 6 | schedule.interval    | '30x' is not an interval like 30s, 15m, 2h or 1d
            bad-cron.yaml             | 6 | schedule.cron        | 'every tuesday' is not a Quartz cron expression
            short-inactivity-sleep.yaml | 7 | schedule.inactivitySleep | inactivitySleep (15m) must be longer than the interval (30m)
            bad-sales-changes.yaml    | 5 | salesChanges         | 'deltaLinks' is not one of [modifiedOn, changeTracking]
            change-tracking-direction.yaml | 5 | salesChanges    | changeTracking reads Sales changes for the Sales -> NAV pass, which a ToIntegrationTable mapping does not have
            bad-deletion-sweep.yaml   | 5 | deletionSweep        | 'sometimes' is not a deletion sweep: an interval like 30m, 6h or 1d, everyPass, or never
            interval-overflow.yaml    | 6 | schedule.interval    | '9999999999999999d' is longer than 3650d, the longest interval
            interval-too-long.yaml    | 6 | schedule.interval    | '200000000000d' is longer than 3650d, the longest interval
            deletion-sweep-too-long.yaml | 5 | deletionSweep     | '1000000000000d' is longer than 3650d, the longest interval
            date-format-mapping.yaml  | 9 | fields[0].transform[0].dateFormat | expected a single value
            number-format-list.yaml   | 9 | fields[0].transform[0].numberFormat | expected a single value
            recursive-alias.yaml      | 9 | fields[1].constant[1] | the anchor &loop is used inside itself (a recursive alias)
            not-utf8.yaml             | 5 | ''                   | not UTF-8 text: byte 0xFC at column 11
            cron-never-fires.yaml     | 6 | schedule.cron        | '0 0 12 30 2 ?' never fires
            cron-in-the-past.yaml     | 6 | schedule.cron        | '0 0 12 1 1 ? 2001' never fires
            filter-text-on-integer.yaml | 8 | tableFilter[0].value | NAV field 'Blocked' holds whole numbers: 'abc' is not one
            filter-number-on-code.yaml | 8 | tableFilter[0].value | NAV field 'No.' holds text: quote the value, '01234', or YAML reads it as the number 1234
            filter-null.yaml          | 8 | tableFilter[0].value | YAML null is no value: NAV fields are never NULL
            constant-null.yaml        | 9 | fields[1].constant   | YAML null is no value: NAV fields are never NULL
            nav-constant-type.yaml    | 9 | fields[1].constant   | NAV field 'Blocked' holds whole numbers: 'all' is not one
            unknown-sales-attribute.yaml | 9 | fields[1].sales   | Sales table 'account' has no attribute 'telephone9'; did you mean 'telephone1'?
            unknown-lookup-attribute.yaml | 11 | fields[1].lookupAttribute | Sales table 'account' has no lookup column 'owner' (read as _owner_value); did you mean 'ownerid'?
            unknown-navigation-property.yaml | 9 | fields[1].sales | Sales table 'account' has no navigation property 'owner' (a lookup's sales side); did you mean 'ownerid'?
            bad-integration-filter.yaml | 5 | integrationTableFilter | Sales refuses this $filter on accounts: Could not find a property named 'customertypecod'
            sales-constant-type.yaml  | 9 | fields[1].constant   | Sales attribute 'customertypecode' is Edm.Int32: the constant 'three' is not a whole number
            sales-constant-number-for-text.yaml | 9 | fields[1].constant | Sales attribute 'description' is Edm.String: quote the constant, '5', or YAML reads it as a number
            sales-constant-null.yaml  | 9 | fields[1].constant   | YAML null is no value for a constant; quote it ('null') for the text
            """)
    void aMalformedFileIsRefusedWithFileLineAndKey(String file, int line, String key, String message) {
        Path path = BAD.resolve(file);
        assertThatThrownBy(() -> salesLoader.loadFiles(List.of(path)))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.file()).isEqualTo(path.toString());
                        assertThat(p.line()).isEqualTo(line);
                        assertThat(p.key()).isEqualTo(key);
                        assertThat(p.message()).contains(message);
                    });
                    assertThat(e.getMessage()).contains(path + ":" + line + ":");
                });
    }

    @Test
    void theShippedMappingsPassTheChecksAgainstSalesMetadata() {
        assertThat(salesLoader.loadFolder(Path.of("mappings"))).hasSize(8);
    }

    @Test
    void withoutSalesMetadataOnlyTheFormOfSalesAttributesIsChecked() {
        assertThat(loader.loadFiles(List.of(BAD.resolve("unknown-sales-attribute.yaml")))).singleElement()
                .satisfies(m -> assertThat(m.fields()).extracting(FieldMapping::salesAttribute).contains("telephone9"));
    }

    @Test
    void twoFilesWithTheSameMappingNameAreRefused(@TempDir Path dir) throws Exception {
        shippedMappingsIn(dir);
        Files.copy(Path.of("mappings/customer.yaml"), dir.resolve("customer-copy.yaml"));
        assertThatThrownBy(() -> loader.loadFolder(dir))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).endsWith("customer.yaml");
                            assertThat(p.message()).contains("mapping name 'CUSTOMER' is already used by").contains("customer-copy.yaml");
                        }));
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("many.yaml");
        Files.writeString(file, """
                name: CUSTOMER
                table: Customer
                entity: acount
                direction: Sideways
                fields:
                  - nav: Nmae
                    sales: name
                """);
        assertThatThrownBy(() -> loader.loadFiles(List.of(file)))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .extracting(MappingProblem::line).containsExactlyInAnyOrder(3, 4, 6));
    }

    @Test
    void anEmptyFolderIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.loadFolder(dir)).isInstanceOf(MappingException.class)
                .hasMessageContaining("no *.yaml or *.yml mapping files");
    }

    @Test
    void badTransformationsAreReportedWithTheirLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("transforms.yaml");
        Files.writeString(file, """
                name: CUSTOMER
                table: Customer
                entity: account
                direction: Bidirectional
                fields:
                  - nav: Name
                    sales: name
                    transform:
                      - shout
                      - maxLength: 0
                      - regex: { pattern: "([a-z" }
                  - nav: Last Date Modified
                    sales: address1_postofficebox
                    transform:
                      - dateFormat: dd.MM.yyyy
                  - nav: Phone No.
                    sales: telephone1
                    transform: [trim, upper, { maxLength: 20 }]
                """);
        assertThatThrownBy(() -> loader.loadFiles(List.of(file)))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.problems()).extracting(MappingProblem::line).containsExactlyInAnyOrder(9, 10, 11, 15);
                    assertThat(e.problems()).extracting(MappingProblem::message).anySatisfy(m -> assertThat(m)
                            .contains("unknown transformation 'shout'")).anySatisfy(m -> assertThat(m)
                            .contains("invalid regular expression")).anySatisfy(m -> assertThat(m)
                            .contains("dateFormat turns a NAV value into Sales text, one way"));
                });
    }

    @Test
    void lookupsMayCloseACycleButDependsOnMayNot(@TempDir Path dir) throws Exception {
        shippedMappingsIn(dir);
        List<IntegrationTableMapping> loaded = loader.loadFolder(dir);
        navsync.sync.Mappings mappings = new navsync.sync.Mappings(loaded);
        IntegrationTableMapping customer = mappings.get("CUSTOMER");
        assertThat(customer.pairs()).filteredOn(p -> mappings.isSecondPass(customer, p))
                .extracting(FieldMapping::navField).containsExactly("Primary Contact No.");
        List<String> order = mappings.dependencyOrder().stream().map(IntegrationTableMapping::name).toList();
        assertThat(order.indexOf("CUSTOMER")).isLessThan(order.indexOf("CONTACT"));

        Path customerFile = dir.resolve("customer.yaml");
        Files.writeString(customerFile, Files.readString(customerFile).replace("  - CURRENCY\n", "  - CURRENCY\n  - CONTACT\n"));
        assertThatThrownBy(() -> loader.loadFolder(dir)).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
                        .contains("cycle").contains("CONTACT").contains("CUSTOMER")));
    }

    @Test
    void optionMappingsRunOneWayWithoutFieldPairsAndPairsNameTheRightKind(@TempDir Path dir) throws Exception {
        Path terms = dir.resolve("terms.yaml");
        Files.writeString(terms, """
                name: PAYMENT-TERMS
                table: Payment Terms
                entity: account
                option: { attribute: paymenttermscode, labelField: Descripton }
                direction: Bidirectional
                deletionResolution: propagate
                fields:
                  - { nav: Code, sales: name }
                """);
        Path customer = dir.resolve("customer.yaml");
        Files.writeString(customer, """
                name: CUSTOMER
                table: Customer
                entity: account
                direction: Bidirectional
                fields:
                  - nav: Payment Terms Code
                    sales: paymenttermscode
                    lookup: PAYMENT-TERMS
                """);
        assertThatThrownBy(() -> loader.loadFiles(List.of(terms)))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .extracting(MappingProblem::line).containsExactlyInAnyOrder(4, 5, 6, 8));
        Files.writeString(terms, """
                name: PAYMENT-TERMS
                table: Payment Terms
                entity: account
                option: { attribute: paymenttermscode }
                direction: ToIntegrationTable
                """);
        assertThatThrownBy(() -> loader.loadFiles(List.of(terms, customer)))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("is an option mapping; use 'option: PAYMENT-TERMS'")));
    }

    private static Path shippedMappingsIn(Path dir) throws Exception {
        try (var shipped = Files.list(Path.of("mappings"))) {
            for (Path file : shipped.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void aBrokenFileIsReportedOnceNotAgainByTheFilesThatReferToIt(@TempDir Path dir) throws Exception {
        shippedMappingsIn(dir);
        Path customer = dir.resolve("customer.yaml");
        Files.writeString(customer, Files.readString(customer).replace("  - nav: Phone No.\n", "  - nav: Phone No\n"));
        assertThatThrownBy(() -> loader.loadFolder(dir)).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(customer.toString());
                    assertThat(p.message()).contains("has no field 'Phone No'");
                }));
    }

    @Test
    void aCycleNamesTheLineOfTheDependsOnEntryThatClosesIt(@TempDir Path dir) throws Exception {
        shippedMappingsIn(dir);
        Path customer = dir.resolve("customer.yaml");
        Files.writeString(customer, Files.readString(customer).replace("  - CURRENCY\n", "  - CURRENCY\n  - CONTACT\n"));
        assertThatThrownBy(() -> loader.loadFolder(dir)).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.message()).contains("cycle CONTACT -> CUSTOMER -> CONTACT");
                    // the entry of the first mapping along the cycle that names the next
                    assertThat(p.file()).isEqualTo(dir.resolve("contact.yaml").toString());
                    assertThat(p.key()).isEqualTo("dependsOn[0]");
                    assertThat(Files.readAllLines(dir.resolve("contact.yaml")).get(p.line() - 1)).isEqualTo("  - CUSTOMER");
                }));
    }

    @Test
    void ymlFilesAreMappingFilesToo(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("src/test/resources/mappings/bad/unknown-field.yaml"), dir.resolve("customer.yml"));
        assertThatThrownBy(() -> loader.loadFolder(dir)).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.file()).endsWith("customer.yml")));
    }

    /** The shipped customer.yaml again as CUSTOMER2, with {@code replace} applied to its text. */
    private static Path secondCustomerMapping(Path dir, String... replace) throws Exception {
        shippedMappingsIn(dir);
        String text = Files.readString(Path.of("mappings/customer.yaml")).replace("name: CUSTOMER\n", "name: CUSTOMER2\n");
        for (int i = 0; i < replace.length; i += 2) {
            text = text.replace(replace[i], replace[i + 1]);
        }
        return Files.writeString(dir.resolve("customer2.yaml"), text);
    }

    @Test
    void twoMappingsOfTheSameTableAndEntityAreRefusedWithBothLines(@TempDir Path dir) throws Exception {
        Path second = secondCustomerMapping(dir);
        assertThatThrownBy(() -> loader.loadFolder(dir)).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(second.toString());
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.key()).isEqualTo("table");
                    assertThat(p.message()).contains("'CUSTOMER2' maps NAV table 'Customer' to Sales entity 'account' as"
                            + " 'CUSTOMER' does (" + dir.resolve("customer.yaml") + ":4)")
                            .contains("tableFilters are not provably disjoint").contains("allowOverlapWith: [CUSTOMER]");
                }));
    }

    @Test
    void overlappingMappingsPassWhenBothSidesFiltersAreDisjointOrTheFileSaysSo(@TempDir Path dir) throws Exception {
        // NAV side apart (Blocked eq 0 / Blocked ne 0), Sales side not: refused, naming the Sales filters
        Path second = secondCustomerMapping(dir, "    operator: eq\n    value: 0\n", "    operator: ne\n    value: 0\n");
        assertThatThrownBy(() -> loader.loadFolder(dir)).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
                        .contains("integrationTableFilters are not provably disjoint")));
        // and Sales side apart too (customertypecode 3 / 11): accepted
        Files.writeString(second, Files.readString(second).replace("customertypecode eq 3", "customertypecode eq 11"));
        assertThat(loader.loadFolder(dir)).extracting(IntegrationTableMapping::name).contains("CUSTOMER", "CUSTOMER2");

        Path dir2 = Files.createDirectories(dir.resolve("same"));
        secondCustomerMapping(dir2, "dependsOn:\n", "allowOverlapWith: [CUSTOMER]\ndependsOn:\n");
        assertThat(loader.loadFolder(dir2)).extracting(IntegrationTableMapping::name).contains("CUSTOMER", "CUSTOMER2");
    }

    @Test
    void disjointFiltersAreProvedFieldByField() {
        assertThat(disjoint("Blocked eq 0", "Blocked eq 1")).isTrue();
        assertThat(disjoint("Blocked in 1,2", "Blocked in 0,3")).isTrue();
        assertThat(disjoint("Blocked in 1,2", "Blocked in 2,3")).isFalse();
        assertThat(disjoint("Blocked lt 2", "Blocked ge 2")).isTrue();
        assertThat(disjoint("Blocked le 2", "Blocked ge 2")).isFalse();
        assertThat(disjoint("Name startswith A", "Name startswith b")).isTrue();
        assertThat(disjoint("Name startswith A", "Name startswith ab")).isFalse();
        assertThat(disjoint("Name eq ABC", "Name ne abc")).isTrue();
        assertThat(disjoint("Blocked eq 0", "Name eq X")).isFalse();
        assertThat(MappingOverlaps.disjoint(MappingOverlaps.salesConditions("statecode eq 0 and _x_value ne null"),
                MappingOverlaps.salesConditions("_x_value eq null"))).isTrue();
        assertThat(MappingOverlaps.disjoint(MappingOverlaps.salesConditions("statecode eq 0 or statecode eq 1"),
                MappingOverlaps.salesConditions("statecode eq 2"))).isFalse();
    }

    /** Two NAV filters of one condition each, written "field operator value[,value]". */
    private static boolean disjoint(String a, String b) {
        return MappingOverlaps.disjoint(List.of(condition(a)), List.of(condition(b)));
    }

    private static MappingOverlaps.Condition condition(String text) {
        String[] parts = text.split(" ");
        List<Object> values = Arrays.stream(parts[2].split(","))
                .map(v -> v.matches("\\d+") ? (Object) Long.valueOf(v) : v).toList();
        return new MappingOverlaps.Condition(parts[0], FilterOperator.valueOf(parts[1]), values);
    }
}
