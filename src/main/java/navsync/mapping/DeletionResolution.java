package navsync.mapping;

/** What happens when the coupled record on one side was deleted (NAV's "Resolve Deletion Conflicts"). */
public enum DeletionResolution {
    /** Fail the record: "coupled to a deleted record". */
    none,
    /** Recreate the deleted side from the surviving one and keep the pair coupled. */
    restore,
    /** Delete the coupling; the surviving record stays. */
    uncouple,
    /** Delete the surviving record too, and the coupling. */
    propagate
}
