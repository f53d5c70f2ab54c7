package navsync.sandbox.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import navsync.sandbox.schema.AlternateKey;
import navsync.sandbox.schema.Attribute;

/**
 * The unique index behind one alternate key: key values to row id. Strings compare case-insensitively, as SQL
 * Server's default collation does (inference); a row with a null key part is not indexed, so rows that leave the key
 * empty never collide (inference: the reference doesn't say how keys treat nulls).
 */
final class KeyIndex {
    private final AlternateKey key;
    private final Map<List<Object>, UUID> committed = new HashMap<>();

    KeyIndex(AlternateKey key) {
        this.key = key;
    }

    AlternateKey key() {
        return key;
    }

    /** The normalised key values of {@code row}; null when a part is null. */
    List<Object> valuesOf(Row row) {
        List<Object> values = new ArrayList<>(key.attributes().size());
        for (Attribute a : key.attributes()) {
            Object v = row.value(a.index());
            if (v == null) {
                return null;
            }
            values.add(normalise(v));
        }
        return values;
    }

    static List<Object> normalise(List<Object> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(normalise(v));
        }
        return out;
    }

    private static Object normalise(Object v) {
        if (v instanceof String s) {
            return s.toLowerCase(Locale.ROOT);
        }
        if (v instanceof EntityReference ref) {
            return ref.id();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros();
        }
        return v;
    }

    UUID get(List<Object> values) {
        return committed.get(values);
    }

    void remove(Row row) {
        List<Object> v = valuesOf(row);
        if (v != null) {
            committed.remove(v, row.id());
        }
    }

    void add(Row row) {
        List<Object> v = valuesOf(row);
        if (v != null) {
            committed.put(v, row.id());
        }
    }

    void clear() {
        committed.clear();
    }
}
