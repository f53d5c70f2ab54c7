package navsync.sandbox.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import navsync.sandbox.store.EntityReference;
import navsync.sandbox.store.Table;

/**
 * Comparison of stored values for $filter and $orderby. Strings compare case-insensitively, as Dataverse's
 * collation does [Q-FILTER]; GUIDs compare by their hex text; numbers across Integer/Long/BigDecimal/Double.
 */
public final class Values {
    private Values() {
    }

    /** Both non-null and of compatible kinds. */
    public static int compare(Object a, Object b) {
        if (a instanceof String s) {
            return s.compareToIgnoreCase((String) b);
        }
        if (a instanceof Number x) {
            return compareNumbers(x, (Number) b);
        }
        if (a instanceof UUID u) {
            return compareUuids(u, (UUID) b);
        }
        if (a instanceof Instant t) {
            return t.compareTo((Instant) b);
        }
        if (a instanceof LocalDate d) {
            return d.compareTo((LocalDate) b);
        }
        if (a instanceof Boolean x) {
            return Boolean.compare(x, (Boolean) b);
        }
        if (a instanceof EntityReference r) {
            return compareUuids(r.id(), ((EntityReference) b).id());
        }
        throw new IllegalArgumentException("not comparable: " + a.getClass());
    }

    public static boolean equal(Object a, Object b) {
        if (a instanceof String s) {
            return s.equalsIgnoreCase((String) b);
        }
        if (a instanceof Number x) {
            return compareNumbers(x, (Number) b) == 0;
        }
        return a.equals(b);
    }

    /** Nulls sort first (lowest), as in SQL Server. */
    public static int compareNullable(Object a, Object b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        return b == null ? 1 : compare(a, b);
    }

    static int compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (a instanceof Double && b instanceof Double) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return toBigDecimal(a).compareTo(toBigDecimal(b));
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long;
    }

    static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (isIntegral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(Double.toString(n.doubleValue()));
    }

    /** Unsigned comparison of the two halves = lexicographic order of the lower-case hex text. */
    public static int compareUuids(UUID a, UUID b) {
        return Table.ID_ORDER.compare(a, b);
    }
}
