package navsync.sandbox.schema;

/** Names of the columns the platform maintains itself, shared by the standard tables. */
public final class SystemColumns {
    private SystemColumns() {
    }

    public static final String CREATED_ON = "createdon";
    public static final String MODIFIED_ON = "modifiedon";
    public static final String VERSION_NUMBER = "versionnumber";
    public static final String CREATED_BY = "createdby";
    public static final String MODIFIED_BY = "modifiedby";
    public static final String OWNER_ID = "ownerid";
    public static final String STATE_CODE = "statecode";
    public static final String STATUS_CODE = "statuscode";
    public static final String TRANSACTION_CURRENCY_ID = "transactioncurrencyid";

    /** createdon, modifiedon (DateTime, read-only), versionnumber (BigInt, read-only), createdby/modifiedby. */
    public static Attribute.Builder[] audit() {
        return new Attribute.Builder[] {
            Attribute.dateTime(CREATED_ON).readOnly(),
            Attribute.dateTime(MODIFIED_ON).readOnly(),
            Attribute.of(VERSION_NUMBER, AttributeType.BIGINT).readOnly(),
            Attribute.lookup(CREATED_BY, "systemuser").readOnly(),
            Attribute.lookup(MODIFIED_BY, "systemuser").readOnly(),
        };
    }

    /** ownerid: Owner (systemuser, team), SystemRequired, defaulted to the caller on create [E-ACCOUNT]. */
    public static Attribute.Builder owner() {
        return Attribute.lookup(OWNER_ID, "systemuser", "team").required(RequiredLevel.SYSTEM_REQUIRED);
    }

    /** transactioncurrencyid lookup, defaulted to the base currency when a money column is set. */
    public static Attribute.Builder currency() {
        return Attribute.lookup(TRANSACTION_CURRENCY_ID, "transactioncurrency");
    }

    /** statecode 0 Active (default status 1) / 1 Inactive (default status 2), not valid for create. */
    public static Attribute.Builder activeInactiveState(String inactiveLabel) {
        return Attribute.of(STATE_CODE, AttributeType.STATE).state(0, "Active", 1).state(1, inactiveLabel, 2)
                .notValidForCreate();
    }

    /** statuscode 1 Active (state 0) / 2 Inactive (state 1). */
    public static Attribute.Builder activeInactiveStatus() {
        return Attribute.of(STATUS_CODE, AttributeType.STATUS).status(1, "Active", 0).status(2, "Inactive", 1);
    }
}
