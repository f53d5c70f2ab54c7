package navsync.sandbox.odata;

import java.util.Set;
import java.util.UUID;
import navsync.sandbox.store.Row;

/**
 * A filter that names rows by primary key only ({@code accountid eq A or accountid eq B}): the query
 * reads those rows by id instead of scanning the table, as Dataverse's primary-key index does.
 */
record KeyPredicate(Set<UUID> ids) implements RowPredicate {

    @Override
    public boolean test(Row row) {
        return ids.contains(row.id());
    }

    KeyPredicate or(KeyPredicate other) {
        Set<UUID> all = new java.util.HashSet<>(ids);
        all.addAll(other.ids);
        return new KeyPredicate(all);
    }
}
