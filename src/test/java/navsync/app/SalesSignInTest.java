package navsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import navsync.mapping.Direction;
import navsync.nav.demo.SyntheticCustomers;
import navsync.sandbox.SalesSandbox;
import navsync.sandbox.SandboxOptions;
import navsync.sandbox.auth.AuthOptions;
import navsync.sandbox.limits.LatencyOptions;
import navsync.state.SyncJob;
import navsync.testing.Http;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import navsync.testing.ShiftedClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in to Sales the production way: MSAL for Java, client credentials, against the sandbox's
 * Entra-shaped token endpoint over TLS, the sandbox's certificate trusted through the configured
 * trust store; the test connection; and a token that expires in the middle of a run.
 */
class SalesSignInTest {

    private static final String TENANT = "cronus";
    private static final String CLIENT_ID = "3b8e4c1d-7a2f-4e6b-9c0d-1e2f3a4b5c6d";
    private static final String SECRET = "demo~secret.value";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void signsInWithMsalReportsTheConnectionAndRenewsATokenThatExpiresMidRun() throws Exception {
        ShiftedClock sandboxClock = new ShiftedClock();
        try (SalesSandbox sandbox = SalesSandbox.start(SandboxOptions.defaults().withTls(true).withClock(sandboxClock)
                .withAuth(new AuthOptions(TENANT, CLIENT_ID, SECRET, Duration.ofMinutes(60)))
                .withLatency(new LatencyOptions(Duration.ZERO, Duration.ofMillis(1))));
             NavsyncTestApp app = NavsyncTestApp.start(data, Map.of(
                     "navsync.sales.sandbox", "false",
                     "navsync.sales.url", sandbox.organizationUrl(),
                     "navsync.sales.client-id", CLIENT_ID,
                     "navsync.sales.client-secret", SECRET,
                     "navsync.sales.authority", sandbox.authority().orElseThrow() + "/v2.0",
                     "navsync.sales.authority-kind", "oidc",
                     "navsync.sales.trust-store", trustStore(sandbox).toString(),
                     "navsync.sales.trust-store-password", "changeit",
                     "navsync.mappings-dir", NavsyncTestApp.mappingsWithBatchSize(data.resolve("mappings"), 250).toString()))) {

            HttpResponse<String> check = Http.get(app.apiUrl("/api/connection"));
            assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
            JsonNode report = JSON.readTree(check.body());
            assertThat(report.path("userId").asText()).isEqualTo(sandbox.callerUserId().toString());
            assertThat(report.path("userName").asText()).isNotBlank();
            assertThat(report.path("organizationId").asText()).isNotBlank();
            assertThat(report.path("organizationUrl").asText()).isEqualTo(sandbox.organizationUrl());
            assertThat(report.path("tables").findValuesAsText("table")).contains("account", "contact", "product");
            assertThat(report.path("tables").get(0).path("upsertMultiple").asBoolean()).isTrue();

            SyntheticCustomers.insert(app.nav(), NavTables.COMPANY, 2000, 11);
            int customers = new NavTables(app.nav()).count("SELECT COUNT(*) FROM "
                    + NavTables.table("Customer") + " WHERE [Blocked] = 0");
            // once the first batch has landed, Sales' clock jumps two hours: every token navsync holds is expired
            AtomicBoolean jumped = new AtomicBoolean();
            Thread watcher = new Thread(() -> {
                while (!jumped.get() && !Thread.currentThread().isInterrupted()) {
                    if (sandbox.rowCount("accounts") >= 500) {
                        sandboxClock.advance(Duration.ofHours(2));
                        jumped.set(true);
                    }
                    Thread.onSpinWait();
                }
            });
            watcher.start();
            SyncJob job = app.synchronization().run("CUSTOMER", Direction.ToIntegrationTable, Duration.ofSeconds(120))
                    .get(0);
            watcher.interrupt();

            assertThat(jumped).as("the clock jumped during the run").isTrue();
            assertThat(job.status()).as(job.message()).isEqualTo(SyncJob.SUCCEEDED);
            assertThat(job.counters().failed()).isZero();
            assertThat(job.counters().inserted()).isEqualTo(customers);
            assertThat(sandbox.rowCount("accounts")).isEqualTo(customers);
            String metrics = Http.get(app.managementUrl("/observe/metrics")).body();
            assertThat(Http.metric(metrics, "navsync_sales_token_refused_total"))
                    .as("requests refused with an expired token and sent again with a new one; metrics:%n%s",
                            metrics.lines().filter(l -> l.contains("navsync")).toList()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void signsInWithACertificateAndAnUnregisteredCertificateIsRefusedWithEntrasError() throws Exception {
        Path registered = certificate("registered");
        Path other = certificate("other");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(registered)) {
            keys.load(in, "changeit".toCharArray());
        }
        java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate) keys.getCertificate("navsync");
        try (SalesSandbox sandbox = SalesSandbox.start(SandboxOptions.defaults().withTls(true)
                .withAuth(new AuthOptions(TENANT, CLIENT_ID, SECRET, Duration.ofMinutes(60)).withClientCertificate(certificate)))) {
            Path trust = trustStore(sandbox);
            for (Path credential : List.of(registered, other)) {
                try (NavsyncTestApp app = NavsyncTestApp.startAgainst(sandbox, data.resolve(credential.getFileName() + ".data"),
                        Map.of("navsync.sales.client-id", CLIENT_ID,
                                "navsync.sales.client-certificate", credential.toString(),
                                "navsync.sales.client-certificate-password", "changeit",
                                "navsync.sales.authority", sandbox.authority().orElseThrow() + "/v2.0",
                                "navsync.sales.authority-kind", "oidc",
                                "navsync.sales.trust-store", trust.toString(),
                                "navsync.sales.trust-store-password", "changeit"))) {
                    HttpResponse<String> check = Http.get(app.apiUrl("/api/connection"));
                    if (credential.equals(registered)) {
                        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
                        assertThat(JSON.readTree(check.body()).path("userId").asText())
                                .isEqualTo(sandbox.callerUserId().toString());
                    } else {
                        assertThat(check.statusCode()).as(check.body()).isEqualTo(502);
                        assertThat(check.body()).contains("AADSTS700027");
                    }
                }
            }
        }
    }

    /** An RSA key and self-signed certificate in a PKCS#12 file, made with the JDK's keytool as an administrator would. */
    private Path certificate(String name) throws Exception {
        Path file = data.resolve(name + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "navsync", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=navsync " + name, "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        return file;
    }

    /** A PKCS#12 trust store holding the sandbox's self-signed certificate, as an administrator would make it. */
    private Path trustStore(SalesSandbox sandbox) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("sales-sandbox", sandbox.certificate().orElseThrow());
        Path file = data.resolve("sales-trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }
}
