package navsync.sync;

/**
 * A record cannot be planned for a reason that is not its own and will pass (Sales unreachable while
 * a value it needs is read): the record fails, is retried next run, and never counts toward skipping.
 */
final class PassingFailure extends IllegalArgumentException {

    PassingFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
