package navsync.state;

/** The state store could not be read or written; the run stops without moving its watermark. */
public final class StateStoreException extends RuntimeException {
    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
