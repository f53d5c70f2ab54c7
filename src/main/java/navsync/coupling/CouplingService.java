package navsync.coupling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.SkipPolicy;
import navsync.sales.SalesIds;
import navsync.sales.SalesReader;
import navsync.state.Coupling;
import navsync.state.CouplingStore;
import navsync.state.JobSelectionStore;
import navsync.state.StateStore;
import navsync.sync.CoupledFields;
import navsync.sync.MappingBusyException;
import navsync.sync.Mappings;
import navsync.sync.SynchronizationJobs;
import navsync.sync.SynchronizationService;

/**
 * NAV's manual coupling procedures: couple a NAV record with an existing Sales row (by id, or by name:
 * exact match first, then prefix) or with a new one, uncouple, look a coupling up from either side,
 * and "Synchronize Now" chosen records. Refuses to couple a record or a row coupled elsewhere unless
 * re-coupling is asked for.
 */
public final class CouplingService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CouplingService.class);

    private final Mappings mappings;
    private final StateStore store;
    private final SalesReader sales;
    private final CoupledFields fields;
    private final SynchronizationService synchronization;
    private final SynchronizationJobs jobs;
    private final MatchBasedCoupling matching;
    private final String organizationUrl;

    public CouplingService(Mappings mappings, StateStore store, SalesReader sales, CoupledFields fields,
                           SynchronizationService synchronization, SynchronizationJobs jobs, String organizationUrl) {
        this.mappings = mappings;
        this.store = store;
        this.sales = sales;
        this.fields = fields;
        this.synchronization = synchronization;
        this.jobs = jobs;
        this.matching = new MatchBasedCoupling(store, fields, sales, synchronization, jobs);
        this.organizationUrl = organizationUrl;
    }

    /** What to couple a NAV record with, and what to synchronize afterwards. */
    public record CoupleRequest(UUID salesId, String salesName, boolean createNew, Direction synchronize,
                                boolean noSynchronization, boolean recouple) {
    }

    /** The coupling of a NAV record, with where its Sales row is and how the last passes went. */
    public Map<String, Object> view(String mappingName, String navKey) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        Coupling c = store.couplings().findByNavKey(mapping.name(), navKey).orElseThrow(() -> new NoSuchElementException(
                "NAV " + mapping.table() + " " + navKey + " is not coupled (mapping " + mapping.name() + ")"));
        return view(mapping, c);
    }

    public Map<String, Object> viewBySalesId(String mappingName, UUID salesId) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        Coupling c = store.couplings().findBySalesId(mapping.name(), salesId).orElseThrow(() -> new NoSuchElementException(
                "Sales " + mapping.entity().logicalName() + " " + salesId + " is not coupled (mapping " + mapping.name() + ")"));
        return view(mapping, c);
    }

    /**
     * Couples, then synchronizes as asked; returns the coupling and the job that synchronizes it, if any.
     * Holds the mapping from the first check to the start of that job (409 while a job holds it, with
     * nothing written), so no pass creates or couples the record meanwhile. {@code createNew} creates
     * the Sales row by a NAV -> Sales synchronization of the record, as NAV's Create New does.
     */
    public Map<String, Object> couple(String mappingName, String navKey, CoupleRequest request) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        Direction pass = request.createNew() ? creationPass(mapping, request) : passAfterCoupling(mapping, request);
        requireNavRecord(mapping, navKey);
        return jobs.whileIdle(mapping.name(), () -> {
            Optional<Coupling> existing = store.couplings().findByNavKey(mapping.name(), navKey);
            if (existing.isPresent() && !request.recouple()) {
                throw new CouplingConflictException(navRecordCoupled(mapping, existing.get()));
            }
            UUID salesId = request.createNew() ? SalesIds.next() : findSalesRow(mapping, request);
            Optional<Coupling> other = store.couplings().findBySalesId(mapping.name(), salesId);
            if (other.isPresent() && !other.get().navKey().equals(navKey)) {
                if (!request.recouple()) {
                    throw new CouplingConflictException(salesRowCoupled(mapping, other.get()));
                }
                uncouple(mapping, other.get().navKey());
            }
            existing.ifPresent(c -> uncouple(mapping, navKey));
            // a new coupling starts pending: its first synchronization writes every field, the chosen side winning
            store.couplings().insertPending(mapping.name(), List.of(new CouplingStore.NewCoupling(navKey, null, salesId)));
            Map<String, Object> out = view(mapping, store.couplings().findByNavKey(mapping.name(), navKey).orElseThrow());
            if (pass != null) {
                String record = pass == Direction.ToIntegrationTable ? navKey : salesId.toString();
                out.put("jobId", synchronization.startSelected(mapping.name(), pass, List.of(record)).jobId().toString());
            }
            return out;
        });
    }

    /**
     * The pass that creates a new Sales row: NAV -> Sales. NAV's Create New sets the synchronization to
     * To Integration Table and allows no other, so "none" or Sales -> NAV is refused, not ignored.
     */
    private Direction creationPass(IntegrationTableMapping mapping, CoupleRequest request) {
        if (request.noSynchronization() || request.synchronize() == Direction.FromIntegrationTable) {
            throw new IllegalArgumentException("createNew creates the Sales " + mapping.entity().logicalName()
                    + " from the NAV record by a ToIntegrationTable synchronization of it; \"synchronize\": \""
                    + (request.noSynchronization() ? "none" : request.synchronize().name())
                    + "\" cannot go with it: leave synchronize out or say ToIntegrationTable");
        }
        return synchronization.passes(mapping, Direction.ToIntegrationTable).get(0);
    }

    public void uncouple(String mappingName, String navKey) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        jobs.whileIdle(mapping.name(), () -> {
            if (store.couplings().findByNavKey(mapping.name(), navKey).isEmpty()) {
                throw new NoSuchElementException("NAV " + mapping.table() + " " + navKey + " is not coupled (mapping "
                        + mapping.name() + ")");
            }
            uncouple(mapping, navKey);
            return null;
        });
    }

    /**
     * The coupled fields side by side before coupling: NAV's and the candidate row's values, and which
     * side the synchronization after coupling would let win each field. Writes nothing; a coupling
     * that would be refused says why.
     */
    public Map<String, Object> previewCoupling(String mappingName, String navKey, CoupleRequest request) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        Map<String, Object> navRow = requireNavRecord(mapping, navKey);
        if (request.createNew()) {
            throw new IllegalArgumentException("a preview compares with an existing Sales " + mapping.entity().logicalName()
                    + ": give salesId or salesName");
        }
        Direction pass = passAfterCoupling(mapping, request);
        UUID salesId = findSalesRow(mapping, request);
        ObjectNode salesRow = fields.salesRows(mapping, List.of(salesId)).get(salesId);
        List<String> refusals = new ArrayList<>();
        if (!request.recouple()) {
            store.couplings().findByNavKey(mapping.name(), navKey).filter(c -> !c.salesId().equals(salesId))
                    .ifPresent(c -> refusals.add(navRecordCoupled(mapping, c)));
            store.couplings().findBySalesId(mapping.name(), salesId).filter(c -> !c.navKey().equals(navKey))
                    .ifPresent(c -> refusals.add(salesRowCoupled(mapping, c)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mapping", mapping.name());
        out.put("navKey", navKey);
        out.put("salesId", salesId.toString());
        out.put("salesName", salesRow.path(mapping.entity().primaryName()).asText(null));
        out.put("synchronize", pass == null ? "none" : pass.name());
        out.put("refused", refusals.isEmpty() ? null : String.join("; ", refusals));
        List<CoupledFields.Field> sideBySide;
        try {
            sideBySide = fields.sideBySide(mapping, navRow, salesRow, pass);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("NAV " + mapping.table() + " " + navKey + " cannot be synchronized: "
                    + e.getMessage());
        }
        out.put("differences", sideBySide.stream().filter(f -> !f.same()).count());
        out.put("fields", sideBySide);
        return out;
    }

    /** Uncouples the coupled ones of these NAV keys; returns how many were coupled and which were not. */
    public Map<String, Object> uncoupleNavKeys(String mappingName, List<String> navKeys) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        return jobs.whileIdle(mapping.name(), () -> {
            Map<String, Coupling> coupled = store.couplings().findByNavKeys(mapping.name(), navKeys);
            return uncoupled(mapping, coupled.keySet(), navKeys.stream().filter(k -> !coupled.containsKey(k)).toList());
        });
    }

    /** Uncouples the coupled ones of these Sales rows. */
    public Map<String, Object> uncoupleSalesIds(String mappingName, List<String> salesIds) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        List<UUID> ids = salesIds.stream().map(CouplingService::salesId).toList();
        return jobs.whileIdle(mapping.name(), () -> {
            Map<UUID, Coupling> coupled = store.couplings().findBySalesIds(mapping.name(), ids);
            return uncoupled(mapping, coupled.values().stream().map(Coupling::navKey).toList(),
                    ids.stream().filter(id -> !coupled.containsKey(id)).map(UUID::toString).toList());
        });
    }

    /** Uncouples every record of a mapping (NAV's "Delete Couplings"); the rows stay on both sides. */
    public Map<String, Object> uncoupleAll(String mappingName) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mapping", mapping.name());
        out.put("uncoupled", jobs.whileIdle(mapping.name(), () -> store.couplings().deleteAll(mapping.name())));
        return out;
    }

    private Map<String, Object> uncoupled(IntegrationTableMapping mapping, java.util.Collection<String> navKeys,
                                          List<String> notCoupled) {
        if (!navKeys.isEmpty()) {
            removeCouplings(mapping, navKeys);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mapping", mapping.name());
        out.put("uncoupled", navKeys.size());
        out.put("notCoupled", notCoupled);
        return out;
    }

    /**
     * Create in Sales: new Sales rows for the uncoupled ones of these NAV records, coupled, as one
     * NAV -> Sales job in bulk; coupled ones are counted skipped. Unknown keys refuse the whole call.
     */
    public Map<String, Object> createInSales(String mappingName, List<String> navKeys) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        synchronization.passes(mapping, Direction.ToIntegrationTable);
        requireNavRecords(mapping, navKeys);
        // held from reading the couplings to opening the job, so no pass couples any of them in between
        return jobs.whileIdle(mapping.name(), () -> {
            Map<String, Coupling> coupled = store.couplings().findByNavKeys(mapping.name(), navKeys);
            List<String> toCreate = distinct(navKeys).stream().filter(k -> !coupled.containsKey(k)).toList();
            return created(synchronization.startCreate(mapping.name(), Direction.ToIntegrationTable, toCreate,
                    coupled.size()), distinct(navKeys).size(), toCreate.size(), coupled.keySet());
        });
    }

    /**
     * Create from Sales: new NAV records (numbered from the mapping's series) for the uncoupled ones of
     * these Sales rows, coupled, as one Sales -> NAV job; coupled ones are counted skipped.
     */
    public Map<String, Object> createFromSales(String mappingName, List<String> salesIds) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        synchronization.passes(mapping, Direction.FromIntegrationTable);
        if (mapping.numberSeries() == null) {
            throw new IllegalArgumentException("mapping " + mapping.name() + " has no newRecords.numberSeries ("
                    + mapping.file() + ") to number new NAV " + mapping.table() + " records");
        }
        List<UUID> ids = distinct(salesIds).stream().map(CouplingService::salesId).toList();
        requireSalesRows(mapping, ids);
        return jobs.whileIdle(mapping.name(), () -> {
            Map<UUID, Coupling> coupled = store.couplings().findBySalesIds(mapping.name(), ids);
            List<String> toCreate = ids.stream().filter(id -> !coupled.containsKey(id)).map(UUID::toString).toList();
            return created(synchronization.startCreate(mapping.name(), Direction.FromIntegrationTable, toCreate,
                    coupled.size()), ids.size(), toCreate.size(),
                    coupled.keySet().stream().map(UUID::toString).toList());
        });
    }

    private static Map<String, Object> created(SynchronizationService.Started started, int requested, int toCreate,
                                               java.util.Collection<String> alreadyCoupled) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobId", started.jobId().toString());
        out.put("direction", started.passes().get(0).name());
        out.put("records", requested);
        out.put("toCreate", toCreate);
        out.put("skipped", alreadyCoupled.size());
        out.put("alreadyCoupled", alreadyCoupled.stream().sorted().limit(LISTED).toList());
        out.put("job", "/api/jobs/" + started.jobId());
        return out;
    }

    /** The most records an answer lists by name (counts cover all). */
    private static final int LISTED = 1000;

    /** The field pairs, priorities and options of a match-based coupling. */
    public record MatchRequest(List<MatchCriterion> criteria, boolean caseSensitive, boolean createNew,
                               Direction synchronize, boolean dryRun, List<String> keys) {

        private static final ObjectMapper JSON = new ObjectMapper();

        /** The request as a job selection's records: its options as one JSON line, then the NAV keys asked for, if any. */
        List<String> asSelection() {
            ObjectNode options = JSON.createObjectNode();
            criteria.forEach(c -> options.withArray("criteria").addObject().put("nav", c.navField())
                    .put("sales", c.salesAttribute()).put("priority", c.priority()));
            options.put("caseSensitive", caseSensitive).put("createNew", createNew)
                    .put("synchronize", synchronize == null ? null : synchronize.name()).put("keys", keys != null);
            List<String> records = new ArrayList<>(List.of(options.toString()));
            if (keys != null) {
                records.addAll(keys);
            }
            return records;
        }

        /** The request a job selection of {@link #asSelection} holds (never a dry run). */
        static MatchRequest fromSelection(List<String> records) {
            JsonNode options;
            try {
                options = JSON.readTree(records.get(0));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("the recorded request is not JSON: " + e.getMessage(), e);
            }
            List<MatchCriterion> criteria = new ArrayList<>();
            options.path("criteria").forEach(c -> criteria.add(new MatchCriterion(c.path("nav").textValue(),
                    c.path("sales").textValue(), c.path("priority").asInt())));
            String synchronize = options.path("synchronize").textValue();
            return new MatchRequest(criteria, options.path("caseSensitive").asBoolean(), options.path("createNew").asBoolean(),
                    synchronize == null ? null : Direction.valueOf(synchronize), false,
                    options.path("keys").asBoolean() ? List.copyOf(records.subList(1, records.size())) : null);
        }

        /** What the request runs over, for job messages. */
        String over() {
            return keys == null ? "the uncoupled records in its table filter" : "its " + distinct(keys).size() + " records";
        }
    }

    /** One criterion: a field pair of the mapping named by its NAV field, its Sales attribute, or both. */
    public record MatchCriterion(String navField, String salesAttribute, int priority) {
    }

    /**
     * Match-based coupling of a mapping's uncoupled records (the given NAV keys, or all in the table
     * filter): per record the Sales row it matches, no match, or the ambiguous candidates. A dry run
     * writes nothing. A real run couples the matches as one coupling job (holding the mapping, so
     * no pass creates rows meanwhile), then creates the unmatched ones in Sales when asked, and
     * synchronizes the coupled ones when asked.
     */
    public Map<String, Object> matchBasedCoupling(String mappingName, MatchRequest request) {
        return matchBasedCoupling(mappingName, request, null);
    }

    /**
     * Resumes the match-based couplings a stop cut off while they matched (a coupling job writes
     * nothing before its matching is done): each runs again over its recorded request as a new coupling
     * job, whose message says which job it resumes, while the cut-off job's message names the new one.
     * Done at start-up, after {@link SynchronizationService#resumeInterrupted}.
     */
    public void resumeInterrupted() {
        for (JobSelectionStore.Selection left : store.jobSelections().leftOver()) {
            if (left.kind() != JobSelectionStore.Kind.MATCH) {
                continue;
            }
            MatchRequest request = null;
            try {
                request = MatchRequest.fromSelection(left.records());
                Map<String, Object> out = matchBasedCoupling(left.mapping(), request, left);
                LOG.info("{} match-based coupling {} resumed as coupling job {}: {} matched, {} to create",
                        left.mapping(), left.jobId(), out.get("couplingJobId"), out.get("matched"), out.get("toCreate"));
            } catch (MappingBusyException e) {
                LOG.warn("Interrupted match-based coupling {} of {} not resumed now: {}", left.jobId(), left.mapping(),
                        e.getMessage());
            } catch (IllegalArgumentException | NoSuchElementException e) {
                store.jobSelections().delete(left.jobId());
                synchronization.noteCutOff(left, "not resumed (" + e.getMessage() + "): nothing of it was written;"
                        + " rerunning the same match-based coupling" + (request == null ? "" : " over " + request.over())
                        + " completes it");
            }
        }
    }

    private Map<String, Object> matchBasedCoupling(String mappingName, MatchRequest request,
                                                   JobSelectionStore.Selection resumes) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        List<MatchBasedCoupling.Criterion> criteria = MatchBasedCoupling.criteria(mapping, request.criteria());
        if (request.synchronize() != null) {
            synchronization.passes(mapping, request.synchronize());
        }
        if (request.createNew()) {
            synchronization.passes(mapping, Direction.ToIntegrationTable);
        }
        if (request.keys() == null) {
            return matching(mapping, criteria, request, resumes, each -> fields.forEachBatchInFilter(mapping, each));
        }
        List<Map<String, Object>> rows = new ArrayList<>(requireNavRecords(mapping, request.keys()).values());
        return matching(mapping, criteria, request, resumes, each -> {
            for (int from = 0; from < rows.size(); from += mapping.batchSize()) {
                each.accept(rows.subList(from, Math.min(rows.size(), from + mapping.batchSize())));
            }
        });
    }

    /** A real run holds the mapping from its first lookup until the job after it has taken it over. */
    private Map<String, Object> matching(IntegrationTableMapping mapping, List<MatchBasedCoupling.Criterion> criteria,
                                         MatchRequest request, JobSelectionStore.Selection resumes,
                                         Consumer<Consumer<List<Map<String, Object>>>> navBatches) {
        return request.dryRun() ? matching.run(mapping, criteria, request, null, navBatches)
                : jobs.whileIdle(mapping.name(), () -> matching.run(mapping, criteria, request, resumes, navBatches));
    }

    /** The NAV rows of these keys, by key; unknown keys refuse the call (404, listing them). */
    private Map<String, Map<String, Object>> requireNavRecords(IntegrationTableMapping mapping, List<String> navKeys) {
        Map<String, Map<String, Object>> found = fields.navRows(mapping, distinct(navKeys));
        List<String> unknown = distinct(navKeys).stream().filter(k -> !found.containsKey(k)).toList();
        if (!unknown.isEmpty()) {
            throw new NoSuchElementException(unknown.size() + " unknown NAV " + mapping.table() + " keys (mapping "
                    + mapping.name() + "): " + unknown.stream().limit(20).toList() + (unknown.size() > 20 ? " ..." : "")
                    + "; nothing was done");
        }
        return found;
    }

    /** Unknown Sales ids refuse the call (404, listing them); one query per 100 ids. */
    private void requireSalesRows(IntegrationTableMapping mapping, List<UUID> ids) {
        java.util.Set<UUID> found = new java.util.HashSet<>();
        sales.byIds(mapping.entity(), ids, List.of()).forEach(r -> found.add(UUID.fromString(
                r.get(mapping.entity().primaryId()).asText())));
        List<UUID> unknown = ids.stream().filter(id -> !found.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new NoSuchElementException(unknown.size() + " unknown Sales " + mapping.entity().logicalName()
                    + " ids (mapping " + mapping.name() + "): " + unknown.stream().limit(20).toList()
                    + (unknown.size() > 20 ? " ..." : "") + "; nothing was done");
        }
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(values));
    }

    /**
     * "Synchronize Now" of chosen records, in one job and in bulk: NAV keys for NAV -> Sales, Sales
     * ids for Sales -> NAV. A mapping that allows both ways needs the direction said.
     */
    public SynchronizationService.Started synchronize(String mappingName, Direction pass, List<String> records) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        if (pass == null) {
            if (mapping.direction() == Direction.Bidirectional) {
                throw new IllegalArgumentException("mapping " + mapping.name() + " synchronizes both ways: choose direction "
                        + "ToIntegrationTable (NAV -> Sales) or FromIntegrationTable (Sales -> NAV)");
            }
            pass = mapping.direction();
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no records to synchronize");
        }
        synchronization.passes(mapping, pass);
        if (pass == Direction.FromIntegrationTable) {
            requireSalesRows(mapping, distinct(records).stream().map(CouplingService::salesId).toList());
        } else {
            requireNavRecords(mapping, records);
        }
        return synchronization.startSelected(mapping.name(), pass, distinct(records));
    }

    private void uncouple(IntegrationTableMapping mapping, String navKey) {
        removeCouplings(mapping, List.of(navKey));
    }

    /** Removes couplings while no pass of the mapping runs (409 otherwise), so no row a pass writes loses its coupling. */
    private void removeCouplings(IntegrationTableMapping mapping, java.util.Collection<String> navKeys) {
        jobs.whileIdle(mapping.name(), () -> store.inTransaction(c -> {
            store.couplings().applyOutcomes(c, mapping.name(), Direction.ToIntegrationTable, null, SkipPolicy.NEVER,
                    navKeys.stream().map(CouplingStore.Uncoupled::new).toList());
            return null;
        }));
    }

    private UUID findSalesRow(IntegrationTableMapping mapping, CoupleRequest request) {
        if (request.salesId() != null) {
            if (sales.byIds(mapping.entity(), List.of(request.salesId()), List.of()).isEmpty()) {
                throw new NoSuchElementException("no Sales " + mapping.entity().logicalName() + " " + request.salesId());
            }
            return request.salesId();
        }
        if (request.salesName() == null || request.salesName().isBlank()) {
            throw new IllegalArgumentException("say which Sales " + mapping.entity().logicalName()
                    + " to couple with: salesId, salesName, or createNew");
        }
        String name = mapping.entity().primaryName();
        String literal = "'" + request.salesName().replace("'", "''") + "'";
        for (String filter : List.of(name + " eq " + literal, "startswith(" + name + "," + literal + ")")) {
            List<ObjectNode> rows = sales.query(mapping.entity(), List.of(name), filter, 11);
            if (rows.size() == 1) {
                return UUID.fromString(rows.get(0).get(mapping.entity().primaryId()).asText());
            }
            if (rows.size() > 1) {
                List<String> candidates = new ArrayList<>();
                rows.stream().limit(10).forEach(r -> candidates.add(r.path(name).asText() + " ("
                        + r.path(mapping.entity().primaryId()).asText() + ")"));
                throw new CouplingConflictException("several Sales " + mapping.entity().entitySet() + " match '"
                        + request.salesName() + "': " + candidates + "; couple by salesId");
            }
        }
        throw new NoSuchElementException("no Sales " + mapping.entity().logicalName() + " is named '" + request.salesName()
                + "' or starts so");
    }

    private Map<String, Object> requireNavRecord(IntegrationTableMapping mapping, String navKey) {
        Map<String, Object> row = fields.navRows(mapping, List.of(navKey)).get(navKey);
        if (row == null) {
            throw new NoSuchElementException("no NAV " + mapping.table() + " " + navKey);
        }
        return row;
    }

    /** The synchronization after coupling: the one asked for, none, or the mapping's default; checked against the mapping. */
    private Direction passAfterCoupling(IntegrationTableMapping mapping, CoupleRequest request) {
        Direction pass = request.noSynchronization() ? null
                : request.synchronize() != null ? request.synchronize() : defaultPass(mapping);
        if (pass != null) {
            synchronization.passes(mapping, pass);
        }
        return pass;
    }

    private static String navRecordCoupled(IntegrationTableMapping mapping, Coupling existing) {
        return "NAV " + mapping.table() + " " + existing.navKey() + " is already coupled to Sales "
                + mapping.entity().logicalName() + " " + existing.salesId() + "; ask for recouple to change it";
    }

    private static String salesRowCoupled(IntegrationTableMapping mapping, Coupling other) {
        return "Sales " + mapping.entity().logicalName() + " " + other.salesId() + " is already coupled to NAV "
                + mapping.table() + " " + other.navKey() + "; ask for recouple to move it";
    }

    private static Direction defaultPass(IntegrationTableMapping mapping) {
        return mapping.direction() == Direction.FromIntegrationTable ? Direction.FromIntegrationTable
                : Direction.ToIntegrationTable;
    }

    /** The row's page in the Sales web client. */
    public static String salesUrl(String organizationUrl, IntegrationTableMapping mapping, UUID salesId) {
        return organizationUrl + "/main.aspx?pagetype=entityrecord&etn=" + mapping.entity().logicalName() + "&id=" + salesId;
    }

    static UUID salesId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a Sales id (a GUID)");
        }
    }

    private Map<String, Object> view(IntegrationTableMapping mapping, Coupling c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mapping", mapping.name());
        out.put("navKey", c.navKey());
        out.put("salesId", c.salesId().toString());
        out.put("salesUrl", salesUrl(organizationUrl, mapping, c.salesId()));
        out.put("synchronized", !c.isPending());
        out.put("toIntegrationTable", pass(c.toResult(), c.toSyncedAt(), c.toJobId()));
        out.put("fromIntegrationTable", pass(c.fromResult(), c.fromSyncedAt(), c.fromJobId()));
        out.put("skipped", c.skipped());
        out.put("failures", c.failureCount());
        out.put("lastError", c.lastError());
        return out;
    }

    private static Map<String, Object> pass(Object result, Object at, UUID job) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", result == null ? null : result.toString());
        out.put("at", at == null ? null : at.toString());
        out.put("job", job == null ? null : job.toString());
        return out;
    }
}
