package navsync.coupling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;
import navsync.sales.SalesReader;
import navsync.state.Coupling;
import navsync.state.StateStore;
import navsync.sync.CoupledFields;
import navsync.sync.NavValues;

/**
 * Finds, for uncoupled NAV records, the Sales rows they match on chosen field pairs (NAV G3's
 * match-based coupling, reference/nav-integration.md §3.4), set-based: per batch of NAV records and
 * per priority group, one Sales query ORs the records' match values ({@link MatchFilter}), instead of
 * one query per record. Priority groups are tried in ascending order for the records still
 * unmatched; within a group all pairs must match. A record is matched when exactly one row matches
 * and that row is not coupled (nor matched by another record in this run); several rows make it
 * ambiguous; a row that several records of the batch match is given to none of them.
 */
final class MatchBasedCoupling {

    /** A field pair of the mapping used as a match criterion, in a priority group (lower first). */
    record Criterion(FieldMapping pair, int priority) {
    }

    enum Result { match, noMatch, ambiguous, alreadyCoupled }

    record Candidate(UUID salesId, String name) {
    }

    /** What matching found for one NAV record. */
    record RecordMatch(String navKey, UUID navRecordId, Result result, UUID salesId, Integer priority,
                       List<Candidate> candidates, String message) {
    }

    private static final int CANDIDATES_LISTED = 10;

    private final StateStore store;
    private final CoupledFields fields;
    private final SalesReader reader;

    MatchBasedCoupling(StateStore store, CoupledFields fields, SalesReader reader) {
        this.store = store;
        this.fields = fields;
        this.reader = reader;
    }

    /**
     * Matches one batch of NAV rows; coupled ones are reported {@code alreadyCoupled}.
     *
     * @param claimed Sales rows matched (or contested) earlier in this run; rows matched now are added
     */
    List<RecordMatch> matchBatch(IntegrationTableMapping mapping, List<Criterion> criteria, boolean caseSensitive,
                                 List<Map<String, Object>> rows, Set<UUID> claimed) {
        Map<String, Coupling> coupled = store.couplings().findByNavKeys(mapping.name(),
                rows.stream().map(CoupledFields::navKey).toList());
        Map<String, RecordMatch> outcome = new LinkedHashMap<>();
        Map<String, ObjectNode> navValues = new LinkedHashMap<>();
        Map<String, UUID> recordIds = new HashMap<>();
        for (Map<String, Object> row : rows) {
            String key = CoupledFields.navKey(row);
            recordIds.put(key, CoupledFields.navRecordId(row));
            Coupling c = coupled.get(key);
            if (c != null) {
                outcome.put(key, new RecordMatch(key, recordIds.get(key), Result.alreadyCoupled, c.salesId(), null,
                        List.of(), "already coupled to Sales " + mapping.entity().logicalName() + " " + c.salesId()));
            } else {
                outcome.put(key, null);
                navValues.put(key, fields.navValues(mapping, row));
            }
        }
        Map<String, RecordMatch> firstAmbiguity = new HashMap<>();
        Map<String, String> notes = new HashMap<>();
        for (int priority : new TreeSet<>(criteria.stream().map(Criterion::priority).toList())) {
            List<FieldMapping> group = criteria.stream().filter(c -> c.priority() == priority).map(Criterion::pair).toList();
            Map<String, Map<String, JsonNode>> asked = new LinkedHashMap<>();
            for (Map.Entry<String, ObjectNode> e : navValues.entrySet()) {
                if (outcome.get(e.getKey()) == null) {
                    Map<String, JsonNode> values = matchValues(group, e.getValue());
                    if (!values.isEmpty()) {
                        asked.put(e.getKey(), values);
                    }
                }
            }
            if (asked.isEmpty()) {
                continue;
            }
            List<ObjectNode> salesRows = query(mapping, group, asked);
            Map<UUID, Coupling> rowCouplings = store.couplings().findBySalesIds(mapping.name(),
                    salesRows.stream().map(r -> id(mapping, r)).toList());
            Map<UUID, List<String>> tentative = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, JsonNode>> e : asked.entrySet()) {
                String key = e.getKey();
                List<ObjectNode> candidates = salesRows.stream()
                        .filter(r -> matches(fields.salesValues(mapping, r), group, e.getValue(), caseSensitive)).toList();
                if (candidates.size() > 1) {
                    firstAmbiguity.putIfAbsent(key, new RecordMatch(key, recordIds.get(key), Result.ambiguous, null,
                            priority, candidates.stream().limit(CANDIDATES_LISTED).map(r -> candidate(mapping, r)).toList(),
                            candidates.size() + " Sales " + mapping.entity().entitySet() + " match priority " + priority));
                } else if (candidates.size() == 1) {
                    UUID id = id(mapping, candidates.get(0));
                    Coupling other = rowCouplings.get(id);
                    if (other != null) {
                        notes.putIfAbsent(key, "the only match at priority " + priority + ", Sales "
                                + mapping.entity().logicalName() + " " + id + ", is coupled to NAV " + mapping.table()
                                + " " + other.navKey());
                    } else if (claimed.contains(id)) {
                        notes.putIfAbsent(key, "the only match at priority " + priority + ", Sales "
                                + mapping.entity().logicalName() + " " + id + ", is matched by another NAV record");
                    } else {
                        tentative.computeIfAbsent(id, k -> new ArrayList<>()).add(key);
                    }
                }
            }
            for (Map.Entry<UUID, List<String>> t : tentative.entrySet()) {
                UUID id = t.getKey();
                claimed.add(id); // matched now, or contested: no record of this run gets it later
                if (t.getValue().size() == 1) {
                    String key = t.getValue().get(0);
                    outcome.put(key, new RecordMatch(key, recordIds.get(key), Result.match, id, priority, List.of(),
                            null));
                    continue;
                }
                for (String key : t.getValue()) {
                    firstAmbiguity.putIfAbsent(key, new RecordMatch(key, recordIds.get(key), Result.ambiguous, null,
                            priority, List.of(new Candidate(id, null)), "Sales " + mapping.entity().logicalName() + " "
                            + id + " matches NAV " + mapping.table() + " records " + t.getValue() + " at priority "
                            + priority + "; none is coupled to it"));
                }
            }
        }
        List<RecordMatch> out = new ArrayList<>();
        outcome.forEach((key, match) -> {
            if (match != null) {
                out.add(match);
            } else if (firstAmbiguity.containsKey(key)) {
                out.add(firstAmbiguity.get(key));
            } else {
                out.add(new RecordMatch(key, recordIds.get(key), Result.noMatch, null, null, List.of(),
                        notes.getOrDefault(key, "no Sales " + mapping.entity().logicalName() + " matches")));
            }
        });
        return out;
    }

    /** The group's non-blank NAV values by Sales attribute; blank values are no criterion (as in NAV). */
    private static Map<String, JsonNode> matchValues(List<FieldMapping> group, ObjectNode navValues) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (FieldMapping pair : group) {
            JsonNode value = navValues.get(pair.key());
            if (value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank())) {
                values.put(pair.salesAttribute(), value);
            }
        }
        return values;
    }

    private List<ObjectNode> query(IntegrationTableMapping mapping, List<FieldMapping> group,
                                   Map<String, Map<String, JsonNode>> asked) {
        List<String> select = new ArrayList<>();
        select.add(mapping.entity().primaryName());
        group.forEach(p -> {
            if (!select.contains(p.salesAttribute())) {
                select.add(p.salesAttribute());
            }
        });
        Map<UUID, ObjectNode> rows = new LinkedHashMap<>();
        for (MatchFilter.Query q : MatchFilter.queries(mapping.integrationTableFilter(), asked)) {
            reader.changedSince(mapping.entity(), select, q.filter(), null, 5000)
                    .forEachRemaining(page -> page.forEach(r -> rows.put(id(mapping, r), r)));
        }
        return new ArrayList<>(rows.values());
    }

    private static boolean matches(ObjectNode salesValues, List<FieldMapping> group, Map<String, JsonNode> navValues,
                                   boolean caseSensitive) {
        for (FieldMapping pair : group) {
            JsonNode nav = navValues.get(pair.salesAttribute());
            if (nav == null) {
                continue; // blank in NAV: no criterion
            }
            JsonNode sales = salesValues.get(pair.key());
            if (sales == null || sales.isNull()) {
                return false;
            }
            boolean same = nav.isTextual() && sales.isTextual()
                    ? caseSensitive ? nav.asText().equals(sales.asText()) : nav.asText().equalsIgnoreCase(sales.asText())
                    : NavValues.same(nav, sales);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static Candidate candidate(IntegrationTableMapping mapping, ObjectNode row) {
        JsonNode name = row.get(mapping.entity().primaryName());
        return new Candidate(id(mapping, row), name == null || name.isNull() ? null : name.asText());
    }

    private static UUID id(IntegrationTableMapping mapping, JsonNode row) {
        return UUID.fromString(row.get(mapping.entity().primaryId()).asText());
    }

    /** The pairs of a mapping that can be match criteria: both sides fields, no lookup, no constant. */
    static List<FieldMapping> eligible(IntegrationTableMapping mapping) {
        List<FieldMapping> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FieldMapping pair : mapping.pairs()) {
            if (pair.lookup() == null && seen.add(pair.key())) {
                out.add(pair);
            }
        }
        return out;
    }
}
