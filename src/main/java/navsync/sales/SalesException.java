package navsync.sales;

/** A Web API call that failed for good (after retries where the error was transient). */
public final class SalesException extends RuntimeException {

    private final transient SalesError error;

    public SalesException(SalesError error) {
        super(error.toString());
        this.error = error;
    }

    public SalesError error() {
        return error;
    }
}
