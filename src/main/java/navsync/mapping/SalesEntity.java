package navsync.mapping;

import java.util.Map;
import java.util.Optional;

/**
 * A Dataverse table as the Web API addresses it: logical name, entity set and primary id column.
 */
public record SalesEntity(String logicalName, String entitySet, String primaryId, String primaryName) {

    private static final Map<String, SalesEntity> KNOWN = Map.of(
            "account", new SalesEntity("account", "accounts", "accountid", "name"),
            "contact", new SalesEntity("contact", "contacts", "contactid", "fullname"),
            "systemuser", new SalesEntity("systemuser", "systemusers", "systemuserid", "fullname"),
            "transactioncurrency", new SalesEntity("transactioncurrency", "transactioncurrencies", "transactioncurrencyid", "currencyname"),
            "product", new SalesEntity("product", "products", "productid", "name"));

    public static Optional<SalesEntity> byLogicalName(String logicalName) {
        return Optional.ofNullable(KNOWN.get(logicalName));
    }

    public static java.util.Set<String> knownLogicalNames() {
        return new java.util.TreeSet<>(KNOWN.keySet());
    }

    /** The value of {@code @odata.type} that bulk actions require on every target. */
    public String odataType() {
        return "Microsoft.Dynamics.CRM." + logicalName;
    }
}
