package navsync.coupling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.SkipPolicy;
import navsync.nav.NavQueries;
import navsync.nav.NavRows;
import navsync.sales.SalesReader;
import navsync.state.Coupling;
import navsync.state.CouplingStore;
import navsync.state.StateStore;
import navsync.sync.Mappings;
import navsync.sync.SynchronizationService;

/**
 * NAV's manual coupling procedures: couple a NAV record with an existing Sales row (by id, or by name:
 * exact match first, then prefix) or with a new one, uncouple, look a coupling up from either side,
 * and "Synchronize Now" chosen records. Refuses to couple a record or a row coupled elsewhere unless
 * re-coupling is asked for.
 */
public final class CouplingService {

    private final Mappings mappings;
    private final StateStore store;
    private final SalesReader sales;
    private final NavQueries queries;
    private final DataSource nav;
    private final SynchronizationService synchronization;
    private final String organizationUrl;

    public CouplingService(Mappings mappings, StateStore store, SalesReader sales, NavQueries queries, DataSource nav,
                           SynchronizationService synchronization, String organizationUrl) {
        this.mappings = mappings;
        this.store = store;
        this.sales = sales;
        this.queries = queries;
        this.nav = nav;
        this.synchronization = synchronization;
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

    /** Couples, then synchronizes as asked; returns the coupling and the job that synchronizes it, if any. */
    public Map<String, Object> couple(String mappingName, String navKey, CoupleRequest request) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        requireNavRecord(mapping, navKey);
        Optional<Coupling> existing = store.couplings().findByNavKey(mapping.name(), navKey);
        if (existing.isPresent() && !request.recouple()) {
            throw new CouplingConflictException("NAV " + mapping.table() + " " + navKey + " is already coupled to Sales "
                    + mapping.entity().logicalName() + " " + existing.get().salesId() + "; ask for recouple to change it");
        }
        UUID salesId = request.createNew() ? UUID.randomUUID() : findSalesRow(mapping, request);
        Optional<Coupling> other = store.couplings().findBySalesId(mapping.name(), salesId);
        if (other.isPresent() && !other.get().navKey().equals(navKey)) {
            if (!request.recouple()) {
                throw new CouplingConflictException("Sales " + mapping.entity().logicalName() + " " + salesId
                        + " is already coupled to NAV " + mapping.table() + " " + other.get().navKey()
                        + "; ask for recouple to move it");
            }
            uncouple(mapping, other.get().navKey());
        }
        existing.ifPresent(c -> uncouple(mapping, navKey));
        // a new coupling starts pending: its first synchronization writes every field, the chosen side winning
        store.couplings().insertPending(mapping.name(), List.of(new CouplingStore.NewCoupling(navKey, null, salesId)));
        Direction pass = request.createNew() ? Direction.ToIntegrationTable
                : request.noSynchronization() ? null
                : request.synchronize() != null ? request.synchronize() : defaultPass(mapping);
        Map<String, Object> out = view(mapping, store.couplings().findByNavKey(mapping.name(), navKey).orElseThrow());
        if (pass != null) {
            String record = pass == Direction.ToIntegrationTable ? navKey : salesId.toString();
            out.put("jobId", synchronization.startSelected(mapping.name(), pass, List.of(record)).jobId().toString());
        }
        return out;
    }

    public void uncouple(String mappingName, String navKey) {
        IntegrationTableMapping mapping = mappings.get(mappingName);
        if (store.couplings().findByNavKey(mapping.name(), navKey).isEmpty()) {
            throw new NoSuchElementException("NAV " + mapping.table() + " " + navKey + " is not coupled (mapping "
                    + mapping.name() + ")");
        }
        uncouple(mapping, navKey);
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
        if (pass == Direction.FromIntegrationTable) {
            records.forEach(CouplingService::salesId);
        }
        return synchronization.startSelected(mapping.name(), pass, records);
    }

    private void uncouple(IntegrationTableMapping mapping, String navKey) {
        store.inTransaction(c -> {
            store.couplings().applyOutcomes(c, mapping.name(), Direction.ToIntegrationTable, null, SkipPolicy.NEVER,
                    List.of(new CouplingStore.Uncoupled(navKey)));
            return null;
        });
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

    private void requireNavRecord(IntegrationTableMapping mapping, String navKey) {
        if (NavRows.query(nav, queries.rowsByKeys(mapping, List.of(navKey), false)).isEmpty()) {
            throw new NoSuchElementException("no NAV " + mapping.table() + " " + navKey);
        }
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
