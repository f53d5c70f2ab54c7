package navsync.coupling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import navsync.mapping.Direction;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;
import navsync.sales.SalesReader;
import navsync.state.Coupling;
import navsync.state.CouplingStore;
import navsync.state.JobCounters;
import navsync.state.JobSelectionStore;
import navsync.state.JobStore;
import navsync.state.StateStore;
import navsync.state.SyncJob;
import navsync.sync.CoupledFields;
import navsync.sync.MappingBusyException;
import navsync.sync.NavValues;
import navsync.sync.SynchronizationJobs;
import navsync.sync.SynchronizationService;

/**
 * Finds, for uncoupled NAV records, the Sales rows they match on chosen field pairs (NAV G3's
 * match-based coupling, reference/nav-integration.md §3.4), set-based: per batch of NAV records and
 * per priority group, one Sales query ORs the records' match values ({@link MatchFilter}), instead of
 * one query per record. Priority groups are tried in ascending order for the records still
 * unmatched; within a group all pairs must match. A record matches when exactly one row matches and
 * that row is not coupled; several rows make it ambiguous. A row that several records match goes to
 * the one that matched it at the best priority, or to none when several did ({@link #settleContested}),
 * so the outcome depends neither on the order of the records nor on the batch size.
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MatchBasedCoupling.class);
    /** The most records an answer lists (the counters cover all, the coupling job's errors every failure). */
    private static final int LISTED = 1000;

    private final StateStore store;
    private final CoupledFields fields;
    private final SalesReader reader;
    private final SynchronizationService synchronization;
    private final SynchronizationJobs jobs;

    MatchBasedCoupling(StateStore store, CoupledFields fields, SalesReader reader, SynchronizationService synchronization,
                       SynchronizationJobs jobs) {
        this.store = store;
        this.fields = fields;
        this.reader = reader;
        this.synchronization = synchronization;
        this.jobs = jobs;
    }

    /**
     * Match-based coupling of these NAV rows: per record the Sales row it matches, no match, or the
     * ambiguous candidates. A dry run writes nothing. A real run couples the matches as one coupling
     * job (holding the mapping, so no pass creates rows meanwhile), then creates the unmatched ones in
     * Sales when asked, and synchronizes the coupled ones when asked.
     *
     * @param navBatches hands the NAV rows to match, batch by batch, to the consumer it is given
     */
    Map<String, Object> run(IntegrationTableMapping mapping, List<Criterion> criteria, CouplingService.MatchRequest request,
                            JobSelectionStore.Selection resumes, Consumer<Consumer<List<Map<String, Object>>>> navBatches) {
        UUID jobId = request.dryRun() ? null : jobs.openCoupling(mapping.name());
        List<RecordMatch> found = new ArrayList<>();
        List<RecordMatch> results = List.of();
        try {
            if (jobId != null) {
                recordMatching(mapping, jobId, request, resumes);
            }
            navBatches.accept(rows -> found.addAll(matchBatch(mapping, criteria, request.caseSensitive(), rows)));
            results = settleContested(mapping, found);
            if (jobId != null) {
                record(mapping, jobId, results, request);
            }
        } catch (RuntimeException e) {
            if (jobId != null) {
                try {
                    store.jobSelections().delete(jobId); // failed, not cut off: nothing to resume
                } catch (RuntimeException notDeleted) {
                    e.addSuppressed(notDeleted);
                }
                jobs.finishCoupling(mapping.name(), jobId, counters(results, request.createNew()),
                        errors(mapping, results, request.createNew()), SyncJob.FAILED, "stopped: " + e.getMessage());
            }
            throw e;
        }
        Map<Result, Long> counts = new EnumMap<>(Result.class);
        for (Result r : Result.values()) {
            counts.put(r, results.stream().filter(m -> m.result() == r).count());
        }
        List<String> toCreate = request.createNew() ? keysOf(results, Result.noMatch) : List.of();
        String summary = String.format("%d records: %d coupled, %d without a match%s, %d ambiguous, %d already coupled",
                results.size(), counts.get(Result.match), counts.get(Result.noMatch),
                request.createNew() ? " (to create in Sales)" : "", counts.get(Result.ambiguous),
                counts.get(Result.alreadyCoupled)) + (resumes == null ? "" : "; resumes job " + resumes.jobId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mapping", mapping.name());
        out.put("dryRun", request.dryRun());
        out.put("records", results.size());
        out.put("matched", counts.get(Result.match));
        out.put("noMatch", counts.get(Result.noMatch));
        out.put("ambiguous", counts.get(Result.ambiguous));
        out.put("alreadyCoupled", counts.get(Result.alreadyCoupled));
        out.put("toCreate", toCreate.size());
        if (jobId != null) {
            jobs.finishCoupling(mapping.name(), jobId, counters(results, request.createNew()),
                    errors(mapping, results, request.createNew()), SyncJob.SUCCEEDED, summary);
            out.put("couplingJobId", jobId.toString());
            out.putAll(synchronizeAfterMatching(mapping, jobId, request.synchronize(), toSales(request, results),
                    results));
        }
        out.put("results", results.stream().limit(LISTED).map(MatchBasedCoupling::matchView).toList());
        out.put("truncated", results.size() > LISTED);
        return out;
    }

    /**
     * Records the request under the coupling job before matching, so that a stop while matching leaves it
     * to be resumed at the next start; a resumed request replaces the cut-off job's in the same transaction.
     */
    private void recordMatching(IntegrationTableMapping mapping, UUID jobId, CouplingService.MatchRequest request,
                                JobSelectionStore.Selection resumes) {
        store.inTransaction(c -> {
            store.jobSelections().record(c, new JobSelectionStore.Selection(jobId, mapping.name(), mapping.direction(),
                    JobSelectionStore.Kind.MATCH, request.asSelection()));
            if (resumes != null) {
                store.jobSelections().delete(c, resumes.jobId());
            }
            return null;
        });
        if (resumes != null) {
            synchronization.noteCutOff(resumes, "resumed at the next start as job " + jobId + " over " + request.over());
        }
    }

    /**
     * Inserts the matches as pending couplings (the first synchronization writes every field, the
     * chosen side winning) in one transaction that replaces the recorded request with the records the
     * NAV -> Sales job after them creates or synchronizes, under the coupling job: a stop before that job has them
     * recorded itself leaves them to be resumed at the next start, and none is created as a new row
     * while its coupling to a matched row is not committed.
     */
    private void record(IntegrationTableMapping mapping, UUID jobId, List<RecordMatch> results,
                        CouplingService.MatchRequest request) {
        List<CouplingStore.NewCoupling> couplings = results.stream().filter(m -> m.result() == Result.match)
                .map(m -> new CouplingStore.NewCoupling(m.navKey(), m.navRecordId(), m.salesId())).toList();
        List<String> toSales = toSales(request, results);
        store.inTransaction(c -> {
            store.jobSelections().delete(c, jobId); // the matching is done
            CouplingStore.insertPending(c, mapping.name(), couplings);
            if (!toSales.isEmpty()) {
                store.jobSelections().record(c, new JobSelectionStore.Selection(jobId, mapping.name(),
                        Direction.ToIntegrationTable, JobSelectionStore.Kind.CREATE, toSales));
            }
            return null;
        });
    }

    /** The records of the NAV -> Sales job after matching: the unmatched to create, the matched when synchronized so. */
    private static List<String> toSales(CouplingService.MatchRequest request, List<RecordMatch> results) {
        List<String> toSales = new ArrayList<>(request.createNew() ? keysOf(results, Result.noMatch) : List.of());
        if (request.synchronize() == Direction.ToIntegrationTable) {
            toSales.addAll(keysOf(results, Result.match));
        }
        return toSales;
    }

    /**
     * Creates the unmatched records and synchronizes the coupled ones: one NAV -> Sales job for both
     * where the direction allows, else the creation first and the Sales -> NAV job once it is done.
     * Runs while the coupling job's caller still holds the mapping, so the first job takes it over.
     */
    private Map<String, Object> synchronizeAfterMatching(IntegrationTableMapping mapping, UUID couplingJob,
                                                         Direction pass, List<String> toSales,
                                                         List<RecordMatch> results) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> fromSales = pass == Direction.FromIntegrationTable
                ? results.stream().filter(m -> m.result() == Result.match)
                        .map(m -> m.salesId().toString()).toList()
                : List.of();
        try {
            if (!toSales.isEmpty()) {
                SynchronizationService.Started started = synchronization.startCreate(mapping.name(),
                        Direction.ToIntegrationTable, toSales, 0);
                store.jobSelections().delete(couplingJob); // the job has them recorded itself
                out.put("synchronizeJobId", started.jobId().toString());
                if (!fromSales.isEmpty()) {
                    started.done().thenRun(() -> synchronization.startSelected(mapping.name(),
                            Direction.FromIntegrationTable, fromSales)).exceptionally(e -> {
                                LOG.warn("{}: the FromIntegrationTable synchronization after match-based coupling did not"
                                        + " start: {}", mapping.name(), e.getMessage());
                                return null;
                            });
                    out.put("then", "FromIntegrationTable synchronization of the " + fromSales.size()
                            + " coupled records once job " + started.jobId() + " is done (see /api/jobs?mapping="
                            + mapping.name() + ")");
                }
            } else if (!fromSales.isEmpty()) {
                out.put("synchronizeJobId", synchronization.startSelected(mapping.name(), Direction.FromIntegrationTable,
                        fromSales).jobId().toString());
            }
        } catch (MappingBusyException e) {
            out.put("synchronizeError", "the couplings are made; the synchronization did not start: " + e.getMessage());
        }
        return out;
    }

    private static List<String> keysOf(List<RecordMatch> results, Result result) {
        return results.stream().filter(m -> m.result() == result).map(RecordMatch::navKey).toList();
    }

    private static JobCounters counters(List<RecordMatch> results, boolean createNew) {
        int coupled = 0;
        int failed = 0;
        int skipped = 0;
        for (RecordMatch m : results) {
            switch (m.result()) {
                case match -> coupled++;
                case ambiguous -> failed++;
                case noMatch -> failed += createNew ? 0 : 1;
                case alreadyCoupled -> skipped++;
            }
        }
        return new JobCounters(0, 0, 0, 0, skipped, failed, coupled, 0);
    }

    private static List<JobStore.NewError> errors(IntegrationTableMapping mapping,
                                                               List<RecordMatch> results,
                                                               boolean createNew) {
        List<JobStore.NewError> errors = new ArrayList<>();
        for (RecordMatch m : results) {
            if (m.result() == Result.ambiguous
                    || m.result() == Result.noMatch && !createNew) {
                errors.add(new JobStore.NewError(m.navKey(), null, "NAV " + mapping.table() + " "
                        + m.navKey() + " not coupled: " + m.message() + (m.candidates().isEmpty() ? ""
                        : "; candidates " + m.candidates().stream().map(c -> c.salesId().toString()).toList())));
            }
        }
        return errors;
    }

    private static Map<String, Object> matchView(RecordMatch m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("navKey", m.navKey());
        out.put("result", m.result().name());
        out.put("salesId", m.salesId() == null ? null : m.salesId().toString());
        out.put("priority", m.priority());
        out.put("candidates", m.candidates());
        out.put("message", m.message());
        return out;
    }

    /** The criteria as field pairs of the mapping; each must name one eligible pair, at most once per group. */
    static List<Criterion> criteria(IntegrationTableMapping mapping, List<CouplingService.MatchCriterion> asked) {
        if (asked == null || asked.isEmpty()) {
            throw new IllegalArgumentException("give the field pairs to match on: \"fields\": [{\"nav\": \"Name\", "
                    + "\"sales\": \"name\", \"priority\": 1}, ...]");
        }
        List<FieldMapping> eligible = eligible(mapping);
        List<Criterion> out = new ArrayList<>();
        Set<String> perGroup = new HashSet<>();
        for (CouplingService.MatchCriterion c : asked) {
            List<FieldMapping> found = eligible.stream()
                    .filter(p -> (c.navField() == null || p.navField().equalsIgnoreCase(c.navField()))
                            && (c.salesAttribute() == null || p.salesAttribute().equals(c.salesAttribute()))).toList();
            if (found.size() != 1 || c.navField() == null && c.salesAttribute() == null) {
                throw new IllegalArgumentException((found.isEmpty() ? "no" : "more than one") + " field pair of mapping "
                        + mapping.name() + " is " + (c.navField() == null ? "" : "NAV '" + c.navField() + "' ")
                        + (c.salesAttribute() == null ? "" : "Sales '" + c.salesAttribute() + "'")
                        + "; pairs to match on: " + eligible.stream().map(p -> p.navField() + " <-> " + p.salesAttribute())
                        .toList());
            }
            FieldMapping pair = found.get(0);
            if (!perGroup.add(c.priority() + "/" + pair.salesAttribute())) {
                throw new IllegalArgumentException("Sales attribute " + pair.salesAttribute()
                        + " is matched twice in priority group " + c.priority());
            }
            out.add(new Criterion(pair, c.priority()));
        }
        return out;
    }

    /**
     * Matches one batch of NAV rows, each record on its own; coupled ones are reported
     * {@code alreadyCoupled}. Rows that several records match are settled afterwards, over the whole
     * run, by {@link #settleContested}.
     */
    List<RecordMatch> matchBatch(IntegrationTableMapping mapping, List<Criterion> criteria, boolean caseSensitive,
                                 List<Map<String, Object>> rows) {
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
                    } else {
                        outcome.put(key, new RecordMatch(key, recordIds.get(key), Result.match, id, priority, List.of(),
                                null));
                    }
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

    /**
     * Settles rows that several records of the run match, whatever their order or batch: the record
     * that matched the row at the best (lowest) priority gets it; several at that priority all become
     * ambiguous; records that matched it at a worse priority get no match.
     */
    static List<RecordMatch> settleContested(IntegrationTableMapping mapping, List<RecordMatch> results) {
        Map<UUID, List<RecordMatch>> byRow = new HashMap<>();
        for (RecordMatch m : results) {
            if (m.result() == Result.match) {
                byRow.computeIfAbsent(m.salesId(), k -> new ArrayList<>()).add(m);
            }
        }
        Map<String, RecordMatch> settled = new HashMap<>();
        byRow.forEach((row, matches) -> {
            if (matches.size() < 2) {
                return;
            }
            int best = matches.stream().mapToInt(RecordMatch::priority).min().orElseThrow();
            List<String> atBest = matches.stream().filter(m -> m.priority() == best).map(RecordMatch::navKey).sorted()
                    .toList();
            List<String> all = matches.stream().map(RecordMatch::navKey).sorted().toList();
            String what = "Sales " + mapping.entity().logicalName() + " " + row + " matches NAV " + mapping.table()
                    + " records " + all;
            for (RecordMatch m : matches) {
                if (atBest.size() > 1 && m.priority() == best) {
                    settled.put(m.navKey(), new RecordMatch(m.navKey(), m.navRecordId(), Result.ambiguous, null,
                            m.priority(), List.of(new Candidate(row, null)), what + " at priority " + best
                            + "; none is coupled to it"));
                } else if (m.priority() != best) {
                    settled.put(m.navKey(), new RecordMatch(m.navKey(), m.navRecordId(), Result.noMatch, null, null,
                            List.of(), what + "; it goes to " + atBest + ", matched at priority " + best));
                }
            }
        });
        return results.stream().map(m -> settled.getOrDefault(m.navKey(), m)).toList();
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
