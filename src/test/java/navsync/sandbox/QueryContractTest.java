package navsync.sandbox;

import static navsync.sandbox.WebApi.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Collection queries: $select, $filter, $orderby, $top, $count, paging [Q-OVR, Q-FILTER, Q-ORDER, Q-PAGE, Q-COUNT]. */
class QueryContractTest extends SandboxTestBase {
    private UUID alpha;
    private UUID beta;
    private UUID gamma;
    private UUID delta;

    @BeforeEach
    void data() {
        alpha = createAccount("{\"name\":\"Alpha Ltd\",\"revenue\":100,\"numberofemployees\":10,"
                + "\"accountnumber\":\"A-1\",\"creditonhold\":false,\"customertypecode\":3,\"telephone1\":\"555\"}");
        beta = createAccount("{\"name\":\"beta O'Brien\",\"revenue\":200.5,\"numberofemployees\":20,"
                + "\"accountnumber\":\"B-2\",\"creditonhold\":true,\"customertypecode\":3}");
        gamma = createAccount("{\"name\":\"Gamma 100%\",\"revenue\":300,\"numberofemployees\":30,"
                + "\"creditonhold\":false,\"customertypecode\":8}");
        delta = createAccount("{\"name\":\"Delta\",\"parentaccountid@odata.bind\":\"/accounts(" + alpha + ")\"}");
    }

    private Set<UUID> ids(String filter) {
        WebApi.Resp r = api.get("accounts?$select=name&$filter=" + enc(filter)).expect(200);
        Set<UUID> out = new HashSet<>();
        for (JsonNode row : r.json().get("value")) {
            out.add(UUID.fromString(row.get("accountid").asText()));
        }
        return out;
    }

    @Test
    void comparisonOperators() {
        assertEquals(Set.of(beta), ids("revenue eq 200.5"));
        assertEquals(Set.of(alpha, gamma, delta), ids("revenue ne 200.5"), "ne includes null (OData null semantics)");
        assertEquals(Set.of(beta, gamma), ids("revenue gt 100"));
        assertEquals(Set.of(alpha, beta, gamma), ids("revenue ge 100"));
        assertEquals(Set.of(alpha), ids("numberofemployees lt 20"));
        assertEquals(Set.of(alpha, beta), ids("numberofemployees le 20"));
        assertEquals(Set.of(beta), ids("creditonhold eq true"));
        assertEquals(Set.of(beta), ids("creditonhold"));
    }

    @Test
    void logicalOperatorsAndParentheses() {
        assertEquals(Set.of(beta), ids("customertypecode eq 3 and revenue gt 150"));
        assertEquals(Set.of(alpha, gamma), ids("numberofemployees eq 10 or numberofemployees eq 30"));
        assertEquals(Set.of(gamma, delta), ids("not (customertypecode eq 3)"));
        assertEquals(Set.of(alpha, gamma), ids("(revenue lt 150 or revenue gt 250) and creditonhold eq false"));
    }

    @Test
    void stringsAreCaseInsensitiveWithEscapedQuotesAndWildcards() {
        assertEquals(Set.of(alpha), ids("name eq 'ALPHA ltd'"));
        assertEquals(Set.of(beta), ids("name eq 'Beta O''Brien'"));
        assertEquals(Set.of(alpha, delta), ids("contains(name,'L')"));
        assertEquals(Set.of(beta), ids("startswith(name,'BETA')"));
        assertEquals(Set.of(alpha), ids("endswith(name,'ltd')"));
        assertEquals(Set.of(gamma, alpha, beta, delta), ids("contains(name,'%')"), "% is a wildcard [Q-FILTER]");
        assertEquals(Set.of(gamma), ids("contains(name,'100[%]')"));
        assertEquals(Set.of(alpha, beta, delta), ids("startswith(name,'_l') or startswith(name,'_e')"));
        assertEquals(Set.of(alpha, delta), ids("startswith(name,'[ad]')"));
        assertEquals(Set.of(alpha), ids("name gt 'alpha' and name lt 'B'"));
    }

    @Test
    void nullGuidAndLookupFilters() {
        assertEquals(Set.of(gamma, delta), ids("accountnumber eq null"));
        assertEquals(Set.of(alpha, beta), ids("accountnumber ne null"));
        assertEquals(Set.of(beta), ids("accountid eq " + beta));
        assertEquals(Set.of(delta), ids("_parentaccountid_value eq " + alpha));
        assertEquals(Set.of(delta), ids("parentaccountid/accountid eq " + alpha));
        assertEquals(Set.of(delta), ids("parentaccountid/name eq 'alpha ltd'"));
        assertEquals(Set.of(alpha, beta, gamma, delta), ids("_ownerid_value eq " + sandbox.callerUserId()));
    }

    @Test
    void dateTimeLiteralsWithZOrOffset() throws Exception {
        String created = api.get("accounts(" + alpha + ")?$select=createdon").expect(200).json().get("createdon").asText();
        assertEquals(Set.of(), ids("createdon lt " + created.replace("Z", "") + "+00:01"), "offset literal");
        assertEquals(4, ids("createdon ge " + created.substring(0, 10) + "T00:00:00Z").size());
        assertEquals(4, ids("modifiedon gt 2000-01-01T00:00:00+02:00").size());
        assertEquals(Set.of(), ids("createdon gt 9999-01-01T00:00:00Z"));
        Thread.sleep(20);
        String mark = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        Thread.sleep(5);
        api.patch("accounts(" + gamma + ")", "{\"name\":\"Gamma updated\"}").expect(204);
        assertEquals(Set.of(gamma), ids("modifiedon gt " + mark));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$select=name,nosuch|Could not find a property named 'nosuch' on type 'Microsoft.Dynamics.CRM.account'.",
        "$filter=nosuch eq 1|Could not find a property named 'nosuch' on type 'Microsoft.Dynamics.CRM.account'.",
        "$orderby=nosuch|Could not find a property named 'nosuch' on type 'Microsoft.Dynamics.CRM.account'.",
        "$skip=10|The query parameter $skip is not supported",
        "$search=abc|The query parameter $search is not supported",
        "$format=json|The query parameter $format is not supported",
        "$filter=name eq 5|A binary operator with incompatible types was detected. Found operand types 'Edm.String' and 'Edm.Int32' for operator kind 'Equal'.",
        "$filter=name eq 'x|Syntax error at position 8 in 'name eq 'x'.",
    })
    void badQueriesAre400(String query, String message) {
        int eq = query.indexOf('=');
        WebApi.Resp r = api.get("accounts?" + query.substring(0, eq + 1) + enc(query.substring(eq + 1))).expect(400);
        assertEquals(message, r.errorMessage());
        assertTrue(r.errorCode().startsWith("0x"));
    }

    @Test
    void tooManyConditionsIsRejected() {
        StringBuilder f = new StringBuilder("numberofemployees eq 0");
        for (int i = 1; i <= 500; i++) {
            f.append(" or numberofemployees eq ").append(i);
        }
        WebApi.Resp r = api.get("accounts?$select=name&$filter=" + enc(f.toString())).expect(400);
        assertEquals("0x8004430C", r.errorCode());
    }

    @Test
    void parameterAliases() {
        WebApi.Resp r = api.get("accounts?$select=name&$filter=" + enc("@p1 eq @p2") + "&@p1=numberofemployees&@p2=20")
                .expect(200);
        assertEquals(1, r.json().get("value").size());
        assertEquals(beta.toString(), r.json().get("value").get(0).get("accountid").asText());
    }

    @Test
    void orderByMultipleKeysAndTop() {
        WebApi.Resp r = api.get("accounts?$select=name,customertypecode&$orderby=" + enc("customertypecode desc,name asc"))
                .expect(200);
        List<String> names = names(r.json());
        // nulls sort last descending (Delta has no customertypecode)
        assertEquals(List.of("Gamma 100%", "Alpha Ltd", "beta O'Brien", "Delta"), names);
        WebApi.Resp top = api.get("accounts?$select=name&$orderby=revenue%20desc&$top=2").expect(200);
        assertEquals(List.of("Gamma 100%", "beta O'Brien"), names(top.json()));
        assertFalse(top.json().has("@odata.nextLink"));
        assertEquals(List.of("Delta", "Alpha Ltd"), names(api.get("accounts?$select=name&$orderby=revenue&$top=2")
                .expect(200).json()), "nulls first ascending");
    }

    @Test
    void countOptionAndCountSegment() {
        JsonNode b = api.get("accounts?$select=name&$count=true&$filter=" + enc("creditonhold eq false")).expect(200)
                .json();
        assertEquals(2, b.get("@odata.count").asInt());
        List<String> order = new ArrayList<>();
        b.fieldNames().forEachRemaining(order::add);
        assertTrue(order.indexOf("@odata.count") < order.indexOf("value"));
        WebApi.Resp c = api.get("accounts/$count").expect(200);
        assertTrue(c.header("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals("4", c.body());
        assertEquals("1", api.get("accounts/$count?$filter=" + enc("name eq 'delta'")).expect(200).body());
    }

    @Test
    void countIsCappedAt5000() {
        StringBuilder targets = new StringBuilder("{\"Targets\":[");
        for (int i = 0; i < 5100; i++) {
            targets.append(i == 0 ? "" : ",").append("{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"name\":\"n")
                    .append(i).append("\"}");
        }
        api.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple", targets.append("]}").toString()).expect(200);
        JsonNode b = api.get("accounts?$select=name&$count=true").expect(200).json();
        assertEquals(5000, b.get("@odata.count").asInt());
        assertEquals(5000, b.get("value").size(), "default page size 5000");
        assertNotNull(b.get("@odata.nextLink"), "more than 5000 rows: next link without maxpagesize");
        assertEquals("5000", api.get("accounts/$count").expect(200).body());
    }

    @Test
    void pagingFollowsNextLinkVerbatimAcrossThreePages() {
        for (int i = 0; i < 21; i++) {
            createAccount("{\"name\":\"Page " + (char) ('a' + i) + "\",\"numberofemployees\":" + (i % 3) + "}");
        }
        String filter = enc("startswith(name,'Page')");
        String url = api.root() + "accounts?$select=name,numberofemployees&$filter=" + filter
                + "&$orderby=" + enc("numberofemployees desc,name");
        List<String> seen = new ArrayList<>();
        int pages = 0;
        while (url != null) {
            WebApi.Resp r = api.get(url, "Prefer", "odata.maxpagesize=10").expect(200);
            assertEquals("odata.maxpagesize=10", r.header("Preference-Applied").orElse(null));
            JsonNode b = r.json();
            assertTrue(b.get("value").size() <= 10);
            seen.addAll(names(b));
            url = b.has("@odata.nextLink") ? b.get("@odata.nextLink").asText() : null;
            if (url != null) {
                assertTrue(url.contains("$skiptoken=%3Ccookie%20pagenumber%3D%22" + (pages + 2) + "%22"), url);
            }
            if (pages == 0) {
                // rows added while paging must not disturb the pages still to come
                createAccount("{\"name\":\"Page zz late\",\"numberofemployees\":0}");
            }
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(22, seen.size());
        assertEquals(22, new HashSet<>(seen).size(), "no row twice");
        List<String> expected = new ArrayList<>();
        for (int n = 2; n >= 0; n--) {
            for (int i = 0; i < 21; i++) {
                if (i % 3 == n) {
                    expected.add("Page " + (char) ('a' + i));
                }
            }
        }
        expected.add("Page zz late");
        assertEquals(expected, seen);
    }

    @Test
    void defaultOrderPagingIsByPrimaryKeyAndSeesRowsAddedAhead() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            created.add(createAccount("{\"name\":\"P" + i + "\",\"numberofemployees\":7}").toString());
        }
        for (String direction : List.of("", " desc")) {
            String url = api.root() + "accounts?$select=name&$filter=" + enc("numberofemployees eq 7")
                    + (direction.isEmpty() ? "" : "&$orderby=" + enc("accountid" + direction));
            List<String> seen = new ArrayList<>();
            int pages = 0;
            String late = null;
            while (url != null) {
                JsonNode b = api.get(url, "Prefer", "odata.maxpagesize=8").expect(200).json();
                for (JsonNode row : b.get("value")) {
                    seen.add(row.get("accountid").asText());
                }
                url = b.has("@odata.nextLink") ? b.get("@odata.nextLink").asText() : null;
                if (pages++ == 0) {
                    // a row whose key sorts after every existing one shows up on a later page
                    late = (direction.isEmpty() ? "ffffffff-ffff-4fff-bfff-" : "00000000-0000-4000-8000-")
                            + String.format("%012d", pages + direction.length());
                    createAccount("{\"accountid\":\"" + late + "\",\"numberofemployees\":7}");
                }
            }
            List<String> expected = new ArrayList<>(created);
            expected.add(late);
            expected.sort(direction.isEmpty() ? null : java.util.Comparator.reverseOrder());
            assertEquals(expected, seen, "order" + direction);
            assertEquals(3, pages);
            created.add(late);
        }
    }

    @Test
    void tamperedSkipTokenIs400() {
        api.get("accounts?$skiptoken=" + enc("<cookie pagenumber=\"2\" pagingcookie=\"garbage\" />")).expect(400);
    }

    private static List<String> names(JsonNode body) {
        List<String> names = new ArrayList<>();
        for (JsonNode row : body.get("value")) {
            names.add(row.get("name").asText());
        }
        return names;
    }
}
