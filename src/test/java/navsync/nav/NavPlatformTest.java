package navsync.nav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.MappingException;
import navsync.mapping.MappingLoader;
import navsync.nav.demo.DemoNavDatabase;
import org.junit.jupiter.api.Test;

/**
 * NAV 2013-2018 / BC 13-14 naming ({@code [Company$Table]}, the record GUID in {@code Id}) and
 * Business Central 15+ naming ({@code [Company$Table$<app id>]}, {@code $systemId}), chosen by
 * configuration: the T-SQL generated for each, run against an H2 (MSSQLServer mode) database laid
 * out that way; and the SQL Server driver is on the runtime classpath.
 */
class NavPlatformTest {

    private static final String COMPANY = DemoNavDatabase.DEFAULT_COMPANY;

    @Test
    void businessCentralTablesCarryTheAppIdAndTheSystemId() throws Exception {
        try (HikariDataSource nav = demo("bc")) {
            renameToBusinessCentral(nav);
            NavSchema schema = new NavSchema(nav, COMPANY, NavPlatform.bc.tableSuffix(NavPlatform.BASE_APPLICATION_ID));
            IntegrationTableMapping customer = customerMapping(schema);

            NavQuery changed = new NavQueries(schema, NavDialect.SQL_SERVER).changedRows(customer, 42L, nav);
            assertThat(changed.sql())
                    .startsWith("SELECT [No_] AS [navsyncKey], [$systemId] AS [navsyncRecordId], ")
                    .contains(" FROM [CRONUS International Ltd_$Customer$437dbf0e-84ff-417a-965d-ed2bb9650972] WHERE ")
                    .contains("[timestamp] > CAST(CAST(:?watermark AS BIGINT) AS BINARY(8))")
                    .contains("[timestamp] < MIN_ACTIVE_ROWVERSION()");
            List<Map<String, Object>> rows = NavRows.query(nav, new NavQueries(schema, NavDialect.H2).changedRows(customer, null, nav));
            assertThat(rows).isNotEmpty();
            assertThat(rows.get(0).get(NavQueries.RECORD_ID)).isInstanceOf(UUID.class);

            // the same database read with NAV naming has no such table, and says which SQL name it looked for
            NavSchema navNaming = new NavSchema(nav, COMPANY, NavPlatform.nav.tableSuffix(NavPlatform.BASE_APPLICATION_ID));
            assertThatThrownBy(() -> customerMapping(navNaming)).isInstanceOf(MappingException.class)
                    .hasMessageContaining("(SQL table CRONUS International Ltd_$Customer)");
        }
    }

    @Test
    void nav2018TablesWithoutSystemIdGiveTheirIdFieldAsRecordGuid() throws Exception {
        try (HikariDataSource nav = demo("nav2018")) {
            String table = NavNaming.quote(COMPANY + "$Customer");
            execute(nav, "ALTER TABLE " + table + " DROP COLUMN [$systemId]");
            execute(nav, "ALTER TABLE " + table + " ADD COLUMN [Id] UNIQUEIDENTIFIER NOT NULL DEFAULT RANDOM_UUID()");
            NavSchema schema = new NavSchema(nav, COMPANY, NavPlatform.nav.tableSuffix(NavPlatform.BASE_APPLICATION_ID));
            IntegrationTableMapping customer = customerMapping(schema);

            NavQuery changed = new NavQueries(schema, NavDialect.SQL_SERVER).changedRows(customer, null, nav);
            assertThat(changed.sql()).startsWith("SELECT [No_] AS [navsyncKey], [Id] AS [navsyncRecordId], ")
                    .contains(" FROM [CRONUS International Ltd_$Customer] WHERE ");
            List<Map<String, Object>> rows = NavRows.query(nav, new NavQueries(schema, NavDialect.H2).changedRows(customer, null, nav));
            assertThat(rows.get(0).get(NavQueries.RECORD_ID)).isInstanceOf(UUID.class);
        }
    }

    @Test
    void thePlatformSettingTakesNavOrBc() {
        assertThat(NavPlatform.parse("bc").tableSuffix("abc")).isEqualTo("$abc");
        assertThat(NavPlatform.parse("nav").tableSuffix("abc")).isEmpty();
        assertThatThrownBy(() -> NavPlatform.parse("BC15")).hasMessageContaining("navsync.nav.platform")
                .hasMessageContaining("BC15");
    }

    @Test
    void theSqlServerDriverIsBundledAndPicksTheSqlServerDialect() throws Exception {
        String url = "jdbc:sqlserver://navsql:1433;databaseName=NAV2018;encrypt=true;trustServerCertificate=true";
        Driver driver = DriverManager.getDriver(url);
        assertThat(driver.getClass().getName()).isEqualTo("com.microsoft.sqlserver.jdbc.SQLServerDriver");
        assertThat(NavDialect.forJdbcUrl(url)).isEqualTo(NavDialect.SQL_SERVER);
    }

    /** Lays the demo company's tables out as Business Central 15+ does: the Base Application's id after the name. */
    static void renameToBusinessCentral(DataSource nav) throws SQLException {
        for (String table : DemoNavDatabase.TABLES) {
            execute(nav, "ALTER TABLE " + NavNaming.quote(COMPANY + "$" + table) + " RENAME TO "
                    + NavNaming.quote(COMPANY + "$" + table + NavPlatform.bc.tableSuffix(NavPlatform.BASE_APPLICATION_ID)));
        }
    }

    private static HikariDataSource demo(String name) {
        HikariDataSource nav = new HikariDataSource();
        nav.setJdbcUrl(DemoNavDatabase.jdbcUrl("nav-platform-" + name + "-" + UUID.randomUUID()));
        DemoNavDatabase.install(nav, COMPANY);
        return nav;
    }

    private static IntegrationTableMapping customerMapping(NavSchema schema) {
        return new MappingLoader(schema, 500).loadFolder(Path.of("mappings")).stream()
                .filter(m -> m.name().equals("CUSTOMER")).findFirst().orElseThrow();
    }

    private static void execute(DataSource nav, String sql) throws SQLException {
        try (Connection c = nav.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
