package navsync.sandbox.odata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;

import navsync.sandbox.schema.EntityType;
import navsync.sandbox.store.DataStore;
import navsync.sandbox.store.EntityReference;
import navsync.sandbox.store.Row;
import navsync.sandbox.store.Table;

/**
 * Runs a collection query. Primary-key order (the default) is served from the table's id index: a range scan
 * from the skip token that stops when the page is full, so reading a whole table page by page costs O(n) in total.
 * Other orders filter a snapshot and keep the first {@code limit} rows after the skip token in a bounded heap
 * (O(n log limit) per page, no full sort).
 */
public final class QueryExecutor {
    private final DataStore store;

    public QueryExecutor(DataStore store) {
        this.store = store;
    }

    /**
     * @param rows the page's rows in order
     * @param lastKey sort key of the last row, for the next skip token
     * @param more whether rows after this page exist
     */
    public record Result(List<Row> rows, Object[] lastKey, boolean more) {
    }

    private record Entry(Row row, Object[] key) {
    }

    public Result run(EntityType type, RowPredicate filter, OrderBy order, int limit, Object[] after) {
        return order.isPrimaryKeyOnly() ? byPrimaryKey(type, filter, order, limit, after)
                : sorted(type, filter, order, limit, after);
    }

    private Result byPrimaryKey(EntityType type, RowPredicate filter, OrderBy order, int limit, Object[] after) {
        if (filter instanceof KeyPredicate keys) {
            return byIds(type, keys, order, limit, after);
        }
        List<Row> rows = new ArrayList<>(Math.min(limit, 1024));
        boolean[] more = new boolean[1];
        UUID from = after == null ? null : (UUID) after[0];
        store.table(type).scan(from, order.keys().get(0).descending(), row -> {
            if (filter != null && !filter.test(row)) {
                return true;
            }
            if (rows.size() == limit) {
                more[0] = true;
                return false;
            }
            rows.add(row);
            return true;
        });
        Object[] lastKey = rows.isEmpty() ? null : new Object[] {rows.get(rows.size() - 1).id()};
        return new Result(rows, lastKey, more[0]);
    }

    /** The named rows, read by id, in the table's id order from the skip token. */
    private Result byIds(EntityType type, KeyPredicate keys, OrderBy order, int limit, Object[] after) {
        Comparator<UUID> idOrder = order.keys().get(0).descending() ? Table.ID_ORDER.reversed() : Table.ID_ORDER;
        List<UUID> ids = new ArrayList<>(keys.ids());
        ids.sort(idOrder);
        List<Row> rows = new ArrayList<>();
        boolean more = false;
        for (UUID id : ids) {
            if (after != null && idOrder.compare(id, (UUID) after[0]) <= 0) {
                continue;
            }
            Row row = store.table(type).get(id);
            if (row == null) {
                continue;
            }
            if (rows.size() == limit) {
                more = true;
                break;
            }
            rows.add(row);
        }
        Object[] lastKey = rows.isEmpty() ? null : new Object[] {rows.get(rows.size() - 1).id()};
        return new Result(rows, lastKey, more);
    }

    private Result sorted(EntityType type, RowPredicate filter, OrderBy order, int limit, Object[] after) {
        Comparator<Object[]> cmp = order.comparator();
        Comparator<Entry> byKey = (x, y) -> cmp.compare(x.key(), y.key());
        PriorityQueue<Entry> heap = new PriorityQueue<>(Math.min(limit, 1024) + 2, byKey.reversed());
        KeyExtractor keys = new KeyExtractor(order);
        for (Row row : store.table(type).snapshot()) {
            if (filter != null && !filter.test(row)) {
                continue;
            }
            Object[] key = keys.of(row);
            if (after != null && cmp.compare(key, after) <= 0) {
                continue;
            }
            if (heap.size() <= limit) {
                heap.add(new Entry(row, key));
            } else if (cmp.compare(key, heap.peek().key()) < 0) {
                heap.poll();
                heap.add(new Entry(row, key));
            }
        }
        List<Entry> sorted = new ArrayList<>(heap);
        sorted.sort(byKey);
        boolean more = sorted.size() > limit;
        if (more) {
            sorted = sorted.subList(0, limit);
        }
        List<Row> rows = new ArrayList<>(sorted.size());
        for (Entry e : sorted) {
            rows.add(e.row());
        }
        Object[] lastKey = sorted.isEmpty() ? null : sorted.get(sorted.size() - 1).key();
        return new Result(rows, lastKey, more);
    }

    /** Counts the rows matching {@code filter}, stopping at {@code cap}. */
    public long count(EntityType type, RowPredicate filter, long cap) {
        long[] n = new long[1];
        store.table(type).scan(null, false, row -> {
            if (filter == null || filter.test(row)) {
                n[0]++;
            }
            return n[0] < cap;
        });
        return n[0];
    }

    /** Builds a row's sort key tuple; lookups sort by the related row's primary name. */
    private final class KeyExtractor {
        private final List<SortKey> keys;

        KeyExtractor(OrderBy order) {
            this.keys = order.keys();
        }

        Object[] of(Row row) {
            Object[] k = new Object[keys.size()];
            for (int i = 0; i < k.length; i++) {
                SortKey key = keys.get(i);
                Object v = row.value(key.attribute().index());
                k[i] = key.lookup() ? relatedName((EntityReference) v) : v;
            }
            return k;
        }

        private String relatedName(EntityReference ref) {
            if (ref == null) {
                return null;
            }
            EntityType target = store.schema().byLogicalName(ref.logicalName());
            Table table = target == null ? null : store.table(target);
            Row related = table == null ? null : table.get(ref.id());
            if (related == null || target.primaryName() == null) {
                return null;
            }
            return (String) related.value(target.primaryName().index());
        }
    }
}
