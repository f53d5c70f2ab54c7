package navsync.sandbox.error;

/**
 * A failure the sandbox answers with a Dataverse error body {@code {"error":{"code":"...","message":"..."}}}.
 * Thrown anywhere below the HTTP layer; the HTTP layer turns it into the response.
 */
public final class DataverseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private static final String PAYLOAD_PREFIX = "Error identified in Payload provided by the user for Entity :'%s', "
            + "For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293"
            + "  ---->  InnerException : Microsoft.OData.ODataException: ";

    private final int status;
    private final String code;

    public DataverseException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static DataverseException badRequest(String code, String message) {
        return new DataverseException(400, code, message);
    }

    /** ODataClientPayloadError with the wrapper text Dataverse puts around the OData library message. */
    public static DataverseException payload(String entitySetName, String innerMessage) {
        return new DataverseException(400, ErrorCodes.ODATA_CLIENT_PAYLOAD_ERROR,
                String.format(PAYLOAD_PREFIX, entitySetName) + innerMessage);
    }

    /** Query-string / URL error (HTTP 400). */
    public static DataverseException query(String message) {
        return new DataverseException(400, ErrorCodes.QUERY_ERROR, message);
    }

    public static DataverseException validation(String message) {
        return new DataverseException(400, ErrorCodes.VALIDATION_ERROR, "A validation error occurred.  " + message);
    }

    /** 404 for a row that does not exist; message text as documented in [COND]. */
    public static DataverseException notFound(String code, String logicalName, Object id) {
        return new DataverseException(404, code, logicalName + " With Id = " + id + " Does Not Exist");
    }

    public static DataverseException notImplemented(String what) {
        return new DataverseException(501, ErrorCodes.NOT_IMPLEMENTED,
                what + " is not supported in this sandbox version (navsync Sales sandbox).");
    }
}
