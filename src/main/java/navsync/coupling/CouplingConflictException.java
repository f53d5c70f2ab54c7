package navsync.coupling;

/** A coupling that would pair a record or a row already coupled elsewhere, or an ambiguous name. */
public final class CouplingConflictException extends RuntimeException {
    public CouplingConflictException(String message) {
        super(message);
    }
}
