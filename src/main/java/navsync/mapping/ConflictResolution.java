package navsync.mapping;

/**
 * What happens to a coupled pair changed on both sides since its last synchronization where a
 * bidirectional field differs (NAV's "Resolve Update Conflicts", plus a field-level merge).
 */
public enum ConflictResolution {
    /** Fail the record; both sides stay as they are and the error names the fields. */
    none,
    /** NAV's values are written to Sales. */
    navWins,
    /** Sales' values are written to NAV. */
    salesWins,
    /** Changes to different fields land on both sides; a field changed on both falls back to the mapping's mergeFallback. */
    merge
}
