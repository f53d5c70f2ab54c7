package navsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import navsync.state.SyncJob;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import navsync.testing.SalesRows;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.TriggerKey;

/**
 * A schedule with an inactivity sleep on real Quartz triggers: a run that changed nothing sends it to
 * sleep, its firings then only probe, and a change in NAV or in Sales wakes it before the sleep ends.
 */
class InactivitySleepTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMERS = "[CRONUS International Ltd_$Customer]";

    @TempDir
    Path data;
    @TempDir
    Path mappings;
    NavsyncTestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anIdleRunSendsTheScheduleToSleepAndANavOrSalesChangeWakesIt() throws Exception {
        try (var shipped = Files.list(Path.of("mappings"))) {
            for (Path file : shipped.toList()) {
                boolean customer = file.getFileName().toString().equals("customer.yaml");
                Files.writeString(mappings.resolve(file.getFileName()), Files.readString(file)
                        .replaceAll("\n  inactivitySleep: [^\n]*", "").replace("interval: 30m",
                        customer ? "interval: 2s\n  inactivitySleep: 1h" : "interval: 30m\n  enabled: false"));
            }
        }
        app = NavsyncTestApp.start(data, Map.of("navsync.mappings-dir", mappings.toString(),
                "navsync.schedules.enabled", "true"));

        // the first firing couples every customer; the next one finds nothing to do and the schedule sleeps
        waitFor(() -> schedule().hasNonNull("asleepUntil") && !schedule().path("asleepUntil").isNull(),
                "the schedule sleeps after a run that changed nothing");
        assertThat(schedule().path("inactivitySleep").asText()).isEqualTo("PT1H");
        assertThat(Instant.parse(schedule().path("asleepUntil").asText()))
                .isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
        int asleep = jobs().size();
        Date firedBefore = previousFireTime();
        waitFor(() -> previousFireTime().getTime() >= firedBefore.getTime() + 4000, "two more firings");
        assertThat(jobs()).as("a sleeping schedule's firings only probe").hasSize(asleep);

        // a NAV edit: the next firing's probe sees a row version past the watermark and runs the mapping
        new NavTables(app.nav()).execute("UPDATE " + CUSTOMERS + " SET [Phone No_] = '+44 1 WAKE' WHERE [No_] = '20000'");
        waitFor(() -> jobs().size() >= asleep + 2, "the NAV change wakes the schedule");
        List<SyncJob> woken = jobs().subList(0, 2);
        SyncJob navPass = woken.stream().filter(j -> j.direction().equals("ToIntegrationTable")).findFirst().orElseThrow();
        assertThat(navPass.counters().modified()).as(navPass.message()).isEqualTo(1);
        waitFor(() -> !schedule().path("asleepUntil").isNull(), "the schedule sleeps again after an idle run");
        int asleepAgain = jobs().size();

        // a Sales edit: modifiedon past the Sales -> NAV watermark wakes it too
        java.util.UUID account = app.store().couplings().findByNavKey("CUSTOMER", "30000").orElseThrow().salesId();
        new SalesRows(app.sandbox().organizationUrl()).update("accounts", account, Map.of("telephone1", "+44 2 WAKE"));
        waitFor(() -> jobs().size() >= asleepAgain + 2 && jobs().get(0).finishedAt() != null,
                "the Sales change wakes the schedule and its run ends");
        SyncJob salesPass = jobs().get(0);
        assertThat(salesPass.direction()).isEqualTo("FromIntegrationTable");
        assertThat(salesPass.counters().modified()).as(salesPass.message()).isEqualTo(1);
        assertThat(new NavTables(app.nav()).row("Customer", "No_", "30000").get("Phone No_")).isEqualTo("+44 2 WAKE");
    }

    /** CUSTOMER's jobs, newest first. */
    private List<SyncJob> jobs() {
        return app.store().jobs().latest("CUSTOMER", 1000);
    }

    private Date previousFireTime() {
        try {
            Date previous = app.camel().getComponent("quartz", QuartzComponent.class).getScheduler()
                    .getTrigger(TriggerKey.triggerKey("CUSTOMER", "navsync")).getPreviousFireTime();
            return previous == null ? new Date(0) : previous;
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode schedule() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(app.apiUrl("/api/schedules"))).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode s : JSON.readTree(response.body())) {
                if (s.path("mapping").asText().equals("CUSTOMER")) {
                    return s;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no schedule of CUSTOMER");
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }
}
