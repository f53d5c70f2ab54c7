package navsync.sandbox.odata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.AttributeType;
import navsync.sandbox.schema.EntityType;

/**
 * {@code $orderby=revenue asc,name desc} [Q-ORDER]. The primary key is always appended as the last key so that
 * paging is deterministic ("Dataverse adds primary-key order if you specify none" [Q-ORDPAGE]).
 */
public record OrderBy(List<SortKey> keys) {

    public static OrderBy parse(EntityType type, String orderby, Map<String, String> aliases) {
        List<SortKey> keys = new ArrayList<>();
        boolean hasPrimaryKey = false;
        if (orderby != null && !orderby.isBlank()) {
            for (String item : orderby.split(",")) {
                String[] parts = item.strip().split("\\s+");
                if (parts.length == 0 || parts[0].isEmpty() || parts.length > 2) {
                    throw DataverseException.query("Syntax error in $orderby: '" + orderby + "'.");
                }
                String name = parts[0];
                if (name.startsWith("@")) {
                    String v = aliases.get(name);
                    if (v == null) {
                        throw DataverseException.query("The parameter alias '" + name
                                + "' is used but no value is given for it.");
                    }
                    name = v.strip();
                }
                boolean desc = false;
                if (parts.length == 2) {
                    if (parts[1].equals("desc")) {
                        desc = true;
                    } else if (!parts[1].equals("asc")) {
                        throw DataverseException.query("Syntax error in $orderby: '" + orderby + "'.");
                    }
                }
                if (name.indexOf('/') >= 0) {
                    throw DataverseException.notImplemented("Ordering by the navigation path '" + name + "'");
                }
                Attribute a = type.property(name);
                if (a == null) {
                    throw Selection.unknownProperty(type, name);
                }
                hasPrimaryKey |= a.isPrimaryKey();
                keys.add(new SortKey(a, desc, a.type() == AttributeType.LOOKUP));
            }
        }
        if (!hasPrimaryKey) {
            keys.add(new SortKey(type.primaryKey(), false, false));
        }
        return new OrderBy(List.copyOf(keys));
    }

    /** True when the order is just the primary key (the default), which the table can serve from its index. */
    public boolean isPrimaryKeyOnly() {
        return keys.size() == 1 && keys.get(0).attribute().isPrimaryKey();
    }

    /** Compares key tuples; nulls first ascending (SQL Server order), last descending. */
    public Comparator<Object[]> comparator() {
        int n = keys.size();
        boolean[] desc = new boolean[n];
        for (int i = 0; i < n; i++) {
            desc[i] = keys.get(i).descending();
        }
        return (a, b) -> {
            for (int i = 0; i < n; i++) {
                int c = Values.compareNullable(a[i], b[i]);
                if (c != 0) {
                    return desc[i] ? -c : c;
                }
            }
            return 0;
        };
    }

    /** Identifies the ordering inside a skip token, so a token is only accepted for the same ordering. */
    String signature() {
        StringBuilder sb = new StringBuilder();
        for (SortKey k : keys) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(k.describe());
        }
        return sb.toString();
    }
}
