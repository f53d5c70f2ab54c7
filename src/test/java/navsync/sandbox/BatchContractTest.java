package navsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** {@code $batch} [BATCH]: multipart/mixed, change sets, Content-ID references, errors, limits. */
class BatchContractTest extends SandboxTestBase {
    private static final String CRLF = "\r\n";

    /** Builds a batch body the way [BATCH] shows it, with CRLF line breaks. */
    static final class Batch {
        final String boundary = "batch_" + UUID.randomUUID();
        private final StringBuilder body = new StringBuilder();
        private StringBuilder changeSet;
        private String changeSetBoundary;

        Batch changeSet() {
            changeSetBoundary = "changeset_" + UUID.randomUUID();
            changeSet = new StringBuilder();
            return this;
        }

        Batch endChangeSet() {
            body.append("--").append(boundary).append(CRLF)
                    .append("Content-Type: multipart/mixed; boundary=").append(changeSetBoundary).append(CRLF).append(CRLF)
                    .append(changeSet).append("--").append(changeSetBoundary).append("--").append(CRLF);
            changeSet = null;
            return this;
        }

        Batch op(String contentId, String method, String url, String json, String... headers) {
            StringBuilder target = changeSet != null ? changeSet : body;
            target.append("--").append(changeSet != null ? changeSetBoundary : boundary).append(CRLF)
                    .append("Content-Type: application/http").append(CRLF)
                    .append("Content-Transfer-Encoding: binary").append(CRLF);
            if (contentId != null) {
                target.append("Content-ID: ").append(contentId).append(CRLF);
            }
            target.append(CRLF).append(method).append(' ').append(url).append(" HTTP/1.1").append(CRLF);
            for (int i = 0; i < headers.length; i += 2) {
                target.append(headers[i]).append(": ").append(headers[i + 1]).append(CRLF);
            }
            if (json != null) {
                target.append("Content-Type: application/json; type=entry").append(CRLF).append(CRLF).append(json);
            }
            target.append(CRLF);
            return this;
        }

        String build() {
            return body + "--" + boundary + "--" + CRLF;
        }

        WebApi.Resp post(String... headers) {
            return api.send("POST", "$batch", "multipart/mixed; boundary=\"" + boundary + "\"", build(), headers);
        }
    }

    /** A response part: its MIME headers, status, inner headers and body. */
    record Part(Map<String, String> mime, int status, String head, String body) {
        JsonNode json() {
            try {
                return WebApi.JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) [^\\r\\n]*");

    /** Splits a multipart/mixed response (recursively: change-set parts are flattened). */
    static List<Part> parts(String contentType, String body) {
        Matcher b = Pattern.compile("boundary=(\\S+)").matcher(contentType);
        assertTrue(b.find(), contentType);
        String boundary = b.group(1);
        List<Part> out = new ArrayList<>();
        String[] chunks = body.split("--" + Pattern.quote(boundary));
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            if (chunk.startsWith("--")) {
                break;
            }
            String part = chunk.substring(2); // CRLF after the delimiter
            int blank = part.indexOf(CRLF + CRLF);
            Map<String, String> mime = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : part.substring(0, blank).split(CRLF)) {
                mime.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).strip());
            }
            String content = part.substring(blank + 4);
            if (mime.get("Content-Type").startsWith("multipart/mixed")) {
                out.addAll(parts(mime.get("Content-Type"), content));
                continue;
            }
            int innerBlank = content.indexOf(CRLF + CRLF);
            String head = content.substring(0, innerBlank);
            Matcher s = STATUS.matcher(head);
            assertTrue(s.lookingAt(), head);
            String inner = content.substring(innerBlank + 4);
            out.add(new Part(mime, Integer.parseInt(s.group(1)), head, inner.strip()));
        }
        return out;
    }

    static List<Part> parts(WebApi.Resp r) {
        return parts(r.header("Content-Type").orElseThrow(), r.body());
    }

    @Test
    void changeSetWithContentIdReferencesAnswersPerPartInOrder() {
        Batch batch = new Batch().changeSet()
                .op("1", "POST", api.root() + "contacts", "{\"firstname\":\"Joe\",\"lastname\":\"Smith\"}")
                .op("2", "POST", "/api/data/v9.2/accounts", "{\"name\":\"Batch Co\",\"primarycontactid@odata.bind\":\"$1\"}")
                .op("3", "PATCH", "$1", "{\"jobtitle\":\"Buyer\"}")
                .op("4", "PUT", "$2/telephone1", "{\"value\":\"555-0100\"}")
                .endChangeSet()
                .op(null, "GET", "accounts?$select=name,_primarycontactid_value", null);
        WebApi.Resp r = batch.post().expect(200);
        assertThat(r.header("Content-Type").orElseThrow()).startsWith("multipart/mixed; boundary=batchresponse_");
        assertThat(r.body()).contains("changesetresponse_").contains(CRLF);
        List<Part> parts = parts(r);
        assertEquals(5, parts.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(204, parts.get(i).status(), parts.get(i).head());
            assertEquals(String.valueOf(i + 1), parts.get(i).mime().get("Content-ID"));
            assertEquals("application/http", parts.get(i).mime().get("Content-Type"));
            assertEquals("binary", parts.get(i).mime().get("Content-Transfer-Encoding"));
        }
        assertThat(parts.get(0).head()).containsPattern("OData-EntityId: " + Pattern.quote(api.root()) + "contacts\\(")
                .containsPattern("Location: " + Pattern.quote(api.root()) + "contacts\\(")
                .contains("OData-Version: 4.0");
        Part query = parts.get(4);
        assertEquals(200, query.status());
        assertThat(query.head()).contains("application/json; odata.metadata=minimal; odata.streaming=true");
        JsonNode account = query.json().get("value").get(0);
        assertEquals("Batch Co", account.get("name").asText());
        UUID contactId = UUID.fromString(account.get("_primarycontactid_value").asText());
        Map<String, Object> contact = sandbox.row("contacts", contactId).orElseThrow();
        assertEquals("Buyer", contact.get("jobtitle"));
        assertEquals("555-0100", sandbox.rows("accounts").get(0).get("telephone1"));
        assertEquals(1, sandbox.requestCount(), "a batch is one HTTP request");
    }

    @Test
    void aFailingChangeSetRollsBackAndEndsTheBatchWithAnOuter400() {
        UUID before = createAccount("{\"name\":\"before\"}");
        Batch batch = new Batch()
                .op(null, "PATCH", "accounts(" + before + ")", "{\"name\":\"changed outside the change set\"}")
                .changeSet()
                .op("1", "POST", "accounts", "{\"name\":\"would be created\"}")
                .op("2", "POST", "accounts", "{\"name\":\"" + "x".repeat(161) + "\"}")
                .endChangeSet()
                .op(null, "POST", "accounts", "{\"name\":\"never reached\"}");
        WebApi.Resp r = batch.post().expect(400);
        List<Part> parts = parts(r);
        assertEquals(1, parts.size(), "only the failure is in the body");
        assertEquals(400, parts.get(0).status());
        assertEquals("2", parts.get(0).mime().get("Content-ID"));
        assertEquals("0x80044331", parts.get(0).json().path("error").path("code").asText());
        assertThat(parts.get(0).json().path("error").path("message").asText())
                .contains("exceeded the maximum allowed length of '160'");
        List<String> names = sandbox.rows("accounts").stream().map(a -> (String) a.get("name")).toList();
        assertThat(names).containsExactly("changed outside the change set");
    }

    @Test
    void continueOnErrorRunsEveryOperationAndAnswers200() {
        Batch batch = new Batch()
                .op(null, "POST", "accounts", "{\"name\":\"" + "x".repeat(161) + "\"}")
                .op(null, "GET", "accounts(" + UUID.randomUUID() + ")", null)
                .op(null, "POST", "accounts", "{\"name\":\"created\"}");
        WebApi.Resp r = batch.post("Prefer", "odata.continue-on-error").expect(200);
        assertEquals("odata.continue-on-error", r.header("Preference-Applied").orElseThrow());
        List<Part> parts = parts(r);
        assertEquals(List.of(400, 404, 204), parts.stream().map(Part::status).toList());
        assertThat(parts.get(1).json().path("error").path("message").asText()).endsWith("Does Not Exist");
        assertEquals(1, sandbox.rowCount("accounts"));
    }

    @Test
    void partsMayUseLfLineBreaksAndAbsoluteOrRelativeUrls() {
        String body = new Batch()
                .op(null, "POST", sandbox.organizationUrl() + "/api/data/v9.2/accounts", "{\"name\":\"absolute\"}")
                .op(null, "POST", "/api/data/v9.2/accounts", "{\"name\":\"Ravel M\u00f8bler\"}")
                .build().replace(CRLF, "\n");
        String boundary = body.substring(2, body.indexOf('\n'));
        WebApi.Resp r = api.send("POST", "$batch", "multipart/mixed;boundary=" + boundary, body).expect(200);
        assertEquals(List.of(204, 204), parts(r).stream().map(Part::status).toList());
        assertThat(sandbox.rows("accounts")).extracting(a -> a.get("name")).contains("Ravel M\u00f8bler");
    }

    @Test
    void getInsideAChangeSetIsRejected() {
        WebApi.Resp r = new Batch().changeSet().op("1", "GET", "accounts", null).endChangeSet().post().expect(400);
        assertThat(r.errorMessage()).contains("GET");
    }

    @Test
    void aReferenceToAnUndeclaredContentIdIs400() {
        WebApi.Resp r = new Batch().changeSet()
                .op("1", "POST", "accounts", "{\"name\":\"a\",\"parentaccountid@odata.bind\":\"$7\"}")
                .endChangeSet().post().expect(400);
        Part part = parts(r).get(0);
        assertEquals(400, part.status());
        assertEquals("Content-ID Reference: '$7' does not exist in the batch context.",
                part.json().path("error").path("message").asText());
        r = new Batch().changeSet().op("1", "PATCH", "$3", "{\"name\":\"a\"}").endChangeSet().post().expect(400);
        assertEquals("Content-ID Reference: '$3' does not exist in the batch context.",
                parts(r).get(0).json().path("error").path("message").asText());
        assertEquals(0, sandbox.rowCount("accounts"));
    }

    @Test
    void atMostAThousandOperations() {
        Batch ok = new Batch().changeSet();
        Batch tooMany = new Batch().changeSet();
        for (int i = 0; i < 1000; i++) {
            ok.op(String.valueOf(i + 1), "POST", "accounts", "{\"name\":\"n" + i + "\"}");
            tooMany.op(String.valueOf(i + 1), "POST", "accounts", "{\"name\":\"n" + i + "\"}");
        }
        tooMany.endChangeSet().op(null, "GET", "WhoAmI", null);
        assertThat(tooMany.post().expect(400).errorMessage()).contains("1000");
        assertEquals(0, sandbox.rowCount("accounts"));
        ok.endChangeSet().post().expect(200);
        assertEquals(1000, sandbox.rowCount("accounts"));
    }

    @Test
    void aBatchNeedsAMultipartBody() {
        api.send("POST", "$batch", "application/json", "{}").expect(400);
        new Batch().post().expect(200); // empty batch
    }
}
