package navsync.nav;

import static navsync.nav.TransactSql.assertTransactSql;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.MappingLoader;
import navsync.nav.demo.DemoNavDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL navsync sends to NAV: T-SQL (brackets, parameters, no H2-only syntax) that the demo database also runs. */
class NavQueriesTest {

    private static HikariDataSource nav;
    private static NavSchema schema;
    private static IntegrationTableMapping customer;

    @BeforeAll
    static void demo() {
        nav = new HikariDataSource();
        nav.setJdbcUrl(DemoNavDatabase.jdbcUrl("nav-queries-test"));
        DemoNavDatabase.install(nav, DemoNavDatabase.DEFAULT_COMPANY);
        schema = new NavSchema(nav, DemoNavDatabase.DEFAULT_COMPANY);
        customer = new MappingLoader(schema, 500).loadFolder(Path.of("mappings")).stream()
                .filter(m -> m.name().equals("CUSTOMER")).findFirst().orElseThrow();
    }

    @AfterAll
    static void close() {
        nav.close();
    }

    @Test
    void sqlServerReadsCompareRowversionAsBinaryAndStopBelowTransactionsInFlight() {
        NavQuery query = new NavQueries(schema, NavDialect.SQL_SERVER).changedRows(customer, 1234L, nav);
        assertThat(query.sql())
                .startsWith("SELECT [No_] AS [navsyncKey], [$systemId] AS [navsyncRecordId], CAST([timestamp] AS BIGINT) AS [timestamp]")
                .contains("FROM [CRONUS International Ltd_$Customer]")
                .contains("[Blocked] = :?filter0")
                .contains("[timestamp] > CAST(CAST(:?watermark AS BIGINT) AS BINARY(8))")
                .contains("[timestamp] < MIN_ACTIVE_ROWVERSION()")
                .endsWith("ORDER BY [timestamp]");
        assertTransactSql(query.jdbcSql());
        assertThat(query.parameters()).containsEntry("watermark", 1234L).containsEntry("filter0", 0L);
    }

    @Test
    void theDemoDatabaseRunsTheSameShapeOfSql() {
        NavQueries queries = new NavQueries(schema, NavDialect.H2);
        NavQuery changed = queries.changedRows(customer, null, nav);
        assertTransactSql(changed.jdbcSql());
        assertThat(changed.sql()).contains("[timestamp] < :?inFlightBound");
        assertThat(changed.parameters()).containsKey("inFlightBound");
        List<?> rows = NavRows.query(nav, changed);
        assertThat(rows).isNotEmpty();
        NavQuery byKeys = queries.rowsByKeys(customer, List.of("10000", "20000"), false);
        assertTransactSql(byKeys.jdbcSql());
        assertThat(NavRows.query(nav, byKeys)).hasSize(2);
    }

    @Test
    void theDeletionSweepAsksWhichKeysExistWhateverTheTableFilter() {
        NavQuery query = new NavQueries(schema, NavDialect.SQL_SERVER).existingKeys(customer, List.of("10000", "NOPE", "20000"));
        assertThat(query.sql()).isEqualTo("SELECT [No_] AS [navsyncKey] FROM [CRONUS International Ltd_$Customer]"
                + " WHERE [No_] IN (:?key0, :?key1, :?key2)");
        assertTransactSql(query.jdbcSql());
        assertThat(NavRows.query(nav, query)).extracting(row -> row.get(NavQueries.KEY))
                .containsExactlyInAnyOrder("10000", "20000");
    }
}
