package navsync.mapping;

/** What a lookup field does when the related record is not coupled. */
public enum UncoupledLookup {
    /** Write blank (NAV) or null (Sales). */
    clear,
    /** Leave the destination's current value. */
    keep,
    /** Fail the record, naming the uncoupled related record. */
    fail,
    /**
     * Synchronize the related record first (its mapping creates and couples it, as NAV does for a
     * contact's account), then fail the record if it is still not coupled.
     */
    synchronize
}
