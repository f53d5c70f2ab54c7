package navsync.sandbox.schema;

/** AttributeRequiredLevel as the entity reference pages list it. */
public enum RequiredLevel {
    NONE,
    RECOMMENDED,
    /** A form-level requirement: the Web API does not enforce it (see {@code RowAssembler}). */
    APPLICATION_REQUIRED,
    /** Enforced by the platform on create, and a SystemRequired column can't be set to null [UPD]. */
    SYSTEM_REQUIRED
}
