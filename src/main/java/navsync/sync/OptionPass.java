package navsync.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import navsync.mapping.DeletionResolution;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.nav.NavChange;
import navsync.nav.NavColumn;
import navsync.nav.NavQueries;
import navsync.nav.NavRows;
import navsync.nav.NavWriter;
import navsync.sales.OptionSets;
import navsync.sales.SalesException;
import navsync.state.JobCounters;
import navsync.state.JobStore;
import navsync.state.OptionCouplingStore.OptionCoupling;
import navsync.state.StateStore;
import org.apache.camel.Exchange;

/**
 * One pass of an option mapping (NAV's CRM Option Mapping, G3): the whole NAV table (tens of codes)
 * against the options of the choice column. NAV -> Sales pairs each code with the option of the same
 * label (case-insensitive) or, unless only coupled records synchronize, adds that option with
 * InsertOptionValue; Sales -> NAV pairs each option with the NAV record of its label as code, or
 * creates it. A pairing whose other side disappeared follows the deletion rule: restore recreates it,
 * uncouple drops the pairing, none fails it.
 */
public final class OptionPass {

    private final StateStore store;
    private final OptionSets optionSets;
    private final Sides sides;
    private final NavQueries queries;
    private final DataSource nav;
    private final NavWriter writer;

    OptionPass(StateStore store, OptionSets optionSets, Sides sides, NavQueries queries, DataSource nav, NavWriter writer) {
        this.store = store;
        this.optionSets = optionSets;
        this.sides = sides;
        this.queries = queries;
        this.nav = nav;
        this.writer = writer;
    }

    /** What the pass changes: pairings to store and drop, NAV records to insert, counters and errors. */
    private static final class Outcome {
        final List<OptionCoupling> paired = new ArrayList<>();
        final List<String> unpaired = new ArrayList<>();
        final List<JobStore.NewError> errors = new ArrayList<>();
        int inserted;
        int unchanged;
        int coupled;
        int uncoupled;
    }

    /** The route's step: runs the job's pass over the whole option set. */
    public void synchronize(Exchange exchange) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        IntegrationTableMapping mapping = run.mapping();
        String entity = mapping.entity().logicalName();
        String attribute = mapping.option().attribute();
        Map<String, Map<String, Object>> navRows = new TreeMap<>();
        for (Map<String, Object> row : NavRows.query(nav, queries.changedRows(mapping, null, nav))) {
            navRows.put(NavToSales.key(row), row);
        }
        Map<Integer, String> options = optionSets.options(entity, attribute);
        Map<String, OptionCoupling> pairings = store.optionCouplings().all(mapping.name());
        run.requireLock();
        Outcome out = run.pass() == Direction.ToIntegrationTable
                ? toSales(run, navRows.keySet(), options, pairings)
                : fromSales(run, navRows.keySet(), options, pairings);
        JobCounters delta = new JobCounters(out.inserted, 0, 0, out.unchanged, 0, out.errors.size(), out.coupled,
                out.uncoupled);
        run.requireLock();
        store.inTransaction(c -> {
            if (!run.isPreview()) {
                store.optionCouplings().apply(c, mapping.name(), out.paired, out.unpaired);
            }
            store.jobs().record(c, run.id(), mapping.name(), delta, out.errors);
            return null;
        });
        run.add(delta);
    }

    private Outcome toSales(JobRun run, Set<String> codes, Map<Integer, String> options,
                            Map<String, OptionCoupling> pairings) {
        IntegrationTableMapping mapping = run.mapping();
        String column = mapping.entity().logicalName() + "." + mapping.option().attribute();
        Outcome out = new Outcome();
        Set<Integer> used = new HashSet<>();
        pairings.values().forEach(p -> used.add(p.value()));
        for (String code : codes) {
            OptionCoupling pairing = pairings.get(code);
            try {
                if (pairing != null && options.containsKey(pairing.value())) {
                    out.unchanged++;
                } else if (pairing != null) {
                    optionDeleted(run, out, code, pairing, column);
                } else {
                    Integer match = byLabel(options, code, used);
                    if (match != null) {
                        used.add(match);
                        out.paired.add(new OptionCoupling(code, match, options.get(match)));
                        out.coupled++;
                        report(run, code, "couple", match);
                    } else if (!mapping.synchOnlyCoupledRecords()) {
                        int value = run.isPreview() ? 0 : optionSets.insert(mapping.entity().logicalName(),
                                mapping.option().attribute(), code);
                        used.add(value);
                        out.paired.add(new OptionCoupling(code, value, code));
                        out.inserted++;
                        report(run, code, "insert", null);
                    }
                }
            } catch (SalesException e) {
                fail(run, out, code, "NAV " + mapping.table() + " " + code + ": adding the option to " + column
                        + " failed: " + e.getMessage());
            }
        }
        for (String gone : pairings.keySet()) {
            if (!codes.contains(gone)) {
                out.unpaired.add(gone); // the NAV record is gone: its option stays, rows may use it
                out.uncoupled++;
                report(run, gone, "uncouple", pairings.get(gone).value());
            }
        }
        return out;
    }

    private void optionDeleted(JobRun run, Outcome out, String code, OptionCoupling pairing, String column) {
        IntegrationTableMapping mapping = run.mapping();
        String what = "option " + pairing.value() + " ('" + pairing.label() + "') of " + column
                + " paired with NAV " + mapping.table() + " " + code + " was deleted in Sales";
        if (mapping.deletionResolution() == DeletionResolution.restore) {
            int value = run.isPreview() ? 0 : optionSets.insert(mapping.entity().logicalName(), mapping.option().attribute(), code);
            out.paired.add(new OptionCoupling(code, value, code));
            out.inserted++;
            report(run, code, "insert", null);
        } else if (mapping.deletionResolution() == DeletionResolution.uncouple) {
            out.unpaired.add(code);
            out.uncoupled++;
            report(run, code, "uncouple", pairing.value());
        } else {
            fail(run, out, code, what + " (deletionResolution none)");
        }
    }

    private Outcome fromSales(JobRun run, Set<String> codes, Map<Integer, String> options,
                              Map<String, OptionCoupling> pairings) {
        IntegrationTableMapping mapping = run.mapping();
        NavColumn key = sides.table(mapping).column(mapping.navKeyColumn()).orElseThrow();
        Map<Integer, OptionCoupling> byValue = new HashMap<>();
        pairings.values().forEach(p -> byValue.put(p.value(), p));
        Outcome out = new Outcome();
        Map<String, NavChange> inserts = new LinkedHashMap<>();
        Map<String, Integer> insertedValues = new HashMap<>();
        for (Map.Entry<Integer, String> option : options.entrySet()) {
            int value = option.getKey();
            OptionCoupling pairing = byValue.get(value);
            if (pairing != null && codes.contains(pairing.navKey())) {
                out.unchanged++;
                continue;
            }
            if (pairing != null && mapping.deletionResolution() != DeletionResolution.restore) {
                if (mapping.deletionResolution() == DeletionResolution.uncouple) {
                    out.unpaired.add(pairing.navKey());
                    out.uncoupled++;
                    report(run, pairing.navKey(), "uncouple", value);
                } else {
                    fail(run, out, pairing.navKey(), "NAV " + mapping.table() + " " + pairing.navKey() + " paired with option "
                            + value + " of " + mapping.option().attribute() + " was deleted (deletionResolution none)");
                }
                continue;
            }
            String code = pairing != null ? pairing.navKey() : codeOf(option.getValue(), key.size());
            OptionCoupling other = pairings.get(code);
            if (code.isEmpty() || other != null && other.value() != value || inserts.containsKey(code)) {
                fail(run, out, code, "option " + value + " ('" + option.getValue() + "') of " + mapping.option().attribute()
                        + " cannot be paired: its NAV " + mapping.table() + " code '" + code + "' is "
                        + (code.isEmpty() ? "blank" : "taken by another option"));
                continue;
            }
            if (pairing == null && codes.contains(code)) {
                out.paired.add(new OptionCoupling(code, value, option.getValue()));
                out.coupled++;
                report(run, code, "couple", value);
            } else if (pairing != null || !mapping.synchOnlyCoupledRecords()) {
                Map<String, Object> values = new LinkedHashMap<>();
                if (mapping.option().labelField() != null) {
                    values.put(mapping.option().labelField(), option.getValue());
                }
                inserts.put(code, new NavChange.Insert(code, values));
                insertedValues.put(code, value);
                report(run, code, "insert", value);
            }
        }
        if (!inserts.isEmpty() && !run.isPreview()) {
            NavWriter.Outcome written = writer.apply(sides.table(mapping), mapping.navKeyColumn(), mapping.navDefaults(),
                    sides.blanks(mapping), new ArrayList<>(inserts.values()));
            written.failures().forEach((code, message) -> fail(run, out, code, "NAV " + mapping.table() + " " + code
                    + ": " + message));
            inserts.keySet().removeAll(written.failures().keySet());
        }
        for (String code : inserts.keySet()) {
            int value = insertedValues.get(code);
            out.paired.add(new OptionCoupling(code, value, options.get(value)));
            out.inserted++;
        }
        for (OptionCoupling pairing : pairings.values()) {
            if (!options.containsKey(pairing.value())) {
                out.unpaired.add(pairing.navKey()); // the option is gone from Sales: the NAV record stays
                out.uncoupled++;
                report(run, pairing.navKey(), "uncouple", pairing.value());
            }
        }
        return out;
    }

    /** The option not paired yet whose label is the code (case-insensitive), or null. */
    private static Integer byLabel(Map<Integer, String> options, String code, Set<Integer> used) {
        for (Map.Entry<Integer, String> option : options.entrySet()) {
            if (!used.contains(option.getKey()) && option.getValue().trim().equalsIgnoreCase(code)) {
                return option.getKey();
            }
        }
        return null;
    }

    /** NAV's code for an option label: trimmed, upper case, cut to the Code field's length (NAV G1/G2). */
    static String codeOf(String label, int length) {
        String code = label.trim().toUpperCase(Locale.ROOT);
        return length > 0 && code.length() > length ? code.substring(0, length).trim() : code;
    }

    private static void fail(JobRun run, Outcome out, String code, String message) {
        out.errors.add(new JobStore.NewError(code, null, message));
        if (run.isPreview()) {
            run.report(new PreviewRecord(run.pass().name(), code, null, "fail", null, null, message));
        }
    }

    private static void report(JobRun run, String code, String action, Integer value) {
        if (run.isPreview()) {
            run.report(new PreviewRecord(run.pass().name(), code, null, action,
                    value == null ? null : com.fasterxml.jackson.databind.node.IntNode.valueOf(value), null, null));
        }
    }
}
