package navsync.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import navsync.testing.ApiClient;
import navsync.testing.NavsyncTestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API and the status page behind authentication: navsync listening on all interfaces turns
 * it on by itself; users (HTTP basic) and API keys with the roles viewer and operator; and no secret
 * ever appears in the log or in an answer.
 */
class ApiSecurityTest {

    private static final String OPERATOR_PASSWORD = "Op3rator-Pa55word-7d1f";
    private static final String VIEWER_PASSWORD = "V1ewer-Pa55word-90ab";
    private static final String CI_KEY = "ci-key-5b0c2e7a9d4f41c3";
    private static final String DASHBOARD_KEY = "dash-key-8e6f1a2b3c4d";
    private static final String STATE_PASSWORD = "St4te-Store-Pa55-c0ffee";
    private static final List<String> SECRETS = List.of(OPERATOR_PASSWORD, VIEWER_PASSWORD, CI_KEY, DASHBOARD_KEY,
            STATE_PASSWORD);

    @TempDir
    Path data;

    @Test
    void listeningOnAllInterfacesRequiresCredentialsWithRolesAndNeverRevealsThem() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new TeeStream(original, log), true, StandardCharsets.UTF_8));
        List<String> answers = new ArrayList<>();
        try (NavsyncTestApp app = NavsyncTestApp.start(data, Map.of(
                "navsync.http.host", "0.0.0.0",
                "navsync.security.users", "ops:operator, audit:viewer",
                "navsync.security.user.ops.password", OPERATOR_PASSWORD,
                "navsync.security.user.audit.password", VIEWER_PASSWORD,
                "navsync.security.api-keys", "ci:operator,dashboard:viewer",
                "navsync.security.api-key.ci.secret", CI_KEY,
                "navsync.security.api-key.dashboard.secret", DASHBOARD_KEY,
                "navsync.state.password", STATE_PASSWORD))) {
            ApiClient anonymous = new ApiClient(app);
            ApiClient operator = anonymous.basic("ops", OPERATOR_PASSWORD);
            ApiClient viewer = anonymous.basic("audit", VIEWER_PASSWORD);

            for (String path : List.of("/api/mappings", "/api/status", "/status", "/api-doc")) {
                HttpResponse<String> denied = keep(answers, path.equals("/status") ? anonymous.page(path) : anonymous.get(path));
                assertThat(denied.statusCode()).as(path).isEqualTo(401);
                assertThat(denied.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"navsync\", charset=\"UTF-8\"");
                JsonNode problem = ApiClient.parse(denied.body());
                assertThat(problem.path("status").asInt()).isEqualTo(401);
                assertThat(problem.path("detail").asText()).contains("authentication required");
            }
            for (ApiClient wrong : List.of(anonymous.basic("ops", VIEWER_PASSWORD), anonymous.basic("nobody", OPERATOR_PASSWORD),
                    anonymous.apiKey("not-a-key"), anonymous.basic("ops", ""))) {
                HttpResponse<String> denied = keep(answers, wrong.get("/api/status"));
                assertThat(denied.statusCode()).isEqualTo(401);
                assertThat(ApiClient.parse(denied.body()).path("detail").asText()).isEqualTo("wrong credentials");
            }

            assertThat(keep(answers, viewer.get("/api/status")).statusCode()).isEqualTo(200);
            HttpResponse<String> page = keep(answers, viewer.page("/status"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>navsync status</title>");
            assertThat(keep(answers, anonymous.apiKey(DASHBOARD_KEY).get("/api/jobs")).statusCode()).isEqualTo(200);

            HttpResponse<String> forbidden = keep(answers, viewer.post("/api/mappings/CURRENCY/synchronize"));
            assertThat(forbidden.statusCode()).isEqualTo(403);
            JsonNode problem = ApiClient.parse(forbidden.body());
            assertThat(problem.path("title").asText()).isEqualTo("Forbidden");
            assertThat(problem.path("detail").asText()).isEqualTo("audit is a viewer; POST needs the role operator");
            assertThat(keep(answers, anonymous.apiKey(DASHBOARD_KEY).post("/api/mappings/CURRENCY/retry")).statusCode())
                    .isEqualTo(403);
            assertThat(keep(answers, viewer.send("DELETE", "/api/mappings/CUSTOMER/records/10000/coupling", null))
                    .statusCode()).isEqualTo(403);
            assertThat(app.store().jobs().latest(null, 10)).as("nothing ran for a viewer").isEmpty();

            HttpResponse<String> started = keep(answers, operator.post("/api/mappings/CURRENCY/synchronize"));
            assertThat(started.statusCode()).isEqualTo(202);
            JsonNode job = operator.waitForJob(ApiClient.parse(started.body()).path("jobId").asText());
            answers.add(job.toString());
            HttpResponse<String> byKey = keep(answers, anonymous.apiKey(CI_KEY).post("/api/mappings/CUSTOMER/synchronize"));
            assertThat(byKey.statusCode()).isEqualTo(202);
            answers.add(operator.waitForJob(ApiClient.parse(byKey.body()).path("jobId").asText()).toString());
            for (String path : List.of("/api/mappings", "/api/jobs?limit=1000", "/api/status", "/api/status/errors",
                    "/api/schedules", "/api-doc")) {
                keep(answers, operator.get(path));
            }
        } finally {
            System.setErr(original);
        }
        String captured = log.toString(StandardCharsets.UTF_8);
        assertThat(captured).as("the log was captured").contains("require authentication").contains("wrong credentials");
        for (String secret : SECRETS) {
            assertThat(captured).as("the log").doesNotContain(secret);
            assertThat(answers).as("the API's answers").noneMatch(answer -> answer.contains(secret));
        }
    }

    @Test
    void refusesToStartOnAllInterfacesWithoutCredentialsAndNamesWhatIsMissing() {
        assertThatThrownBy(() -> NavsyncTestApp.start(data, Map.of("navsync.http.host", "0.0.0.0")).close())
                .hasStackTraceContaining("requires authentication")
                .hasStackTraceContaining("navsync.security.users");
        assertThatThrownBy(() -> NavsyncTestApp.start(data, Map.of("navsync.security.enabled", "true",
                "navsync.security.users", "ops:operator")).close())
                .hasStackTraceContaining("navsync.security.user.ops.password (environment NAVSYNC_SECURITY_USER_OPS_PASSWORD) is not set");
        assertThatThrownBy(() -> NavsyncTestApp.start(data, Map.of("navsync.security.enabled", "true",
                "navsync.security.users", "ops:admin", "navsync.security.user.ops.password", OPERATOR_PASSWORD)).close())
                .hasStackTraceContaining("ops has role 'admin'; roles are viewer and operator")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(OPERATOR_PASSWORD));
    }

    @Test
    void loopbackNeedsNoCredentialsUnlessAskedFor() {
        assertThat(ApiSecurity.required("auto", "127.0.0.1")).isFalse();
        assertThat(ApiSecurity.required("auto", "localhost")).isFalse();
        assertThat(ApiSecurity.required("auto", "::1")).isFalse();
        assertThat(ApiSecurity.required("auto", "0.0.0.0")).isTrue();
        assertThat(ApiSecurity.required("auto", "192.0.2.10")).isTrue();
        assertThat(ApiSecurity.required("true", "127.0.0.1")).isTrue();
        assertThat(ApiSecurity.required("false", "0.0.0.0")).isFalse();
        assertThatThrownBy(() -> ApiSecurity.required("yes", "127.0.0.1")).hasMessageContaining("auto, true or false");
    }

    @Test
    void credentialsCheckBasicUsersAndApiKeysWithTheirRoles() {
        Credentials credentials = Credentials.parse("ops:operator,audit:viewer", "ci:operator",
                name -> java.util.Optional.of(Map.of("user.ops.password", "a:b:c", "user.audit.password", "v", "api-key.ci.secret", "k")
                        .get(name)));
        assertThat(credentials.authenticate(basic("ops:a:b:c"), null)).map(Credentials.Caller::role).contains(Role.operator);
        assertThat(credentials.authenticate(basic("audit:v"), null)).map(Credentials.Caller::role).contains(Role.viewer);
        assertThat(credentials.authenticate(basic("audit:w"), null)).isEmpty();
        assertThat(credentials.authenticate("Basic !!!", null)).isEmpty();
        assertThat(credentials.authenticate("Bearer x", null)).isEmpty();
        assertThat(credentials.authenticate(null, "k")).map(Credentials.Caller::name).contains("ci");
        assertThat(credentials.authenticate(basic("ops:a:b:c"), "wrong")).as("a wrong key is not saved by a good user").isEmpty();
        assertThat(Role.operator.allows(Role.viewer)).isTrue();
        assertThat(Role.viewer.allows(Role.operator)).isFalse();
    }

    private static String basic(String userAndPassword) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> keep(List<String> answers, HttpResponse<String> response) {
        answers.add(response.headers().map() + "\n" + response.body());
        return response;
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    /** Writes to the console and to the capture. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
