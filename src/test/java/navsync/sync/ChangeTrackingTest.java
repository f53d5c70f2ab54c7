package navsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import navsync.state.SyncJob;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import navsync.testing.SalesRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CUSTOMER's Sales -> NAV pass with {@code salesChanges: changeTracking} against the sandbox: the delta
 * link brings edits, creates (through the integration table filter) and deletions; an unchanged
 * organization reads nothing; a refused (expired) delta link falls back to a full read.
 */
class ChangeTrackingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern DELTA_TOKEN = Pattern.compile("\\$deltatoken=([^&]+)");

    @TempDir
    Path data;
    @TempDir
    Path mappings;
    NavsyncTestApp app;
    SalesRows sales;

    @BeforeEach
    void start() throws Exception {
        // deletions come from the delta link only: no sweep
        String yaml = Files.readString(Path.of("mappings/customer.yaml"))
                .replace("deletionResolution: none", "deletionResolution: propagate\nsalesChanges: changeTracking\n"
                        + "deletionSweep: never");
        try (var files = Files.list(Path.of("mappings"))) {
            for (Path file : files.toList()) {
                Files.copy(file, mappings.resolve(file.getFileName()));
            }
        }
        Files.writeString(mappings.resolve("customer.yaml"), yaml);
        app = NavsyncTestApp.start(data, Map.of("navsync.mappings-dir", mappings.toString()));
        sales = new SalesRows(app.sandbox().organizationUrl());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void editsCreatesAndDeletesArriveThroughTheDeltaLinkAndAQuietOrganizationReadsNothing() {
        List<SyncJob> first = runBoth();
        assertThat(first).allSatisfy(j -> assertThat(j.counters().failed()).isZero());
        String firstLink = deltaLink();
        assertThat(firstLink).startsWith(app.sandbox().organizationUrl()).contains("$deltatoken=");

        UUID edited = salesId("20000");
        UUID deleted = salesId("30000");
        sales.update("accounts", edited, Map.of("telephone1", "+44 113 496 0000"));
        UUID created = sales.create("accounts", Map.of("name", "Delta Traders Ltd", "customertypecode", 3));
        UUID competitor = sales.create("accounts", Map.of("name", "Not A Customer Ltd", "customertypecode", 1));
        sales.delete("accounts", deleted);

        SynchronizationService.Preview preview = app.synchronization().preview("CUSTOMER", null, TIMEOUT);
        assertThat(deltaLink()).as("a preview keeps the delta link").isEqualTo(firstLink);
        assertThat(preview.records()).anySatisfy(r -> {
            assertThat(r.pass()).isEqualTo("FromIntegrationTable");
            assertThat(r.navKey()).isEqualTo("30000");
            assertThat(r.salesId()).isEqualTo(deleted);
            assertThat(r.action()).isEqualTo("delete");
        });
        assertThat(nav("30000")).isNotNull();

        List<SyncJob> second = runBoth();
        for (int i = 0; i < second.size(); i++) {
            assertThat(second.get(i).counters()).as("%s: the run does what its preview said", second.get(i).direction())
                    .isEqualTo(preview.jobs().get(i).counters());
        }
        SyncJob from = second.get(1);
        assertThat(from.counters().modified()).isEqualTo(1);
        assertThat(from.counters().inserted()).isEqualTo(1);
        assertThat(from.counters().deleted()).isEqualTo(1);
        assertThat(from.counters().unchanged()).as("only the delta is read, not every account").isZero();
        assertThat(from.counters().failed()).isZero();
        assertThat(nav("20000").get("Phone No_")).isEqualTo("+44 113 496 0000");
        String newKey = app.store().couplings().findBySalesId("CUSTOMER", created).orElseThrow().navKey();
        assertThat(nav(newKey).get("Name")).isEqualTo("Delta Traders Ltd");
        assertThat(app.store().couplings().findBySalesId("CUSTOMER", competitor))
                .as("the integration table filter (customertypecode eq 3) applies to the delta").isEmpty();
        assertThat(nav("30000")).as("the deleted account's customer, propagated").isNull();
        assertThat(app.store().couplings().findByNavKey("CUSTOMER", "30000")).isEmpty();
        assertThat(deltaLink()).isNotEqualTo(firstLink);

        // the delta after a pass holds that pass's own writes (the new account got its customer number): read, unchanged
        app.sandbox().resetCounters();
        List<SyncJob> echo = runBoth();
        assertThat(echo.get(1).counters()).isEqualTo(new navsync.state.JobCounters(0, 0, 0, 1, 0, 0, 0, 0));
        assertThat(echo.get(0).counters().inserted() + echo.get(0).counters().modified()).isZero();
        assertThat(app.sandbox().writeRequestCount()).isZero();

        app.sandbox().resetCounters();
        List<SyncJob> quiet = runBoth();
        assertThat(quiet).allSatisfy(j -> assertThat(j.counters().total()).as("%s reads nothing", j.direction()).isZero());
        assertThat(app.sandbox().writeRequestCount()).as("and writes nothing").isZero();
        assertThat(app.sandbox().requestCount()).as("the Sales -> NAV pass sends one request: the delta link").isEqualTo(1);
    }

    @Test
    void anExpiredDeltaLinkFallsBackToAFullReadWithANewDeltaLink() {
        runBoth();
        sales.update("accounts", salesId("20000"), Map.of("telephone1", "+44 113 496 1111"));
        String expired = issuedDaysAgo(deltaLink(), 30);
        app.store().watermarks().set("CUSTOMER", "FromIntegrationTable", expired);

        SyncJob from = runBoth().get(1);
        assertThat(from.counters().modified()).isEqualTo(1);
        assertThat(from.counters().unchanged()).as("every account was read again").isGreaterThan(5);
        assertThat(nav("20000").get("Phone No_")).isEqualTo("+44 113 496 1111");
        assertThat(deltaLink()).as("a new delta link").isNotEqualTo(expired).contains("$deltatoken=");

        SyncJob after = runBoth().get(1);
        assertThat(after.counters().total()).as("the new delta link is in use").isZero();
    }

    /** The stored delta link with its token (Dataverse's shape {@code version!MM/dd/yyyy HH:mm:ss}) issued days ago. */
    private static String issuedDaysAgo(String link, int days) {
        Matcher m = DELTA_TOKEN.matcher(link);
        assertThat(m.find()).as("a $deltatoken in %s", link).isTrue();
        String token = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        String version = token.substring(0, token.indexOf('!'));
        String issued = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss")
                .format(LocalDateTime.now(ZoneOffset.UTC).minusDays(days));
        return link.substring(0, m.start(1)) + URLEncoder.encode(version + "!" + issued, StandardCharsets.UTF_8)
                .replace("+", "%20") + link.substring(m.end(1));
    }

    private String deltaLink() {
        return app.store().watermarks().get("CUSTOMER", "FromIntegrationTable").orElseThrow();
    }

    private List<SyncJob> runBoth() {
        List<SyncJob> jobs = app.synchronization().run("CUSTOMER", null, TIMEOUT);
        assertThat(jobs).allSatisfy(j -> assertThat(j.status()).as(j.message()).isEqualTo(SyncJob.SUCCEEDED));
        return jobs;
    }

    private UUID salesId(String navKey) {
        return app.store().couplings().findByNavKey("CUSTOMER", navKey).orElseThrow().salesId();
    }

    private Map<String, Object> nav(String key) {
        return new NavTables(app.nav()).row("Customer", "No_", key);
    }
}
