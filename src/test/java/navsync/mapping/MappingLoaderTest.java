package navsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import navsync.nav.NavSchema;
import navsync.nav.demo.DemoNavDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingLoaderTest {

    private static final Path BAD = Path.of("src/test/resources/mappings/bad");
    private static HikariDataSource nav;
    private static MappingLoader loader;

    @BeforeAll
    static void demoDatabase() {
        nav = new HikariDataSource();
        nav.setJdbcUrl(DemoNavDatabase.jdbcUrl("mapping-loader-test"));
        DemoNavDatabase.install(nav, DemoNavDatabase.DEFAULT_COMPANY);
        loader = new MappingLoader(new NavSchema(nav, DemoNavDatabase.DEFAULT_COMPANY), 500);
    }

    @AfterAll
    static void close() {
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
            """)
    void aMalformedFileIsRefusedWithFileLineAndKey(String file, int line, String key, String message) {
        Path path = BAD.resolve(file);
        assertThatThrownBy(() -> loader.loadFiles(List.of(path)))
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
    void twoFilesWithTheSameMappingNameAreRefused(@TempDir Path dir) throws Exception {
        try (var shipped = Files.list(Path.of("mappings"))) {
            for (Path file : shipped.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
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
        try (var shipped = Files.list(Path.of("mappings"))) {
            for (Path file : shipped.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
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
}
