package navsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import navsync.sandbox.auth.AuthOptions;

/**
 * Authentication [OAUTH, ENTRA]: the client-credentials token endpoint, bearer tokens on the Web API, 401 for a
 * missing, wrong or expired token; served over HTTPS with a certificate made at start.
 */
class AuthContractTest {
    private static final String CLIENT = "8f3c1a52-6b1e-4c5a-9d7e-2a4b6c8d0e1f";
    private static final String SECRET = "s3cr3t~value";
    private static SalesSandbox sandbox;
    private static WebApi api;

    @BeforeAll
    static void start() {
        sandbox = SalesSandbox.start(SandboxOptions.defaults().withThreads(2).withTls(true)
                .withAuth(new AuthOptions("contoso.example", CLIENT, SECRET, Duration.ofSeconds(2))));
        api = new WebApi(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static WebApi.Resp token(String tenant, String form) {
        return api.send(HttpRequest.newBuilder(URI.create(sandbox.organizationUrl() + "/" + tenant + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("client-request-id", "0f0f0f0f-0000-4000-8000-000000000001")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String form(String clientId, String secret, String scope) {
        return "client_id=" + WebApi.enc(clientId) + "&scope=" + WebApi.enc(scope) + "&client_secret="
                + WebApi.enc(secret) + "&grant_type=client_credentials";
    }

    private static String scope() {
        return sandbox.organizationUrl() + "/.default";
    }

    @Test
    void clientCredentialsGiveABearerTokenThatTheWebApiAccepts() {
        assertThat(sandbox.organizationUrl()).startsWith("https://");
        WebApi.Resp r = token("contoso.example", form(CLIENT, SECRET, scope())).expect(200);
        JsonNode body = r.json();
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals(2, body.get("expires_in").asInt());
        assertEquals("0f0f0f0f-0000-4000-8000-000000000001", r.header("client-request-id").orElseThrow());
        String token = body.get("access_token").asText();
        assertEquals(3, token.split("\\.").length, "JWT-shaped");
        JsonNode who = api.withToken(token).get("WhoAmI").expect(200).json();
        assertEquals(sandbox.callerUserId().toString(), who.get("UserId").asText());
        assertEquals(CLIENT, sandbox.row("systemusers", sandbox.callerUserId()).orElseThrow().get("applicationid"),
                "the application user is bound to the client id [OAUTH]");
        // MSAL adds the OpenID scopes; a trailing slash on the resource is fine too
        token("contoso.example", form(CLIENT, SECRET, "openid profile offline_access " + sandbox.organizationUrl()
                + "//.default")).expect(200);
        // the organization may be named by the host the client uses (localhost for 127.0.0.1)
        String local = sandbox.organizationUrl().replace("127.0.0.1", "localhost");
        WebApi.Resp viaLocalhost = api.send(HttpRequest.newBuilder(URI.create(local + "/contoso.example/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(CLIENT, SECRET, local + "/.default"))).build()).expect(200);
        api.send(HttpRequest.newBuilder(URI.create(local + "/api/data/v9.2/WhoAmI")).header("Authorization", "Bearer "
                + viaLocalhost.json().get("access_token").asText()).build()).expect(200);
    }

    @Test
    void theTokenEndpointRejectsBadRequestsAsEntraDoes() {
        WebApi.Resp wrongSecret = token("contoso.example", form(CLIENT, "nope", scope())).expect(401);
        assertEquals("invalid_client", wrongSecret.json().get("error").asText());
        assertThat(wrongSecret.json().get("error_description").asText()).startsWith("AADSTS7000215:");
        WebApi.Resp badScope = token("contoso.example", form(CLIENT, SECRET, "https://other.example/.default"))
                .expect(400);
        assertEquals("invalid_scope", badScope.json().get("error").asText());
        assertEquals(70011, badScope.json().get("error_codes").get(0).asInt());
        assertThat(badScope.json().get("error_description").asText()).startsWith("AADSTS70011:");
        assertEquals("unauthorized_client", token("contoso.example", form("someone-else", SECRET, scope())).expect(400)
                .json().get("error").asText());
        token("other-tenant", form(CLIENT, SECRET, scope())).expect(400);
        token("contoso.example", form(CLIENT, SECRET, scope()).replace("client_credentials", "password")).expect(400);
    }

    @Test
    void missingWrongAndExpiredTokensAre401() throws Exception {
        String challenge = "Bearer authorization_uri=" + sandbox.organizationUrl()
                + "/contoso.example/oauth2/authorize, resource_id=" + sandbox.organizationUrl() + "/";
        WebApi.Resp missing = api.get("accounts").expect(401);
        assertEquals("0x80044302", missing.errorCode());
        assertEquals(challenge, missing.header("WWW-Authenticate").orElseThrow());
        WebApi.Resp wrong = api.withToken("not.a.token").get("accounts").expect(401);
        assertEquals("0x80044302", wrong.errorCode());
        assertThat(wrong.header("WWW-Authenticate").orElseThrow()).startsWith(challenge).contains("invalid_token");
        String token = sandbox.accessToken();
        String[] parts = token.split("\\.");
        api.withToken(parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A").get("accounts").expect(401);
        WebApi authed = api.withToken(token);
        authed.get("accounts").expect(200);
        Thread.sleep(2100);
        WebApi.Resp expired = authed.get("accounts").expect(401);
        assertEquals("0x8005F101", expired.errorCode());
        assertEquals("The requested resource requires authentication.", expired.errorMessage());
    }

    @Test
    void discoveryDocumentsPointAtTheTokenEndpoint() throws Exception {
        HttpResponse<String> r = api.httpClient().send(HttpRequest.newBuilder(URI.create(sandbox.organizationUrl()
                + "/contoso.example/v2.0/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        JsonNode doc = WebApi.JSON.readTree(r.body());
        assertEquals(sandbox.tokenEndpoint().orElseThrow(), doc.get("token_endpoint").asText());
        assertTrue(doc.get("issuer").asText().startsWith(sandbox.authority().orElseThrow()));
    }
}
