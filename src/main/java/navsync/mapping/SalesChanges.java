package navsync.mapping;

/** How the Sales -> NAV pass finds the Sales rows changed since its last pass. */
public enum SalesChanges {
    /** {@code $filter=modifiedon ge <watermark>} with a second of overlap; deletions are found by the deletion sweep. */
    modifiedOn,
    /**
     * Dataverse change tracking: {@code Prefer: odata.track-changes}, then the {@code @odata.deltaLink}; deleted
     * rows arrive as {@code $deletedEntity}. The integrationTableFilter is applied after reading (change tracking
     * refuses {@code $filter}).
     */
    changeTracking
}
