package navsync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import navsync.mapping.ConflictResolution;
import navsync.mapping.Direction;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;

/**
 * Decides, field by field, what a coupled pair needs: compares both sides' current values with the
 * baseline (the values both held after the last synchronization) to know which side changed what,
 * then applies the mapping's directions and conflict policy. Pure logic: values come in and writes
 * come out, all in the Sales representation (NAV values converted, lookups translated), keyed by
 * the property a Sales row carries them in.
 */
public final class PairReconciler {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private PairReconciler() {
    }

    /** What to write to each side, the new baseline, or the conflict that stops the record. */
    public record Result(ObjectNode toSales, ObjectNode toNav, ObjectNode baseline, String conflict) {
        public boolean isConflict() {
            return conflict != null;
        }

        public boolean writesNothing() {
            return toSales.isEmpty() && toNav.isEmpty();
        }
    }

    /**
     * @param pass     the pass that found the record changed; where no side tells, its source wins
     * @param baseline the values after the last synchronization, or null when there is none yet (every
     *                 field then counts as changed); a field absent from it (never written, a value the
     *                 service set) counts as unchanged on both sides
     * @param navNow   NAV's current values
     * @param salesNow Sales' current values
     * @param ignored  fields left out of this reconciliation (a lookup kept because its record is not coupled)
     */
    public static Result reconcile(IntegrationTableMapping mapping, Direction pass, JsonNode baseline,
                                   ObjectNode navNow, ObjectNode salesNow, java.util.Set<String> ignored) {
        List<FieldMapping> pairs = mapping.pairs().stream().filter(p -> !ignored.contains(p.key())).toList();
        List<String> navChanged = new ArrayList<>();
        List<String> salesChanged = new ArrayList<>();
        for (FieldMapping pair : pairs) {
            String key = pair.key();
            if (pair.direction().includes(Direction.ToIntegrationTable) && changed(pair, navNow.get(key), baseline)) {
                navChanged.add(key);
            }
            if (pair.direction().includes(Direction.FromIntegrationTable) && changed(pair, salesNow.get(key), baseline)) {
                salesChanged.add(key);
            }
        }
        ConflictResolution policy = mapping.conflictResolution();
        List<String> bidirectionalDiffering = new ArrayList<>();
        for (FieldMapping pair : pairs) {
            String key = pair.key();
            if (pair.direction() == Direction.Bidirectional && !NavValues.same(navNow.get(key), salesNow.get(key))) {
                bidirectionalDiffering.add(key);
            }
        }
        boolean bothChanged = baseline != null && !navChanged.isEmpty() && !salesChanged.isEmpty()
                && !bidirectionalDiffering.isEmpty();
        List<String> overlapping = new ArrayList<>();
        if (bothChanged && policy == ConflictResolution.merge) {
            for (String key : bidirectionalDiffering) {
                if (navChanged.contains(key) && salesChanged.contains(key)) {
                    overlapping.add(key);
                }
            }
        }
        ConflictResolution fallback = mapping.mergeFallback();
        if (bothChanged && (policy == ConflictResolution.none
                || policy == ConflictResolution.merge && !overlapping.isEmpty() && fallback == ConflictResolution.none)) {
            List<String> fields = overlapping.isEmpty() ? bidirectionalDiffering : overlapping;
            return new Result(NODES.objectNode(), NODES.objectNode(), copy(baseline), "changed in NAV (" + navChanged
                    + ") and in Sales (" + salesChanged + ") since the last synchronization; bidirectional fields differ: "
                    + fields);
        }

        ObjectNode toSales = NODES.objectNode();
        ObjectNode toNav = NODES.objectNode();
        ObjectNode next = copy(baseline);
        for (FieldMapping pair : pairs) {
            String key = pair.key();
            JsonNode n = navNow.get(key);
            JsonNode s = salesNow.get(key);
            if (NavValues.same(n, s)) {
                next.set(key, n == null ? NODES.nullNode() : n);
                continue;
            }
            boolean bidirectional = pair.direction() == Direction.Bidirectional;
            if (bidirectional && baseline != null && baseline.has(key) && !navChanged.contains(key)
                    && !salesChanged.contains(key)) {
                continue; // neither side changed it: a tolerated difference (a blank in a not-null pair)
            }
            boolean navWins = switch (pair.direction()) {
                case ToIntegrationTable -> true;
                case FromIntegrationTable -> false;
                case Bidirectional -> bothChanged && policy != ConflictResolution.merge ? policy == ConflictResolution.navWins
                        : overlapping.contains(key) ? fallback == ConflictResolution.navWins
                        : changedSide(key, pass, baseline, navChanged, salesChanged);
            };
            JsonNode value = navWins ? n : s;
            if (pair.notNull() && (value == null || value.isNull())) {
                continue; // a blank never clears the other side
            }
            (navWins ? toSales : toNav).set(key, value == null ? NODES.nullNode() : value);
            next.set(key, value == null ? NODES.nullNode() : value);
        }
        return new Result(toSales, toNav, next, null);
    }

    /**
     * The pairs that navsync's own writes moved (a pair reading a NAV column or Sales attribute that
     * another pair wrote): where the pair's sides now differ, the moved side's value is carried to the
     * other side if the pair's direction carries it that way; the baseline takes what the pair reads
     * once the writes land, so they are no change of either side later.
     *
     * @param navNow    every pair's NAV value once the writes land; salesNow likewise
     * @param navMoved  the new NAV values of the pairs another pair's write moved; salesMoved likewise
     */
    public static Result follow(IntegrationTableMapping mapping, ObjectNode baseline, ObjectNode navNow,
                                ObjectNode salesNow, ObjectNode navMoved, ObjectNode salesMoved) {
        ObjectNode toSales = NODES.objectNode();
        ObjectNode toNav = NODES.objectNode();
        ObjectNode next = copy(baseline);
        for (FieldMapping pair : mapping.pairs()) {
            String key = pair.key();
            boolean nav = navMoved.has(key);
            boolean sales = salesMoved.has(key);
            JsonNode n = navNow.get(key);
            JsonNode s = salesNow.get(key);
            if (!nav && !sales) {
                continue;
            }
            if (NavValues.same(n, s)) {
                next.set(key, n);
            } else if (nav != sales && (nav ? pair.direction().includes(Direction.ToIntegrationTable)
                    : pair.direction().includes(Direction.FromIntegrationTable))) {
                JsonNode value = nav ? n : s;
                if (!pair.notNull() || !value.isNull()) {
                    (nav ? toSales : toNav).set(key, value);
                    next.set(key, value);
                }
            }
        }
        return new Result(toSales, toNav, next, null);
    }

    /** A field changed since the baseline; a blank in a not-null pair is no change (it never clears the other side). */
    private static boolean changed(FieldMapping pair, JsonNode now, JsonNode baseline) {
        if (baseline == null) {
            return true;
        }
        if (pair.notNull() && (now == null || now.isNull())) {
            return false;
        }
        JsonNode b = baseline.get(pair.key());
        return b != null && !NavValues.same(now, b);
    }

    /** Whether NAV's value wins a field that differs: the side that changed it, else the pass's source. */
    private static boolean changedSide(String key, Direction pass, JsonNode baseline, List<String> navChanged,
                                       List<String> salesChanged) {
        boolean nav = navChanged.contains(key);
        boolean sales = salesChanged.contains(key);
        if (baseline == null || !baseline.has(key) || nav == sales) {
            return pass == Direction.ToIntegrationTable; // no baseline, or no side tells: the pass's source wins
        }
        return nav;
    }

    private static ObjectNode copy(JsonNode baseline) {
        return baseline instanceof ObjectNode o ? o.deepCopy() : NODES.objectNode();
    }
}
