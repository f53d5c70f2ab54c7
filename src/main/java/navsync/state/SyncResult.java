package navsync.state;

/**
 * Result of the last synchronization of a coupled pair in one direction. Partial: synchronized, but
 * a second-pass lookup waits for its related record to be coupled (the second pass takes it up).
 */
public enum SyncResult {
    Success, Failure, Partial
}
