package navsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import navsync.sandbox.service.DemoData;

/** The standalone command: its options, the demo organization, and persistence to a file. */
class StandaloneTest {

    @Test
    void commandLineOptions() {
        SandboxOptions o = SandboxCommand.parse(new String[] {"--port", "0", "--alternate-key", "account:accountnumber",
            "--tls", "--client-id", "app", "--client-secret", "s", "--tenant", "t", "--token-lifetime", "60",
            "--max-requests", "10", "--fault-500", "0.5", "--fault-seed", "3", "--latency-record-ms", "2",
            "--data-file", "x.json", "--change-tracking-days", "2"}).options();
        assertEquals(0, o.port());
        assertEquals(8, o.threads());
        assertEquals(true, o.demoData());
        assertEquals("accountnumber", o.alternateKeys().get(0).columns().get(0));
        assertEquals(true, o.tls());
        assertEquals("t", o.auth().tenant());
        assertEquals(Duration.ofSeconds(60), o.auth().tokenLifetime());
        assertEquals(10, o.protection().maxRequests());
        assertEquals(52, o.protection().maxConcurrent(), "unset limits are Dataverse's");
        assertEquals(0.5, o.faults().serverError());
        assertEquals(3, o.faults().seed());
        assertEquals(Duration.ofMillis(2), o.latency().perRecord());
        assertEquals(Path.of("x.json"), o.dataFile());
        assertEquals(2, o.changeTrackingExpiryDays());
        SandboxOptions plain = SandboxCommand.parse(new String[] {"--no-demo"}).options();
        assertEquals(8181, plain.port());
        assertEquals(false, plain.demoData());
        assertNull(plain.auth());
        assertNull(plain.faults());
        assertNull(SandboxCommand.parse(new String[] {"--help"}));
        assertThrows(IllegalArgumentException.class, () -> SandboxCommand.parse(new String[] {"--bogus"}));
        assertThrows(IllegalArgumentException.class, () -> SandboxCommand.parse(new String[] {"--client-id", "x"}));
    }

    @Test
    void demoOrganizationHasTheCronusSalespeopleCurrenciesAndUncoupledAccounts() {
        SandboxOptions options = SandboxOptions.defaults().withThreads(2).withDemoData(true);
        try (SalesSandbox s = SalesSandbox.start(options)) {
            List<Map<String, Object>> users = s.rows("systemusers");
            assertThat(users).extracting(u -> u.get("fullname")).contains("Jim Olive", "Otis Falls", "Peter Saddow",
                    "Benjamin Chiu", "Robin Bettencourt", "navsync Sandbox");
            assertThat(s.rows("transactioncurrencies")).extracting(c -> c.get("isocurrencycode"))
                    .containsExactlyInAnyOrder("USD", "CAD", "DKK", "EUR", "GBP");
            List<Map<String, Object>> accounts = s.rows("accounts");
            assertThat(accounts).hasSize(6).allMatch(a -> a.get("accountnumber") == null);
            Map<String, Object> cannon = s.row("accounts", DemoData.accountId(0)).orElseThrow();
            assertEquals("The Cannon Group PLC", cannon.get("name"));
            assertEquals(DemoData.salespersonId("PS").toString(), cannon.get("_ownerid_value"));
            assertEquals(DemoData.currencyId("GBP").toString(), cannon.get("_transactioncurrencyid_value"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SandboxCommand.describe(s, options, null, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(s.organizationUrl()).contains("demo organization");
        }
    }

    @Test
    void rowsSurviveARestartWithADataFile(@TempDir Path dir) {
        Path file = dir.resolve("sandbox.json");
        SandboxOptions options = SandboxOptions.defaults().withThreads(2).withDataFile(file)
                .withAlternateKey("account", "accountnumber");
        UUID id;
        String link;
        String etag;
        try (SalesSandbox s = SalesSandbox.start(options)) {
            WebApi api = new WebApi(s);
            id = api.post("accounts", "{\"name\":\"Kept\",\"accountnumber\":\"P1\",\"revenue\":12.5,"
                    + "\"creditonhold\":true}").expect(204).entityId();
            UUID gone = api.post("accounts", "{\"name\":\"Gone\"}").expect(204).entityId();
            link = api.get("accounts?$select=name", "Prefer", "odata.track-changes").expect(200).json()
                    .get("@odata.deltaLink").asText();
            api.delete("accounts(" + gone + ")").expect(204);
            etag = s.row("accounts", id).orElseThrow().get("@odata.etag").toString();
        }
        assertThat(file).exists();
        try (SalesSandbox s = SalesSandbox.start(options)) {
            WebApi api = new WebApi(s);
            Map<String, Object> row = s.row("accounts", id).orElseThrow();
            assertEquals("Kept", row.get("name"));
            assertEquals(etag, row.get("@odata.etag"));
            assertEquals(new java.math.BigDecimal("12.5000"), row.get("revenue"));
            assertEquals(1, s.rowCount("systemusers"), "seed rows are not added twice");
            api.get("accounts(accountnumber='P1')").expect(200);
            String newLink = link.replace(link.substring(0, link.indexOf("/api/")), s.organizationUrl());
            JsonNode delta = api.get(newLink).expect(200).json();
            assertEquals("deleted", delta.get("value").get(0).get("reason").asText(), "change tracking continues");
            api.post("accounts", "{\"name\":\"after restart\"}").expect(204);
            assertThat(s.rowCount("accounts")).isEqualTo(2);
        }
        try (SalesSandbox s = SalesSandbox.start(options)) {
            assertEquals(2, s.rowCount("accounts"));
        }
        assertThat(dir.resolve("sandbox.json.tmp")).doesNotExist();
        assertThat(Files.isRegularFile(file)).isTrue();
    }
}
