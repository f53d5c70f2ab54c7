package navsync.sandbox.schema;

/** Recomputes a read-only column (e.g. contact {@code fullname}) from the other values of a row. */
@FunctionalInterface
public interface Derivation {
    /** @param values the row's values by {@link Attribute#index()}; update in place. */
    void derive(Object[] values);
}
