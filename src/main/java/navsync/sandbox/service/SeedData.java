package navsync.sandbox.service;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import navsync.sandbox.json.Json;
import navsync.sandbox.schema.Schema;
import navsync.sandbox.store.DataStore;

/**
 * Rows every environment has: the calling (application) user and the organization's base currency. Fixed ids so
 * tests and tools can refer to them.
 */
public final class SeedData {
    public static final UUID CALLER_USER_ID = UUID.fromString("5a1e5a1e-0000-4000-8000-000000000001");
    public static final UUID BUSINESS_UNIT_ID = UUID.fromString("5a1e5a1e-0000-4000-8000-000000000002");
    public static final UUID ORGANIZATION_ID = UUID.fromString("5a1e5a1e-0000-4000-8000-000000000003");
    public static final UUID BASE_CURRENCY_ID = UUID.fromString("5a1e5a1e-0000-4000-8000-000000000004");

    private SeedData() {
    }

    public static Identity identity(boolean seeded) {
        return new Identity(CALLER_USER_ID, BUSINESS_UNIT_ID, ORGANIZATION_ID, seeded ? BASE_CURRENCY_ID : null);
    }

    /** Creates the seed rows through the normal write path. */
    public static void seed(DataStore store, EntityService service) {
        Schema schema = store.schema();
        PayloadReader reader = new PayloadReader(schema);
        ObjectNode user = Json.MAPPER.createObjectNode()
                .put("systemuserid", CALLER_USER_ID.toString())
                .put("domainname", "navsync-sandbox@sandbox.invalid")
                .put("internalemailaddress", "navsync-sandbox@sandbox.invalid")
                .put("firstname", "navsync")
                .put("lastname", "Sandbox")
                .put("accessmode", 4)
                .put("isdisabled", false)
                .put("islicensed", false)
                .put("isintegrationuser", true)
                .put("applicationid", "5a1e5a1e-0000-4000-8000-0000000000aa");
        service.create(schema.byLogicalName("systemuser"),
                reader.read(schema.byLogicalName("systemuser"), user, PayloadReader.Mode.SINGLE));
        ObjectNode usd = Json.MAPPER.createObjectNode()
                .put("transactioncurrencyid", BASE_CURRENCY_ID.toString())
                .put("currencyname", "US Dollar")
                .put("isocurrencycode", "USD")
                .put("currencysymbol", "$")
                .put("exchangerate", 1)
                .put("currencyprecision", 2);
        service.create(schema.byLogicalName("transactioncurrency"),
                reader.read(schema.byLogicalName("transactioncurrency"), usd, PayloadReader.Mode.SINGLE));
    }
}
