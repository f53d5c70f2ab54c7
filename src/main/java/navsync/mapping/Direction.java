package navsync.mapping;

/** NAV's synchronization directions, per mapping and narrowed per field. */
public enum Direction {
    /** NAV -> Sales. */
    ToIntegrationTable,
    /** Sales -> NAV. */
    FromIntegrationTable,
    Bidirectional;

    /** Whether data flows in {@code pass} (a one-way direction) under this setting. */
    public boolean includes(Direction pass) {
        return this == Bidirectional || this == pass;
    }
}
