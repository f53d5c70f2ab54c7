package navsync.sandbox;

import static navsync.sandbox.WebApi.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Change tracking [CT]: Prefer odata.track-changes, delta links, $deletedEntity, rejected options, expiry. */
class ChangeTrackingContractTest extends SandboxTestBase {
    private static final String[] TRACK = {"Prefer", "odata.track-changes"};

    private static String deltaLink(WebApi.Resp r) {
        JsonNode link = r.json().get("@odata.deltaLink");
        assertTrue(link != null && link.isTextual(), r.body());
        return link.asText();
    }

    @Test
    void initialRequestReturnsRowsAndADeltaLink() {
        createAccount("{\"name\":\"a\",\"accountnumber\":\"1\"}");
        createAccount("{\"name\":\"b\",\"accountnumber\":\"2\"}");
        WebApi.Resp r = api.get("accounts?$select=name,accountnumber", TRACK).expect(200);
        assertEquals("odata.track-changes", r.header("Preference-Applied").orElseThrow());
        JsonNode body = r.json();
        assertEquals(api.root() + "$metadata#accounts(name,accountnumber)", body.get("@odata.context").asText());
        assertEquals(2, body.get("value").size());
        String link = deltaLink(r);
        assertThat(link).startsWith(api.root() + "accounts?$select=name,accountnumber&$deltatoken=");
        String token = URLDecoder.decode(link.substring(link.indexOf("$deltatoken=") + 12), StandardCharsets.UTF_8);
        assertThat(token).matches("\\d+!\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d"); // 919042!08/22/2017 08:10:44 [CT]
    }

    @Test
    void deltaReturnsChangedAndNewRowsThenDeletedOnes() {
        UUID kept = createAccount("{\"name\":\"kept\"}");
        UUID changed = createAccount("{\"name\":\"changed\"}");
        UUID deleted = createAccount("{\"name\":\"deleted\"}");
        String link = deltaLink(api.get("accounts?$select=name", TRACK).expect(200));

        api.patch("accounts(" + changed + ")", "{\"name\":\"changed twice\"}").expect(204);
        api.patch("accounts(" + changed + ")", "{\"name\":\"changed thrice\"}").expect(204);
        UUID created = createAccount("{\"name\":\"new\"}");
        api.delete("accounts(" + deleted + ")").expect(204);
        UUID createdThenDeleted = createAccount("{\"name\":\"gone again\"}");
        api.delete("accounts(" + createdThenDeleted + ")").expect(204);

        WebApi.Resp r = api.get(link).expect(200);
        JsonNode body = r.json();
        assertEquals(api.root() + "$metadata#accounts(name)/$delta", body.get("@odata.context").asText());
        JsonNode value = body.get("value");
        assertEquals(4, value.size(), body.toString());
        assertEquals(changed.toString(), value.get(0).get("accountid").asText());
        assertEquals("changed thrice", value.get(0).get("name").asText());
        assertTrue(value.get(0).get("@odata.etag").asText().startsWith("W/\""));
        assertEquals(created.toString(), value.get(1).get("accountid").asText());
        Set<String> gone = new HashSet<>();
        for (int i = 2; i < 4; i++) {
            JsonNode d = value.get(i);
            assertEquals(api.root() + "$metadata#accounts/$deletedEntity", d.get("@odata.context").asText());
            assertEquals("deleted", d.get("reason").asText());
            assertNull(d.get("@odata.etag"), "deleted rows carry no etag");
            assertNull(d.get("accountid"), "deleted rows carry id, not the primary key name");
            gone.add(d.get("id").asText());
        }
        assertEquals(Set.of(deleted.toString(), createdThenDeleted.toString()), gone);
        assertFalse(body.toString().contains(kept.toString()));

        WebApi.Resp empty = api.get(deltaLink(r)).expect(200);
        assertEquals(0, empty.json().get("value").size(), "no changes: empty value and a new delta link");
        deltaLink(empty);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$filter=name eq 'a'", "$orderby=name", "$expand=primarycontactid", "$top=5"})
    void queryOptionsAreRejectedWithChangeTracking(String option) {
        String name = option.substring(0, option.indexOf('='));
        String value = option.substring(option.indexOf('=') + 1);
        WebApi.Resp r = api.get("accounts?$select=name&" + name + "=" + enc(value), TRACK).expect(400);
        assertEquals("The \"" + name + "\" query parameter isn't supported when Change Tracking is enabled.",
                r.errorMessage());
        String link = deltaLink(api.get("accounts?$select=name", TRACK).expect(200));
        api.get(link + "&" + name + "=" + enc(value)).expect(400);
    }

    @Test
    void initialAndDeltaResultsArePagedWithTheDeltaLinkOnTheLastPage() {
        for (int i = 0; i < 7; i++) {
            createAccount("{\"name\":\"n" + i + "\"}");
        }
        String[] paged = {"Prefer", "odata.track-changes,odata.maxpagesize=3"};
        List<String> names = new ArrayList<>();
        String url = "accounts?$select=name";
        String link = null;
        for (int page = 0; page < 5 && link == null; page++) {
            WebApi.Resp r = api.get(url, paged).expect(200);
            r.json().get("value").forEach(v -> names.add(v.get("name").asText()));
            JsonNode next = r.json().get("@odata.nextLink");
            if (next != null) {
                assertNull(r.json().get("@odata.deltaLink"));
                url = next.asText();
            } else {
                link = deltaLink(r);
            }
        }
        assertEquals(7, names.size());
        for (int i = 0; i < 5; i++) {
            createAccount("{\"name\":\"later" + i + "\"}");
        }
        WebApi.Resp first = api.get(link, "Prefer", "odata.maxpagesize=3").expect(200);
        assertEquals(3, first.json().get("value").size());
        WebApi.Resp second = api.get(first.json().get("@odata.nextLink").asText(), "Prefer", "odata.maxpagesize=3")
                .expect(200);
        assertEquals(2, second.json().get("value").size());
        deltaLink(second);
    }

    @Test
    void countOfChangesWithADeltaToken() {
        String link = deltaLink(api.get("accounts?$select=name", TRACK).expect(200));
        createAccount("{\"name\":\"x\"}");
        createAccount("{\"name\":\"y\"}");
        String token = link.substring(link.indexOf("$deltatoken="));
        assertEquals("2", api.get("accounts/$count?" + token).expect(200).body());
    }

    /** A clock tests can move. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2024-03-01T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void tokensExpireAfterTheConfiguredNumberOfDays() {
        MovableClock clock = new MovableClock();
        try (SalesSandbox s = SalesSandbox.start(SandboxOptions.defaults().withThreads(2).withClock(clock)
                .withChangeTrackingExpiryDays(3))) {
            WebApi web = new WebApi(s);
            String link = deltaLink(web.get("accounts?$select=name", TRACK).expect(200));
            assertThat(link).contains("03%2F01%2F2024%2008%3A00%3A00");
            clock.advance(Duration.ofDays(2));
            web.get(link).expect(200);
            clock.advance(Duration.ofDays(2));
            WebApi.Resp expired = web.get(link).expect(400);
            assertEquals("0x80044352", expired.errorCode());
            assertThat(expired.errorMessage()).contains("expired");
        }
    }
}
