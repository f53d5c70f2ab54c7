package navsync.sandbox.service;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import navsync.sandbox.json.Json;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.store.DataStore;

/**
 * Rows every environment has: the calling (application) user, the organization and its base currency. Fixed ids so
 * tests and tools can refer to them.
 */
public final class SeedData {
    public static final UUID CALLER_USER_ID = UUID.fromString("5a1e5a1e-0000-4000-8000-000000000001");
    public static final UUID BUSINESS_UNIT_ID = UUID.fromString("5a1e5a1e-0000-4000-8000-000000000002");
    public static final UUID ORGANIZATION_ID = UUID.fromString("5a1e5a1e-0000-4000-8000-000000000003");
    public static final UUID BASE_CURRENCY_ID = UUID.fromString("5a1e5a1e-0000-4000-8000-000000000004");
    /** The application user's Entra object id (the {@code oid} of its tokens). */
    public static final UUID CALLER_OBJECT_ID = UUID.fromString("5a1e5a1e-0000-4000-8000-000000000005");
    private static final String DEFAULT_APPLICATION_ID = "5a1e5a1e-0000-4000-8000-0000000000aa";

    private SeedData() {
    }

    public static Identity identity(boolean seeded) {
        return new Identity(CALLER_USER_ID, BUSINESS_UNIT_ID, ORGANIZATION_ID, seeded ? BASE_CURRENCY_ID : null);
    }

    /**
     * Creates the seed rows through the normal write path. {@code clientId}: the application (client) id the
     * application user is bound to [OAUTH], when authentication is configured with a GUID client id; else null.
     */
    public static void seed(DataStore store, EntityService service, String clientId) {
        create(store, service, "systemuser", Json.MAPPER.createObjectNode()
                .put("systemuserid", CALLER_USER_ID.toString())
                .put("domainname", "navsync-sandbox@sandbox.invalid")
                .put("internalemailaddress", "navsync-sandbox@sandbox.invalid")
                .put("firstname", "navsync")
                .put("lastname", "Sandbox")
                .put("accessmode", 4)
                .put("isdisabled", false)
                .put("islicensed", false)
                .put("isintegrationuser", true)
                .put("azureactivedirectoryobjectid", CALLER_OBJECT_ID.toString())
                .put("applicationid", clientId != null ? clientId : DEFAULT_APPLICATION_ID));
        create(store, service, "transactioncurrency", Json.MAPPER.createObjectNode()
                .put("transactioncurrencyid", BASE_CURRENCY_ID.toString())
                .put("currencyname", "US Dollar")
                .put("isocurrencycode", "USD")
                .put("currencysymbol", "$")
                .put("exchangerate", 1)
                .put("currencyprecision", 2));
        create(store, service, "organization", Json.MAPPER.createObjectNode()
                .put("organizationid", ORGANIZATION_ID.toString())
                .put("name", "navsync sandbox")
                .put("basecurrencyid@odata.bind", "/transactioncurrencies(" + BASE_CURRENCY_ID + ")"));
    }

    /** Creates one row from a Web API body, through the same reading and validation as a POST. */
    static void create(DataStore store, EntityService service, String table, ObjectNode body) {
        EntityType type = store.schema().byLogicalName(table);
        service.create(type, new PayloadReader(store).read(type, body, PayloadReader.Mode.SINGLE));
    }
}
