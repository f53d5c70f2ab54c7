package navsync.state;

/** Result of the last synchronization of a coupled pair in one direction. */
public enum SyncResult {
    Success, Failure
}
