package navsync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import navsync.testing.NavTables;
import navsync.testing.NavsyncTestApp;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management port's Jolokia and the console's: the calls of issue 13 that executed code, changed
 * NAV and read secrets (also as a cross-site request from a browser) are refused with 403 and leave no
 * trace; the console's own work (reading, starting and stopping routes) still works; nothing listens
 * beyond loopback without authentication.
 */
class JolokiaAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "Top-Secret-Value-4b7e91d2";
    private static final String OPERATOR_PASSWORD = "Op3rator-Pa55word-c4f1";
    private static final String VIEWER_PASSWORD = "V1ewer-Pa55word-77aa";
    private static final String CI_KEY = "ci-key-0d9c3b6a1e";
    private static final String FOREIGN_ORIGIN = "http://evil.example";
    private static final String CONTEXT = "org.apache.camel:context=navsync,type=context,name=\\\"navsync\\\"";
    private static final String COUPLING_ROUTE = "org.apache.camel:context=navsync,type=routes,name=\\\"coupling\\\"";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;
    NavsyncTestApp app;
    final List<String> answers = new ArrayList<>();

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        for (String answer : answers) {
            assertThat(answer).as("no answer carries a secret").doesNotContain(SECRET).doesNotContain(OPERATOR_PASSWORD);
        }
    }

    @Test
    void theIssuesCallsAreRefusedOnBothJolokiasAlsoAsCrossSiteRequestsAndLeaveNoTrace() throws Exception {
        int consolePort = AvailablePortFinder.getNextAvailable();
        app = NavsyncTestApp.start(data, Map.of("navsync.console.enabled", "true",
                "navsync.console.port", Integer.toString(consolePort), "navsync.test.secret", SECRET));
        ManagementHttpServer management = app.camel().hasService(ManagementHttpServer.class);
        assertThat(List.of(management.isSendEnabled(), management.isUploadEnabled(), management.isDownloadEnabled(),
                management.isDevConsoleEnabled())).as("the management port's send, upload, download, dev console")
                .containsOnly(false);
        NavTables nav = new NavTables(app.nav());
        Path pwned = data.resolve("pwned.txt");
        for (String jolokia : List.of(app.managementUrl("/observe/jolokia"),
                "http://127.0.0.1:" + consolePort + "/hawtio/jolokia")) {
            for (String attack : attacks(pwned)) {
                // a page on any web site, sending a simple (no preflight) request from the user's browser
                HttpResponse<String> crossSite = send(jolokia, attack, "text/plain", Map.of("Origin", FOREIGN_ORIGIN));
                assertThat(crossSite.statusCode()).as("cross-site %s to %s: %s", attack, jolokia, crossSite.body())
                        .isEqualTo(403);
                // a program on this machine, no origin
                HttpResponse<String> local = send(jolokia, attack, "application/json", Map.of());
                assertThat(local.statusCode()).as("%s to %s: %s", attack, jolokia, local.body()).isEqualTo(403);
                assertThat(JSON.readTree(local.body()).path("status").asInt()).as(local.body()).isEqualTo(403);
            }
            // the same as a GET (Jolokia takes a request in the path too)
            HttpResponse<String> get = get(jolokia + "/exec/" + CONTEXT.replace("\\\"", "%22")
                    + "/requestStringBody/language:simple:%7B%7Bnavsync.test.secret%7D%7D/x", Map.of());
            assertThat(get.statusCode()).as(get.body()).isEqualTo(403);
        }
        assertThat(pwned).as("sendStringBody wrote no file").doesNotExist();
        assertThat(nav.value("SELECT [Name] FROM " + NavTables.table("Customer") + " WHERE [No_] = '10000'"))
                .as("NAV unchanged").isEqualTo("The Cannon Group PLC");
        JsonNode systemProperties = JSON.readTree(send(app.managementUrl("/observe/jolokia"),
                read("java.lang:type=Runtime", "SystemProperties"), "application/json", Map.of()).body());
        assertThat(systemProperties.path("status").asInt()).as("%s", systemProperties).isEqualTo(403);
        assertThat(jolokia(app.managementUrl("/observe/jolokia"), read("java.lang:type=Runtime", "Uptime"), Map.of())
                .path("status").asInt()).isEqualTo(200);
        assertThat(app.camel().getEndpoints()).as("no endpoint was created")
                .noneMatch(e -> e.getEndpointUri().startsWith("language") || e.getEndpointUri().startsWith("file"));

        // what the console needs still works on loopback without credentials, but not cross-site
        String console = "http://127.0.0.1:" + consolePort + "/hawtio/jolokia";
        assertThat(jolokia(console, read(COUPLING_ROUTE, "State"), Map.of()).path("value").asText()).isEqualTo("Started");
        HttpResponse<String> crossSiteStop = send(console, exec(COUPLING_ROUTE, "stop()"), "text/plain",
                Map.of("Origin", FOREIGN_ORIGIN));
        assertThat(crossSiteStop.statusCode()).isEqualTo(403);
        assertThat(app.camel().getRouteController().getRouteStatus("coupling")).isEqualTo(ServiceStatus.Started);
        String rebound = rawPost(consolePort, "evil.example:" + consolePort, "/hawtio/jolokia", exec(COUPLING_ROUTE, "stop()"));
        assertThat(rebound).as("a page of another site whose name now points at 127.0.0.1").startsWith("HTTP/1.1 403");
        assertThat(rawPost(consolePort, "localhost:" + consolePort, "/hawtio/jolokia", read(COUPLING_ROUTE, "State")))
                .startsWith("HTTP/1.1 200");
        assertThat(jolokia(console, exec(COUPLING_ROUTE, "stop()"), Map.of("Origin", "http://127.0.0.1:" + consolePort))
                .path("status").asInt()).as("the console's own origin").isEqualTo(200);
        assertThat(app.camel().getRouteController().getRouteStatus("coupling")).isEqualTo(ServiceStatus.Stopped);
        assertThat(jolokia(console, exec(COUPLING_ROUTE, "start"), Map.of()).path("status").asInt()).isEqualTo(200);
        assertThat(app.camel().getRouteController().getRouteStatus("coupling")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void withAuthenticationTheConsoleAndTheManagementPortNeedAnOperatorWhoStillCannotRunTheAttacks() throws Exception {
        int consolePort = AvailablePortFinder.getNextAvailable();
        Map<String, String> settings = new HashMap<>(credentials());
        settings.putAll(Map.of("navsync.security.enabled", "true", "navsync.console.enabled", "true",
                "navsync.console.port", Integer.toString(consolePort), "navsync.test.secret", SECRET));
        app = NavsyncTestApp.start(data, settings);
        String console = "http://127.0.0.1:" + consolePort;
        Map<String, String> operator = Map.of("Authorization", basic("ops", OPERATOR_PASSWORD));
        Map<String, String> viewer = Map.of("Authorization", basic("audit", VIEWER_PASSWORD));

        for (String url : List.of(app.managementUrl("/observe/health"), app.managementUrl("/observe/metrics"),
                app.managementUrl("/observe/info"), app.managementUrl("/observe/jolokia/version"),
                console + "/hawtio/", console + "/hawtio/jolokia/version")) {
            HttpResponse<String> anonymous = get(url, Map.of());
            assertThat(anonymous.statusCode()).as(url).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(url).hasValueSatisfying(v ->
                    assertThat(v).startsWith("Basic realm=\"navsync\""));
            assertThat(get(url, Map.of("Authorization", basic("ops", "wrong"))).statusCode()).as(url).isEqualTo(401);
        }
        assertThat(get(app.managementUrl("/observe/health"), viewer).statusCode()).isEqualTo(200);
        assertThat(get(app.managementUrl("/observe/metrics"), viewer).statusCode()).isEqualTo(200);
        assertThat(get(console + "/hawtio/", viewer).statusCode()).isEqualTo(200);
        assertThat(send(app.managementUrl("/observe/jolokia"), read(COUPLING_ROUTE, "State"), "application/json", viewer)
                .statusCode()).as("Jolokia operates routes: operators only").isEqualTo(403);

        for (String jolokia : List.of(app.managementUrl("/observe/jolokia"), console + "/hawtio/jolokia")) {
            assertThat(jolokia(jolokia, read(COUPLING_ROUTE, "State"), Map.of("X-API-Key", CI_KEY)).path("value").asText())
                    .as("an operator's API key").isEqualTo("Started");
            assertThat(jolokia(jolokia, read(COUPLING_ROUTE, "State"), operator).path("value").asText()).isEqualTo("Started");
            assertThat(jolokia(jolokia, read("navsync:type=mappings,name=\\\"CUSTOMER\\\"", "Couplings"), operator)
                    .path("status").asInt()).isEqualTo(200);
            assertThat(jolokia(jolokia, exec(COUPLING_ROUTE, "stop()"), operator).path("status").asInt()).isEqualTo(200);
            assertThat(app.camel().getRouteController().getRouteStatus("coupling")).isEqualTo(ServiceStatus.Stopped);
            assertThat(jolokia(jolokia, exec(COUPLING_ROUTE, "start()"), operator).path("status").asInt()).isEqualTo(200);
            assertThat(app.camel().getRouteController().getRouteStatus("coupling")).isEqualTo(ServiceStatus.Started);
            for (String attack : attacks(data.resolve("pwned.txt"))) {
                HttpResponse<String> refused = send(jolokia, attack, "application/json", operator);
                assertThat(refused.statusCode()).as("%s to %s: %s", attack, jolokia, refused.body()).isEqualTo(403);
                HttpResponse<String> crossSite = send(jolokia, attack, "text/plain",
                        Map.of("Origin", FOREIGN_ORIGIN, "Authorization", basic("ops", OPERATOR_PASSWORD)));
                assertThat(crossSite.statusCode()).as("cross-site with the browser's saved credentials").isEqualTo(403);
            }
        }
        assertThat(data.resolve("pwned.txt")).doesNotExist();
    }

    @Test
    void jolokiaFromAnotherMachineIsRefusedWith403AndTheManagementPortStaysOnLoopbackUnlessConfigured() throws Exception {
        String address = java.net.NetworkInterface.networkInterfaces()
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress())
                .map(java.net.InetAddress::getHostAddress).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(address != null, "this machine has no address but loopback");
        Map<String, String> settings = new HashMap<>(credentials());
        settings.put("navsync.http.host", "0.0.0.0");
        app = NavsyncTestApp.start(data, settings);
        String remoteManagement = app.managementUrl("/observe/health").replace("127.0.0.1", address);
        assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(URI.create(remoteManagement)).build(),
                HttpResponse.BodyHandlers.ofString()))
                .as("the REST API on all interfaces does not take the management port with it")
                .isInstanceOf(java.net.ConnectException.class);
        app.close();

        settings.put("navsync.management.host", "0.0.0.0");
        app = NavsyncTestApp.start(data, settings);
        Map<String, String> operator = Map.of("Authorization", basic("ops", OPERATOR_PASSWORD));
        String remote = app.managementUrl("").replace("127.0.0.1", address);
        assertThat(get(remote + "/observe/health", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get(remote + "/observe/health", operator).statusCode()).isEqualTo(200);
        HttpResponse<String> jolokia = send(remote + "/observe/jolokia", read(COUPLING_ROUTE, "State"), "application/json",
                operator);
        assertThat(jolokia.statusCode()).as(jolokia.body()).isEqualTo(403);
        assertThat(jolokia.body()).contains("this machine");
    }

    @Test
    void refusesToStartWithANonLoopbackManagementOrConsoleHostWithoutCredentials() {
        assertThatThrownBy(() -> NavsyncTestApp.start(data, Map.of("navsync.management.host", "0.0.0.0")).close())
                .hasStackTraceContaining("navsync.management.host is 0.0.0.0")
                .hasStackTraceContaining("navsync.security.users");
        assertThatThrownBy(() -> NavsyncTestApp.start(data, Map.of("navsync.console.enabled", "true",
                "navsync.console.port", Integer.toString(AvailablePortFinder.getNextAvailable()),
                "navsync.console.host", "0.0.0.0")).close())
                .hasStackTraceContaining("navsync.console.host is 0.0.0.0")
                .hasStackTraceContaining("navsync.security.users");
    }

    /** The three calls of the issue, as JSON Jolokia requests to the CamelContext MBean. */
    private static List<String> attacks(Path file) {
        return List.of(
                exec(CONTEXT, "sendStringBody", "file:" + file.getParent() + "?fileName=" + file.getFileName(), "pwned"),
                exec(CONTEXT, "requestStringBody", "jdbc:navDataSource",
                        "UPDATE [CRONUS International Ltd_$Customer] SET [Name] = 'pwned' WHERE [No_] = '10000'"),
                exec(CONTEXT, "requestStringBody", "language:simple:${env:NAVSYNC_SALES_CLIENT_SECRET}", "x"),
                exec(CONTEXT, "requestStringBody", "language:simple:{{navsync.test.secret}}", "x"),
                exec(CONTEXT, "createEndpoint", "file:" + file.getParent()),
                exec(CONTEXT, "addOrUpdateRoutesFromXml(java.lang.String)", "<routes/>"),
                exec(CONTEXT, "dumpRoutesAsXml(boolean)", "true"),
                exec(COUPLING_ROUTE, "updateRouteFromXml(java.lang.String)", "<route/>"),
                exec("java.lang:type=Memory", "gc()"),
                "{\"type\":\"write\",\"mbean\":\"" + COUPLING_ROUTE + "\",\"attribute\":\"Tracing\",\"value\":true}",
                "[" + read(COUPLING_ROUTE, "State") + "," + exec(CONTEXT, "sendStringBody", "file:" + file.getParent()
                        + "?fileName=" + file.getFileName(), "pwned") + "]");
    }

    private static Map<String, String> credentials() {
        return Map.of("navsync.security.users", "ops:operator,audit:viewer", "navsync.security.api-keys", "ci:operator",
                "navsync.security.api-key.ci.secret", CI_KEY,
                "navsync.security.user.ops.password", OPERATOR_PASSWORD,
                "navsync.security.user.audit.password", VIEWER_PASSWORD);
    }

    private static String exec(String mbean, String operation, String... arguments) {
        StringBuilder args = new StringBuilder();
        for (String argument : arguments) {
            args.append(args.length() == 0 ? "" : ",").append('"').append(argument.replace("\\", "\\\\")
                    .replace("\"", "\\\"")).append('"');
        }
        return "{\"type\":\"exec\",\"mbean\":\"" + mbean + "\",\"operation\":\"" + operation + "\",\"arguments\":["
                + args + "]}";
    }

    private static String read(String mbean, String attribute) {
        return "{\"type\":\"read\",\"mbean\":\"" + mbean + "\",\"attribute\":\"" + attribute + "\"}";
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A Jolokia request that must be answered with HTTP 200; its JSON answer. */
    private JsonNode jolokia(String url, String body, Map<String, String> headers) throws Exception {
        HttpResponse<String> response = send(url, body, "application/json", headers);
        assertThat(response.statusCode()).as("%s: %s", body, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String url, String body, String contentType, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::setHeader);
        return keep(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::setHeader);
        return keep(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A POST with a Host header of our choosing (HttpClient does not let one set it). */
    private String rawPost(int port, String host, String path, String body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + content.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(content);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            answers.add(answer);
            return answer;
        }
    }

    private HttpResponse<String> keep(HttpResponse<String> response) {
        answers.add(response.headers().map() + "\n" + response.body());
        return response;
    }
}
