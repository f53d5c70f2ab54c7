package navsync.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import navsync.mapping.Direction;
import navsync.testing.ApiClient;
import navsync.testing.FailingRecords;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request value that reaches SQL is a bind parameter: injection strings sent as NAV keys, mapping
 * names and filters are answered with a 4xx (never a 500), and every table keeps its rows.
 */
class SqlInjectionTest {

    private static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE coupling; --",
            "10000' OR '1'='1",
            "x'); DELETE FROM sync_job; --",
            "CUSTOMER' OR 1=1 --",
            "%' OR nav_key LIKE '%",
            "1; UPDATE coupling SET skipped = FALSE",
            "]; DROP TABLE [CRONUS International Ltd_$Customer]; --");

    @TempDir
    Path data;

    @Test
    void injectionStringsAsKeysMappingNamesAndFiltersChangeNothing() throws Exception {
        try (NavsyncTestApp app = NavsyncTestApp.start(data, Map.of("navsync.sync.skip-after-failures", "2"))) {
            FailingRecords.skipCustomer10000(app);
            app.synchronization().run("CURRENCY", Direction.ToIntegrationTable, java.time.Duration.ofMinutes(1));
            Map<String, Integer> before = rowCounts(app);
            ApiClient api = new ApiClient(app);

            for (String bad : INJECTIONS) {
                String segment = URLEncoder.encode(bad, StandardCharsets.UTF_8).replace("+", "%20");
                String query = URLEncoder.encode(bad, StandardCharsets.UTF_8);
                for (String[] call : new String[][] {
                        {"GET", "/api/mappings/" + segment},
                        {"GET", "/api/mappings/CUSTOMER/records/" + segment + "/coupling"},
                        {"GET", "/api/couplings?mapping=CUSTOMER&salesId=" + query},
                        {"GET", "/api/couplings?mapping=" + query + "&salesId=" + java.util.UUID.randomUUID()},
                        {"GET", "/api/jobs?mapping=" + query},
                        {"GET", "/api/jobs?direction=" + query},
                        {"GET", "/api/jobs?status=" + query},
                        {"GET", "/api/jobs?type=" + query},
                        {"GET", "/api/jobs?from=" + query},
                        {"GET", "/api/jobs?limit=" + query},
                        {"GET", "/api/jobs/" + segment},
                        {"GET", "/api/jobs/" + segment + "/errors"},
                        {"GET", "/api/status/errors?mapping=" + query},
                        {"GET", "/api/status/errors?state=" + query},
                        {"POST", "/api/mappings/CUSTOMER/records/" + segment + "/retry"},
                        {"POST", "/api/mappings/CUSTOMER/records/" + segment + "/restore"},
                        {"POST", "/api/mappings/" + segment + "/retry"},
                        {"POST", "/api/mappings/" + segment + "/restore"},
                        {"POST", "/api/mappings/" + segment + "/synchronize"},
                        {"DELETE", "/api/mappings/CUSTOMER/records/" + segment + "/coupling"},
                        {"POST", "/api/mappings/CUSTOMER/records/" + segment + "/coupling"}}) {
                    HttpResponse<String> response = api.send(call[0], call[1], call[0].equals("POST")
                            && call[1].endsWith("/coupling") ? Map.of("salesName", bad) : null);
                    assertThat(response.statusCode()).as("%s %s: %s", call[0], call[1], response.body()).isBetween(400, 499);
                }
                HttpResponse<String> byName = api.send("POST", "/api/mappings/CUSTOMER/records/20000/coupling",
                        Map.of("salesName", bad, "synchronize", "none", "recouple", true));
                assertThat(byName.statusCode()).as(byName.body()).isEqualTo(404);
            }

            assertThat(rowCounts(app)).isEqualTo(before);
            assertThat(app.store().couplings().findByNavKey("CUSTOMER", "10000").orElseThrow().skipped())
                    .as("no UPDATE reached other couplings").isTrue();
        }
    }

    /** Rows of every state-store table and of the NAV customers: a dropped or emptied table shows here. */
    private static Map<String, Integer> rowCounts(NavsyncTestApp app) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : List.of("coupling", "sync_job", "sync_job_error", "watermark", "\"flyway_schema_history\"")) {
            counts.put(table, count(app.store().dataSource(), "SELECT COUNT(*) FROM " + table));
        }
        counts.put("NAV customers", count(app.nav(), "SELECT COUNT(*) FROM " + NavTables.table("Customer")));
        assertThat(counts.get("coupling")).isPositive();
        assertThat(counts.get("sync_job_error")).isPositive();
        return counts;
    }

    private static int count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
