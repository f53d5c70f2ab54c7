package navsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import navsync.mapping.Direction;
import navsync.testing.Http;
import navsync.testing.NavsyncTestApp;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-mapping job metrics in the Prometheus endpoint, and health checks of the NAV database, state store and Sales. */
class MonitoringTest {

    @TempDir
    Path data;
    NavsyncTestApp app;

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void passesAreCountedPerMappingAndOutcomeAndTheDependenciesAreHealthy() throws Exception {
        app = NavsyncTestApp.start(data, Map.of());
        int inserted = app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, Duration.ofSeconds(60)).get(0)
                .counters().inserted();
        assertThat(inserted).isPositive();
        app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, Duration.ofSeconds(60));

        String metrics = Http.get(app.managementUrl("/observe/metrics")).body();
        assertThat(sample(metrics, "navsync_records_total", "CUSTOMER", "ToIntegrationTable", "outcome=\"inserted\""))
                .isEqualTo(inserted);
        assertThat(sample(metrics, "navsync_run_seconds_count", "CUSTOMER", "ToIntegrationTable", "status=\"Succeeded\""))
                .isEqualTo(2);
        assertThat(sample(metrics, "navsync_last_run_end_seconds", "CUSTOMER", "ToIntegrationTable", ""))
                .isGreaterThan(System.currentTimeMillis() / 1000.0 - 120);

        HealthCheckRegistry checks = HealthCheckRegistry.get(app.camel());
        for (String id : new String[] {"nav-database", "state-store", "sales"}) {
            HealthCheck.Result result = checks.getCheck(id).orElseThrow().call();
            assertThat(result.getState()).as(id + ": " + result.getMessage()).isEqualTo(HealthCheck.State.UP);
        }

        app.sandbox().close(); // Sales unreachable: its check is down, and so is navsync's health
        HealthCheck.Result sales = checks.getCheck("sales").orElseThrow().call();
        assertThat(sales.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(Http.get(app.managementUrl("/observe/health")).statusCode()).isEqualTo(503);
    }

    /** The value of a Prometheus sample with these labels (in any order). */
    private static double sample(String metrics, String name, String mapping, String direction, String label) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") && line.contains("mapping=\"" + mapping + "\"")
                    && line.contains("direction=\"" + direction + "\"") && line.contains(label)) {
                Matcher m = Pattern.compile("} ([0-9.E+-]+)").matcher(line);
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            }
        }
        throw new AssertionError("no sample " + name + " for " + mapping + " " + direction + " " + label);
    }
}
