package navsync.sandbox.odata;

import navsync.sandbox.store.Row;

/** A compiled $filter. */
@FunctionalInterface
public interface RowPredicate {
    boolean test(Row row);
}
