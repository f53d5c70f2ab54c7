package navsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alternate keys [ALTKEY, UPD, BULK]: none by default; {@code accounts(accountnumber='C10000')} once defined. */
class AlternateKeyContractTest {
    private static final String TYPE = "\"@odata.type\":\"Microsoft.Dynamics.CRM.account\"";
    private static SalesSandbox keyed;
    private static WebApi api;

    @BeforeAll
    static void start() {
        keyed = SalesSandbox.start(SandboxOptions.defaults().withThreads(2).withAlternateKey("account", "accountnumber")
                .withAlternateKey("contact", "firstname", "emailaddress1"));
        api = new WebApi(keyed);
    }

    @AfterAll
    static void stop() {
        keyed.close();
    }

    @BeforeEach
    void clear() {
        keyed.clearData();
    }

    @Test
    void withoutAKeyTheUrlFailsWithTheDocumentedMessage() {
        try (SalesSandbox plain = SalesSandbox.start(SandboxOptions.defaults().withThreads(1))) {
            WebApi.Resp r = new WebApi(plain).get("accounts(accountnumber='C10000')").expect(400);
            assertEquals("The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.account'. Ensure "
                    + "that the names and number of key properties match the declared or alternate key properties for "
                    + "the resource 'Microsoft.Dynamics.CRM.account'.", r.errorMessage());
        }
        api.get("accounts(name='x')").expect(400);
        api.get("contacts(firstname='Joe')").expect(400); // part of a two-column key only
    }

    @Test
    void upsertByKeyCreatesWithTheUrlValuesThenUpdates() {
        WebApi.Resp created = api.patch("accounts(accountnumber='C10000')", "{\"name\":\"Cannon\"}").expect(204);
        assertEquals(api.root() + "accounts(accountnumber='C10000')", created.header("OData-EntityId").orElseThrow());
        JsonNode row = api.get("accounts(accountnumber='C10000')?$select=name,accountnumber").expect(200).json();
        assertEquals("Cannon", row.get("name").asText());
        assertEquals("C10000", row.get("accountnumber").asText());
        UUID id = UUID.fromString(row.get("accountid").asText());

        api.patch("accounts(accountnumber='C10000')", "{\"name\":\"Cannon Group\",\"accountnumber\":\"IGNORED\"}",
                WebApi.RETURN_REPRESENTATION).expect(200);
        assertEquals("Cannon Group", keyed.row("accounts", id).orElseThrow().get("name"));
        assertEquals("C10000", keyed.row("accounts", id).orElseThrow().get("accountnumber"), "key values in the body are ignored on update");
        assertEquals(1, keyed.rowCount("accounts"));

        api.get("accounts(accountnumber='c10000')").expect(200); // SQL Server's case-insensitive collation
        api.patch("accounts(accountnumber='C20000')", "{\"name\":\"x\"}", "If-Match", "*").expect(404);
        api.delete("accounts(accountnumber='C10000')").expect(204);
        assertThat(api.get("accounts(accountnumber='C10000')").expect(404).errorMessage())
                .isEqualTo("A record with the specified key values does not exist in account entity");
    }

    @Test
    void keyValuesAreUnique() {
        api.post("accounts", "{\"name\":\"a\",\"accountnumber\":\"K1\"}").expect(204);
        WebApi.Resp dup = api.post("accounts", "{\"name\":\"b\",\"accountnumber\":\"k1\"}").expect(412);
        assertEquals("0x80060892", dup.errorCode());
        api.post("accounts", "{\"name\":\"no key\"}").expect(204);
        api.post("accounts", "{\"name\":\"no key either\"}").expect(204);
        assertEquals(3, keyed.rowCount("accounts"));
    }

    @Test
    void multiColumnKeysAndBindsByKey() {
        api.patch("contacts(firstname='Joe',emailaddress1='joe@example.com')", "{\"lastname\":\"Smith\"}").expect(204);
        UUID account = api.post("accounts", "{\"name\":\"a\",\"primarycontactid@odata.bind\":"
                + "\"/contacts(firstname='Joe',emailaddress1='joe@example.com')\"}").expect(204).entityId();
        JsonNode a = api.get("accounts(" + account + ")?$select=name&$expand=primarycontactid($select=lastname)")
                .expect(200).json();
        assertEquals("Smith", a.get("primarycontactid").get("lastname").asText());
        api.post("accounts", "{\"name\":\"b\",\"primarycontactid@odata.bind\":"
                + "\"/contacts(firstname='Nobody',emailaddress1='x@example.com')\"}").expect(404);
    }

    @Test
    void upsertMultipleByKeyButNotUpdateMultiple() {
        api.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple", "{\"Targets\":["
                + "{" + TYPE + ",\"@odata.id\":\"accounts(accountnumber='U1')\",\"name\":\"one\"},"
                + "{" + TYPE + ",\"@odata.id\":\"accounts(accountnumber='U2')\",\"name\":\"two\"}]}").expect(204);
        api.post("accounts/Microsoft.Dynamics.CRM.UpsertMultiple", "{\"Targets\":["
                + "{" + TYPE + ",\"@odata.id\":\"accounts(accountnumber='U1')\",\"name\":\"one again\"}]}").expect(204);
        assertEquals(2, keyed.rowCount("accounts"));
        assertEquals("one again", api.get("accounts(accountnumber='U1')?$select=name").expect(200).json()
                .get("name").asText());
        api.post("accounts/Microsoft.Dynamics.CRM.UpdateMultiple", "{\"Targets\":["
                + "{" + TYPE + ",\"@odata.id\":\"accounts(accountnumber='U1')\",\"name\":\"x\"}]}").expect(400);
    }

    @Test
    void unsupportedCharactersInKeyValues() {
        api.get("accounts(accountnumber='A*B')").expect(400);
    }
}
