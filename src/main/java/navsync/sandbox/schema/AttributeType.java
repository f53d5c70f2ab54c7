package navsync.sandbox.schema;

/** Dataverse attribute types the sandbox knows, with the OData (EDM) type they surface as in the Web API. */
public enum AttributeType {
    UNIQUEIDENTIFIER("Edm.Guid"),
    STRING("Edm.String"),
    MEMO("Edm.String"),
    INTEGER("Edm.Int32"),
    BIGINT("Edm.Int64"),
    DECIMAL("Edm.Decimal"),
    DOUBLE("Edm.Double"),
    MONEY("Edm.Decimal"),
    BOOLEAN("Edm.Boolean"),
    PICKLIST("Edm.Int32"),
    STATE("Edm.Int32"),
    STATUS("Edm.Int32"),
    DATETIME("Edm.DateTimeOffset"),
    DATEONLY("Edm.Date"),
    /** Lookup/Owner/Customer: written via {@code nav@odata.bind}, read as {@code _name_value}. */
    LOOKUP("Edm.Guid");

    private final String edmType;

    AttributeType(String edmType) {
        this.edmType = edmType;
    }

    public String edmType() {
        return edmType;
    }

    public boolean isText() {
        return this == STRING || this == MEMO;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == BIGINT || this == DECIMAL || this == DOUBLE || this == MONEY
                || isChoice();
    }

    /** Picklist, State and Status: integer option values. */
    public boolean isChoice() {
        return this == PICKLIST || this == STATE || this == STATUS;
    }
}
