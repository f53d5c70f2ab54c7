package navsync.sandbox.error;

/**
 * Error codes the sandbox puts into {@code {"error":{"code":...}}}. Hex strings as the Web API returns them.
 * Where a value comes from the reference's error table ([ERRCODES] in {@code reference/dataverse-webapi.md} section 7)
 * the constant says so; the others are marked as inference.
 */
public final class ErrorCodes {
    private ErrorCodes() {
    }

    /** Documented 404/412 examples in [COND] carry an empty code. */
    public static final String EMPTY = "";
    /** ObjectDoesNotExist [ERRCODES]. */
    public static final String OBJECT_DOES_NOT_EXIST = "0x80040217";
    /** DuplicateRecord [ERRCODES]; HTTP 412 per [COMPOSE]. */
    public static final String DUPLICATE_RECORD = "0x80040237";
    /** DuplicateRecordEntityKey [ERRCODES]: an alternate key's values are taken by another row. */
    public static final String DUPLICATE_RECORD_ENTITY_KEY = "0x80060892";
    /** ConcurrencyVersionMismatch [ERRCODES] (the documented 412 example itself has an empty code). */
    public static final String CONCURRENCY_VERSION_MISMATCH = "0x80060882";
    /** RequiredFieldMissing [ERRCODES]. */
    public static final String REQUIRED_FIELD_MISSING = "0x80040200";
    /** ODataClientPayloadError [ERRCODES]: body could not be read as the entity type. */
    public static final String ODATA_CLIENT_PAYLOAD_ERROR = "0x80048d19";
    /** "A validation error occurred." (string length example in [BATCH]); also used for ranges and choices (inference). */
    public static final String VALIDATION_ERROR = "0x80044331";
    /** TooManyConditionsInQuery [Q-FILTER]. */
    public static final String TOO_MANY_CONDITIONS = "0x8004430C";
    /**
     * Query/URL errors and "CRM do not support direct update of Entity Reference properties" ([Q-JOIN] documents
     * 0x80060888 for a bad $ref expand; using it for the other query errors is inference).
     */
    public static final String QUERY_ERROR = "0x80060888";
    /** InvalidArgument, used for state/status mismatches (inference). */
    public static final String INVALID_ARGUMENT = "0x80040203";
    /** "Resource not found for the segment ..." (inference: third-party tests record code 0x0 for it). */
    public static final String RESOURCE_NOT_FOUND = "0x0";
    /** Something the real service supports but this sandbox does not (sandbox-specific; sent with HTTP 501). */
    public static final String NOT_IMPLEMENTED = "0x0";
    /** RequestIsNotAuthenticated [ERRCODES]: no (valid) bearer token. */
    public static final String REQUEST_NOT_AUTHENTICATED = "0x80044302";
    /** AccessTokenExpired [ERRCODES]. */
    public static final String ACCESS_TOKEN_EXPIRED = "0x8005F101";
    /** Service protection, number of requests [LIMITS]. */
    public static final String THROTTLED_REQUESTS = "0x80072322";
    /** Service protection, execution time [LIMITS]. */
    public static final String THROTTLED_EXECUTION_TIME = "0x80072321";
    /** Service protection, concurrent requests [LIMITS]. */
    public static final String THROTTLED_CONCURRENCY = "0x80072326";
    /**
     * ExpiredVersionStamp: a change-tracking token older than the organization's ExpireChangeTrackingInDays. The
     * reference only says "the system throws an exception" [CT]; name and code are the platform's as remembered
     * (inference).
     */
    public static final String EXPIRED_VERSION_STAMP = "0x80044352";
    /** Unexpected server error (generic "An unexpected error occurred."). */
    public static final String UNEXPECTED = "0x80040216";
}
