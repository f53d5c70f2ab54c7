package navsync.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two mappings of the same NAV table and Sales entity synchronize the same records twice (a customer in
 * both gets two accounts, an account in both two customers) unless they are provably apart: where either
 * runs NAV -> Sales, their table filters select no common NAV record; where either runs Sales -> NAV, their
 * integration table filters select no common Sales row. "Provably" means one field whose conditions in the
 * two filters no value meets (eq/in values, ne, gt/ge/lt/le bounds on numbers, startswith prefixes; text is
 * compared as NAV and Dataverse do, case-insensitive). Otherwise one of the two must name the other in
 * {@code allowOverlapWith}.
 */
final class MappingOverlaps {

    private static final Pattern ODATA_TERM = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+(eq|ne|gt|ge|lt|le)\\s+('(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?|true|false|null)\\s*");

    private MappingOverlaps() {
    }

    /** One condition on one field: the field, an operator, its values (one, or several for in). */
    record Condition(String field, FilterOperator operator, List<Object> values) {
    }

    static List<MappingProblem> find(Collection<LoadedMapping> mappings, Predicate<String> unknown) {
        List<MappingProblem> problems = new ArrayList<>();
        List<LoadedMapping> list = List.copyOf(mappings);
        for (LoadedMapping loaded : list) {
            loaded.allowOverlapWith().forEach((name, at) -> {
                if (unknown.test(name)) {
                    problems.add(new MappingProblem(loaded.mapping().file().toString(), at.line(), at.key(),
                            "no mapping named '" + name + "'"));
                }
            });
        }
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                LoadedMapping a = list.get(i);
                LoadedMapping b = list.get(j);
                if (!sameRecords(a.mapping(), b.mapping()) || a.allowOverlapWith().containsKey(b.name())
                        || b.allowOverlapWith().containsKey(a.name())) {
                    continue;
                }
                notProvablyApart(a.mapping(), b.mapping()).ifPresent(filters -> problems.add(new MappingProblem(b.mapping().file().toString(), b.table().line(), b.table().key(),
                            "'" + b.name() + "' maps NAV table '" + b.mapping().table() + "' to Sales entity '"
                                    + b.mapping().entity().logicalName() + "' as '" + a.name() + "' does ("
                                    + a.mapping().file() + ":" + a.table().line() + "), and their "
                                    + filters + " are not provably disjoint: every record in both would be"
                                    + " synchronized twice. Make the filters disjoint, or add 'allowOverlapWith: ["
                                    + a.name() + "]' if that is meant")));
            }
        }
        return problems;
    }

    private static boolean sameRecords(IntegrationTableMapping a, IntegrationTableMapping b) {
        return a.sqlTable().equals(b.sqlTable()) && a.entity().equals(b.entity())
                && Objects.equals(a.option() == null ? null : a.option().attribute(),
                b.option() == null ? null : b.option().attribute());
    }

    /** The filters ("tableFilters", "integrationTableFilters") that do not keep the two mappings apart, if any. */
    private static Optional<String> notProvablyApart(IntegrationTableMapping a, IntegrationTableMapping b) {
        if ((a.allows(Direction.ToIntegrationTable) || b.allows(Direction.ToIntegrationTable))
                && !disjoint(navConditions(a), navConditions(b))) {
            return Optional.of("tableFilters");
        }
        if ((a.allows(Direction.FromIntegrationTable) || b.allows(Direction.FromIntegrationTable))
                && !disjoint(salesConditions(a.integrationTableFilter()), salesConditions(b.integrationTableFilter()))) {
            return Optional.of("integrationTableFilters");
        }
        return Optional.empty();
    }

    private static List<Condition> navConditions(IntegrationTableMapping mapping) {
        return mapping.tableFilter().stream()
                .map(c -> new Condition(c.column(), c.operator(), List.copyOf(c.values()))).toList();
    }

    /**
     * The conditions of an OData {@code $filter} that is a plain conjunction of comparisons with literals; terms of
     * another form are left out, which only widens what the filter selects. A filter with or, not or parentheses
     * gives none.
     */
    static List<Condition> salesConditions(String filter) {
        List<Condition> out = new ArrayList<>();
        if (filter == null || filter.contains("(") || filter.matches("(?s).*\\b(or|not)\\b.*")) {
            return out;
        }
        for (String term : filter.split("\\band\\b")) {
            Matcher m = ODATA_TERM.matcher(term);
            if (m.matches()) {
                String literal = m.group(3);
                Object value = literal.startsWith("'") ? literal.substring(1, literal.length() - 1).replace("''", "'")
                        : literal.equals("null") ? null : literal.equals("true") || literal.equals("false")
                        ? Boolean.valueOf(literal) : new BigDecimal(literal);
                out.add(new Condition(m.group(1), FilterOperator.valueOf(m.group(2)), Collections.singletonList(value)));
            }
        }
        return out;
    }

    /** Whether no record meets both lists of conditions: some field's conditions together admit no value. */
    static boolean disjoint(List<Condition> a, List<Condition> b) {
        Map<String, List<Condition>> byField = new LinkedHashMap<>();
        for (Condition c : a) {
            byField.computeIfAbsent(c.field(), f -> new ArrayList<>()).add(c);
        }
        Set<String> inBoth = new HashSet<>();
        for (Condition c : b) {
            if (byField.containsKey(c.field())) {
                inBoth.add(c.field());
                byField.get(c.field()).add(c);
            }
        }
        return inBoth.stream().anyMatch(field -> !satisfiable(byField.get(field)));
    }

    /** Whether some value meets every condition; true wherever that cannot be decided. */
    private static boolean satisfiable(List<Condition> conditions) {
        Set<Object> candidates = null;
        for (Condition c : conditions) {
            if (c.operator() == FilterOperator.eq || c.operator() == FilterOperator.in) {
                Set<Object> values = new HashSet<>();
                c.values().forEach(v -> values.add(normal(v)));
                if (candidates == null) {
                    candidates = values;
                } else {
                    candidates.retainAll(values);
                }
            }
        }
        if (candidates != null) {
            return candidates.stream().anyMatch(v -> conditions.stream().allMatch(c -> admits(c, v)));
        }
        BigDecimal lower = null;
        BigDecimal upper = null;
        boolean lowerStrict = false;
        boolean upperStrict = false;
        List<String> prefixes = new ArrayList<>();
        for (Condition c : conditions) {
            Object v = normal(c.values().get(0));
            if (c.operator() == FilterOperator.startswith && v instanceof String prefix) {
                prefixes.add(prefix);
            }
            if (!(v instanceof BigDecimal n)) {
                continue;
            }
            switch (c.operator()) {
                case gt, ge -> {
                    boolean strict = c.operator() == FilterOperator.gt;
                    if (lower == null || n.compareTo(lower) > 0 || n.compareTo(lower) == 0 && strict) {
                        lower = n;
                        lowerStrict = strict;
                    }
                }
                case lt, le -> {
                    boolean strict = c.operator() == FilterOperator.lt;
                    if (upper == null || n.compareTo(upper) < 0 || n.compareTo(upper) == 0 && strict) {
                        upper = n;
                        upperStrict = strict;
                    }
                }
                default -> {
                }
            }
        }
        for (String p : prefixes) {
            for (String q : prefixes) {
                if (!p.startsWith(q) && !q.startsWith(p)) {
                    return false;
                }
            }
        }
        if (lower == null || upper == null) {
            return true;
        }
        int order = lower.compareTo(upper);
        return order < 0 || order == 0 && !lowerStrict && !upperStrict;
    }

    /** Whether {@code value} (normalized) meets the condition; true where the kinds do not compare. */
    private static boolean admits(Condition c, Object value) {
        List<Object> values = c.values().stream().map(MappingOverlaps::normal).toList();
        Object bound = values.get(0);
        return switch (c.operator()) {
            case eq, in -> values.contains(value);
            case ne -> !Objects.equals(bound, value);
            case startswith -> !(value instanceof String s && bound instanceof String p) || s.startsWith(p);
            case gt, ge, lt, le -> {
                if (!(value instanceof BigDecimal v && bound instanceof BigDecimal b)) {
                    yield true;
                }
                int order = v.compareTo(b);
                yield switch (c.operator()) {
                    case gt -> order > 0;
                    case ge -> order >= 0;
                    case lt -> order < 0;
                    default -> order <= 0;
                };
            }
        };
    }

    /** Numbers as BigDecimal without scale, text as NAV and Dataverse compare it (case and trailing blanks ignored). */
    private static Object normal(Object value) {
        if (value instanceof Long n) {
            return BigDecimal.valueOf(n);
        }
        if (value instanceof BigDecimal n) {
            return n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros();
        }
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO; // NAV Booleans are 0/1
        }
        return value instanceof String s ? s.stripTrailing().toLowerCase(Locale.ROOT) : value;
    }
}
