package navsync.mapping;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import navsync.nav.NavColumn;
import navsync.nav.NavNaming;
import navsync.nav.NavSchema;
import navsync.nav.NavTable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Loads every {@code *.yaml} file of the mappings folder and validates it against the NAV tables'
 * real columns. All problems of all files are reported together, each with file, line and key; a
 * folder with any problem yields no mappings at all.
 */
public final class MappingLoader {

    private static final Set<String> MAPPING_KEYS = Set.of("name", "table", "entity", "direction",
            "synchOnlyCoupledRecords", "tableFilter", "integrationTableFilter", "fields", "batchSize", "dependsOn",
            "conflictResolution", "mergeFallback", "deletionResolution", "newRecords", "schedule", "skip",
            "salesChanges", "deletionSweep", "option");
    private static final Set<String> OPTION_KEYS = Set.of("attribute", "labelField");
    private static final Set<String> SCHEDULE_KEYS = Set.of("interval", "cron", "enabled", "inactivitySleep");
    private static final Set<String> FIELD_KEYS = Set.of("nav", "sales", "direction", "constant", "lookup",
            "lookupAttribute", "whenUncoupled", "through", "notNull", "code", "transform", "rounding", "option",
            "blankIsBaseCurrency");
    private static final Set<String> THROUGH_KEYS = Set.of("table", "from", "to", "where");
    private static final Set<String> NEW_RECORD_KEYS = Set.of("numberSeries", "navDefaults");
    private static final Set<String> FILTER_KEYS = Set.of("field", "operator", "value");
    private static final Pattern MAPPING_NAME = Pattern.compile("[A-Z0-9][A-Z0-9_\\-]{0,19}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z_][a-z0-9_]*");
    /** Maintained by navsync itself; a mapping must not write them. */
    private static final Set<String> NAV_SYSTEM_COLUMNS = Set.of("timestamp", "$systemId", "$systemCreatedAt",
            "$systemModifiedAt", "$systemCreatedBy", "$systemModifiedBy");

    private final NavSchema schema;
    private final int defaultBatchSize;

    public MappingLoader(NavSchema schema, int defaultBatchSize) {
        this.schema = schema;
        this.defaultBatchSize = defaultBatchSize;
    }

    /** Loads all mapping files of {@code folder}, in file-name order. */
    public List<IntegrationTableMapping> loadFolder(Path folder) {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new MappingException(List.of(new MappingProblem(folder.toString(), 0, "", "cannot read the mappings folder: " + e.getMessage())));
        }
        if (files.isEmpty()) {
            throw new MappingException(List.of(new MappingProblem(folder.toString(), 0, "", "no *.yaml mapping files")));
        }
        return loadFiles(files);
    }

    public List<IntegrationTableMapping> loadFiles(List<Path> files) {
        List<MappingProblem> problems = new ArrayList<>();
        List<IntegrationTableMapping> mappings = new ArrayList<>();
        Map<String, IntegrationTableMapping> byName = new HashMap<>();
        Map<String, Integer> nameLines = new HashMap<>();
        for (Path file : files) {
            int before = problems.size();
            YamlNode.Problems fileProblems = new YamlNode.Problems(file.toString(), problems);
            Optional<LoadedMapping> loaded = loadFile(file, fileProblems);
            if (loaded.isPresent() && problems.size() == before) {
                IntegrationTableMapping mapping = loaded.get().mapping();
                IntegrationTableMapping other = byName.putIfAbsent(mapping.name(), mapping);
                if (other != null) {
                    fileProblems.add(loaded.get().nameLine(), "name", "mapping name '" + mapping.name()
                            + "' is already used by " + other.file() + ":" + nameLines.get(mapping.name()));
                } else {
                    nameLines.put(mapping.name(), loaded.get().nameLine());
                    mappings.add(mapping);
                }
            }
        }
        for (IntegrationTableMapping mapping : mappings) {
            for (String dependency : mapping.dependsOn()) {
                if (!byName.containsKey(dependency)) {
                    problems.add(new MappingProblem(mapping.file().toString(), 0, "dependsOn",
                            "no mapping named '" + dependency + "'; known: " + new java.util.TreeSet<>(byName.keySet())));
                }
            }
            for (FieldMapping field : mapping.fields()) {
                if (field.lookup() == null) {
                    continue;
                }
                String key = field.lookup().option() ? "option" : "lookup";
                IntegrationTableMapping target = byName.get(field.lookup().mapping());
                if (target == null) {
                    problems.add(new MappingProblem(mapping.file().toString(), field.line(), key,
                            "no mapping named '" + field.lookup().mapping() + "' to look '" + field.navField()
                                    + "' up in; known: " + new java.util.TreeSet<>(byName.keySet())));
                } else if (target.isOptionMapping() != field.lookup().option()) {
                    problems.add(new MappingProblem(mapping.file().toString(), field.line(), key, field.lookup().option()
                            ? "'" + target.name() + "' is not an option mapping; use 'lookup: " + target.name() + "'"
                            : "'" + target.name() + "' is an option mapping; use 'option: " + target.name() + "'"));
                }
            }
        }
        if (problems.isEmpty()) {
            findCycle(byName).ifPresent(cycle -> problems.add(new MappingProblem(byName.get(cycle.get(0)).file().toString(),
                    0, "dependsOn", "mappings depend on each other in a cycle " + String.join(" -> ", cycle)
                    + "; remove one of them from dependsOn (a lookup that closes a cycle is filled in a second pass)")));
        }
        if (!problems.isEmpty()) {
            throw new MappingException(problems);
        }
        return List.copyOf(mappings);
    }

    /** A cycle of {@code dependsOn}, as the names along it, if there is one (lookups may form cycles). */
    private static Optional<List<String>> findCycle(Map<String, IntegrationTableMapping> byName) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : new java.util.TreeSet<>(byName.keySet())) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> cycle = walk(start, byName, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> walk(String name, Map<String, IntegrationTableMapping> byName,
                                               Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(name);
        if (seen != null && seen == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            return Optional.of(cycle);
        }
        if (seen != null || !byName.containsKey(name)) {
            return Optional.empty();
        }
        state.put(name, 1);
        path.add(name);
        for (String dependency : byName.get(name).dependsOn()) {
            Optional<List<String>> cycle = walk(dependency, byName, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(name, 2);
        return Optional.empty();
    }

    private record LoadedMapping(IntegrationTableMapping mapping, int nameLine) {
    }

    private Optional<LoadedMapping> loadFile(Path file, YamlNode.Problems problems) {
        Node root;
        try (Reader reader = Files.newBufferedReader(file)) {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, reader)));
            root = composer.getSingleNode().orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            problems.add(line, "", "not valid YAML: " + e.getProblem());
            return Optional.empty();
        } catch (YamlEngineException | IOException e) {
            problems.add(0, "", "cannot read: " + e.getMessage());
            return Optional.empty();
        }
        if (root == null) {
            problems.add(1, "", "the file is empty");
            return Optional.empty();
        }
        YamlNode top = new YamlNode(root, "", problems);
        Map<String, YamlNode> keys = top.fields(MAPPING_KEYS);
        boolean optionMapping = keys.containsKey("option");
        for (String required : List.of("name", "table", "entity", "direction", "fields")) {
            if (top.isMapping() && !keys.containsKey(required) && !(optionMapping && required.equals("fields"))) {
                problems.add(top.line(), required, "required key is missing");
            }
        }
        String name = text(keys.get("name"));
        if (name != null && !MAPPING_NAME.matcher(name).matches()) {
            keys.get("name").problem("'" + name + "' is not a NAV mapping name (upper case, at most 20 characters, e.g. CUSTOMER)");
        }
        String tableName = text(keys.get("table"));
        NavTable table = null;
        String sqlTable = tableName == null ? null : NavNaming.sqlName(tableName);
        if (tableName != null) {
            table = schema.table(sqlTable).orElse(null);
            if (table == null) {
                keys.get("table").problem("company '" + schema.company() + "' has no NAV table '" + tableName
                        + "' (SQL table " + schema.qualifiedName(sqlTable) + ")");
            } else if (table.primaryKey().size() != 1) {
                keys.get("table").problem("NAV table '" + tableName + "' has a primary key of " + table.primaryKey().size()
                        + " columns " + table.primaryKey() + "; only single-field keys are supported");
            }
        }
        SalesEntity entity = null;
        String entityName = text(keys.get("entity"));
        if (entityName != null) {
            entity = SalesEntity.byLogicalName(entityName).orElse(null);
            if (entity == null) {
                keys.get("entity").problem("unknown Sales entity '" + entityName + "'; known: " + SalesEntity.knownLogicalNames());
            }
        }
        Direction direction = keys.containsKey("direction") ? keys.get("direction").enumValue(Direction.class) : null;
        boolean onlyCoupled = !keys.containsKey("synchOnlyCoupledRecords")
                || Boolean.TRUE.equals(keys.get("synchOnlyCoupledRecords").bool());
        int batchSize = defaultBatchSize;
        if (keys.containsKey("batchSize")) {
            Integer size = keys.get("batchSize").integer();
            if (size != null && (size < 1 || size > 1000)) {
                keys.get("batchSize").problem("must be between 1 and 1000 (Dataverse bulk requests), got " + size);
            } else if (size != null) {
                batchSize = size;
            }
        }
        String integrationFilter = keys.containsKey("integrationTableFilter") ? text(keys.get("integrationTableFilter")) : null;
        List<String> dependsOn = keys.containsKey("dependsOn")
                ? keys.get("dependsOn").items().stream().map(YamlNode::text).filter(java.util.Objects::nonNull).toList()
                : List.of();
        List<TableFilterCondition> filter = keys.containsKey("tableFilter")
                ? readFilter(keys.get("tableFilter"), table, tableName) : List.of();
        List<FieldMapping> fields = keys.containsKey("fields")
                ? readFields(keys.get("fields"), table, tableName, direction) : List.of();
        if (direction != null && keys.containsKey("fields") && direction != Direction.Bidirectional
                && fields.stream().noneMatch(f -> f.direction() == direction)) {
            keys.get("fields").problem("no field pair has the mapping's direction " + direction
                    + " (NAV requires at least one)");
        }
        ConflictResolution conflicts = keys.containsKey("conflictResolution")
                ? keys.get("conflictResolution").enumValue(ConflictResolution.class) : ConflictResolution.none;
        ConflictResolution mergeFallback = keys.containsKey("mergeFallback")
                ? keys.get("mergeFallback").enumValue(ConflictResolution.class) : ConflictResolution.none;
        if (mergeFallback == ConflictResolution.merge) {
            keys.get("mergeFallback").problem("the fallback of a merge must be none, navWins or salesWins");
        } else if (keys.containsKey("mergeFallback") && conflicts != ConflictResolution.merge) {
            keys.get("mergeFallback").problem("only used with conflictResolution: merge");
        }
        DeletionResolution deletions = keys.containsKey("deletionResolution")
                ? keys.get("deletionResolution").enumValue(DeletionResolution.class) : DeletionResolution.none;
        String numberSeries = null;
        Map<String, Object> navDefaults = Map.of();
        if (keys.containsKey("newRecords")) {
            Map<String, YamlNode> newRecords = keys.get("newRecords").fields(NEW_RECORD_KEYS);
            if (newRecords.containsKey("numberSeries")) {
                numberSeries = newRecords.get("numberSeries").text();
                if (numberSeries != null && !numberSeries.matches(".*\\d$")) {
                    newRecords.get("numberSeries").problem("'" + numberSeries + "' must end with digits, e.g. CUST-0001");
                }
            }
            if (newRecords.containsKey("navDefaults")) {
                navDefaults = readNavDefaults(newRecords.get("navDefaults"), table, tableName);
            }
        }
        Schedule schedule = keys.containsKey("schedule") ? readSchedule(keys.get("schedule")) : null;
        SkipPolicy skip = keys.containsKey("skip") ? readSkip(keys.get("skip")) : null;
        SalesChanges salesChanges = readSalesChanges(keys.get("salesChanges"), direction);
        DeletionSweep deletionSweep = readDeletionSweep(keys.get("deletionSweep"));
        OptionMapping option = optionMapping ? readOption(keys, table, tableName, direction, deletions) : null;
        if (name == null || table == null || entity == null || direction == null) {
            return Optional.empty();
        }
        IntegrationTableMapping mapping = new IntegrationTableMapping(name, file, tableName, sqlTable,
                table.primaryKey().get(0), entity, direction, onlyCoupled, filter, integrationFilter, fields,
                batchSize, dependsOn, conflicts, mergeFallback, deletions, numberSeries, navDefaults, schedule, skip,
                salesChanges, deletionSweep, option);
        return Optional.of(new LoadedMapping(mapping, keys.get("name").line()));
    }

    private static String text(YamlNode node) {
        return node == null ? null : node.text();
    }

    /**
     * An option mapping's {@code option: {attribute, labelField}}: one way (NAV's rule), no field pairs
     * (the NAV code pairs with the option's label), deletions none, restore or uncouple.
     */
    private OptionMapping readOption(Map<String, YamlNode> keys, NavTable table, String tableName, Direction direction,
                                     DeletionResolution deletions) {
        YamlNode node = keys.get("option");
        Map<String, YamlNode> option = node.fields(OPTION_KEYS);
        String attribute = text(option.get("attribute"));
        if (attribute == null) {
            node.problem("'attribute' is missing: the Sales choice column, e.g. paymenttermscode");
        } else if (!ATTRIBUTE.matcher(attribute).matches()) {
            option.get("attribute").problem("'" + attribute + "' is not a Sales attribute logical name");
        }
        String labelField = text(option.get("labelField"));
        String labelColumn = labelField == null ? null : resolveColumn(option.get("labelField"), labelField, table, tableName);
        if (direction == Direction.Bidirectional) {
            keys.get("direction").problem("an option mapping runs one way (NAV's rule): ToIntegrationTable or"
                    + " FromIntegrationTable");
        }
        if (keys.containsKey("fields")) {
            keys.get("fields").problem("an option mapping has no field pairs: the NAV code pairs with the option's label");
        }
        if (deletions == DeletionResolution.propagate) {
            keys.get("deletionResolution").problem("an option mapping resolves deletions with none, restore or uncouple");
        }
        return attribute == null ? null : new OptionMapping(attribute, labelColumn);
    }

    private List<TableFilterCondition> readFilter(YamlNode node, NavTable table, String tableName) {
        List<TableFilterCondition> out = new ArrayList<>();
        for (YamlNode item : node.items()) {
            Map<String, YamlNode> keys = item.fields(FILTER_KEYS);
            if (!item.isMapping()) {
                continue;
            }
            for (String required : List.of("field", "operator", "value")) {
                if (!keys.containsKey(required)) {
                    item.problem("'" + required + "' is missing");
                }
            }
            String field = text(keys.get("field"));
            String column = field == null ? null : resolveColumn(keys.get("field"), field, table, tableName);
            FilterOperator operator = null;
            String opText = text(keys.get("operator"));
            if (opText != null) {
                operator = FilterOperator.parse(opText).orElse(null);
                if (operator == null) {
                    keys.get("operator").problem("'" + opText + "' is not one of " + List.of(FilterOperator.values()));
                }
            }
            Object value = keys.containsKey("value") ? keys.get("value").value() : null;
            if (operator != null && value instanceof List<?> && operator != FilterOperator.in) {
                keys.get("value").problem("a list of values needs operator 'in'");
            }
            if (column != null && operator != null && value != null) {
                out.add(new TableFilterCondition(field, column, operator, value));
            }
        }
        return List.copyOf(out);
    }

    private Relation readRelation(YamlNode node) {
        Map<String, YamlNode> keys = node.fields(THROUGH_KEYS);
        for (String required : List.of("table", "from", "to")) {
            if (node.isMapping() && !keys.containsKey(required)) {
                node.problem("'" + required + "' is missing");
            }
        }
        String tableName = text(keys.get("table"));
        NavTable table = tableName == null ? null : schema.table(NavNaming.sqlName(tableName)).orElse(null);
        if (tableName != null && table == null) {
            keys.get("table").problem("company '" + schema.company() + "' has no NAV table '" + tableName
                    + "' (SQL table " + schema.qualifiedName(NavNaming.sqlName(tableName)) + ")");
            return null;
        }
        String from = keys.containsKey("from") ? resolveColumn(keys.get("from"), keys.get("from").text(), table, tableName) : null;
        String to = keys.containsKey("to") ? resolveColumn(keys.get("to"), keys.get("to").text(), table, tableName) : null;
        Map<String, Object> where = keys.containsKey("where") ? readNavDefaults(keys.get("where"), table, tableName) : Map.of();
        return from == null || to == null ? null : new Relation(tableName, NavNaming.sqlName(tableName), from, to, where);
    }

    /** {@code salesChanges: modifiedOn} (default) or {@code changeTracking}, which needs a Sales -> NAV pass. */
    private static SalesChanges readSalesChanges(YamlNode node, Direction direction) {
        SalesChanges changes = node == null ? null : node.enumValue(SalesChanges.class);
        if (changes == SalesChanges.changeTracking && direction != null && !direction.includes(Direction.FromIntegrationTable)) {
            node.problem("changeTracking reads Sales changes for the Sales -> NAV pass, which a " + direction
                    + " mapping does not have; remove salesChanges");
        }
        return changes == null ? SalesChanges.modifiedOn : changes;
    }

    /** {@code deletionSweep: 6h} (default), {@code everyPass} or {@code never}. */
    private static DeletionSweep readDeletionSweep(YamlNode node) {
        String text = node == null ? null : node.text();
        if (text == null) {
            return DeletionSweep.DEFAULT;
        }
        try {
            return DeletionSweep.parse(text);
        } catch (IllegalArgumentException e) {
            node.problem(e.getMessage());
            return DeletionSweep.DEFAULT;
        }
    }

    /** {@code skip: 3} (after 3 failures in a row), {@code skip: sameErrorTwice} or {@code skip: never}. */
    private static SkipPolicy readSkip(YamlNode node) {
        String text = node.text();
        if (text == null) {
            return null;
        }
        if (text.equals("never")) {
            return SkipPolicy.NEVER;
        }
        if (text.equals("sameErrorTwice")) {
            return SkipPolicy.SAME_ERROR_TWICE;
        }
        if (text.matches("[1-9]\\d{0,3}")) {
            return SkipPolicy.afterFailures(Integer.parseInt(text));
        }
        node.problem("'" + text + "' is not a skip policy: a number of failures in a row, sameErrorTwice, or never");
        return null;
    }

    private static Schedule readSchedule(YamlNode node) {
        Map<String, YamlNode> keys = node.fields(SCHEDULE_KEYS);
        if (keys.containsKey("interval") == keys.containsKey("cron")) {
            node.problem("give either 'interval' (e.g. 30m) or 'cron' (a Quartz cron expression)");
            return null;
        }
        boolean enabled = !keys.containsKey("enabled") || Boolean.TRUE.equals(keys.get("enabled").bool());
        Duration sleep = keys.containsKey("inactivitySleep") ? readDuration(keys.get("inactivitySleep")) : null;
        if (keys.containsKey("cron")) {
            String cron = keys.get("cron").text();
            try {
                new org.quartz.CronExpression(cron);
            } catch (java.text.ParseException | RuntimeException e) {
                keys.get("cron").problem("'" + cron + "' is not a Quartz cron expression: " + e.getMessage());
                return null;
            }
            return new Schedule(null, cron, enabled, sleep);
        }
        Duration interval = readDuration(keys.get("interval"));
        if (interval != null && sleep != null && sleep.compareTo(interval) <= 0) {
            keys.get("inactivitySleep").problem("inactivitySleep (" + keys.get("inactivitySleep").text()
                    + ") must be longer than the interval (" + keys.get("interval").text() + ")");
            return null;
        }
        return interval == null ? null : new Schedule(interval, null, enabled, sleep);
    }

    private static Duration readDuration(YamlNode node) {
        String text = node.text();
        try {
            return text == null ? null : Schedule.parseInterval(text);
        } catch (IllegalArgumentException e) {
            node.problem(e.getMessage());
            return null;
        }
    }

    private Map<String, Object> readNavDefaults(YamlNode node, NavTable table, String tableName) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!node.isMapping()) {
            node.problem("expected NAV field names with their values");
            return out;
        }
        for (Map.Entry<String, YamlNode> entry : node.entries().entrySet()) {
            String column = resolveColumn(entry.getValue(), entry.getKey(), table, tableName);
            Object value = entry.getValue().value();
            if (column != null && value != null) {
                out.put(column, value);
            }
        }
        return out;
    }

    private List<FieldMapping> readFields(YamlNode node, NavTable table, String tableName, Direction mappingDirection) {
        List<FieldMapping> out = new ArrayList<>();
        Map<String, Integer> salesTargets = new LinkedHashMap<>();
        Set<String> navTargets = new HashSet<>();
        for (YamlNode item : node.items()) {
            Map<String, YamlNode> keys = item.fields(FIELD_KEYS);
            if (!item.isMapping()) {
                continue;
            }
            String navField = text(keys.get("nav"));
            String sales = text(keys.get("sales"));
            Object constant = keys.containsKey("constant") ? keys.get("constant").value() : null;
            Direction direction = keys.containsKey("direction") ? keys.get("direction").enumValue(Direction.class) : mappingDirection;
            String column = navField == null ? null : resolveColumn(keys.get("nav"), navField, table, tableName);
            if (column != null && NAV_SYSTEM_COLUMNS.contains(column)) {
                keys.get("nav").problem("'" + navField + "' is maintained by NAV itself and cannot be mapped");
            }
            if (sales != null && !ATTRIBUTE.matcher(sales).matches()) {
                keys.get("sales").problem("'" + sales + "' is not a Sales attribute logical name (lower case, e.g. telephone1)");
            }
            if (constant != null) {
                if (navField != null && sales != null) {
                    item.problem("a constant goes to one side only: give 'nav' or 'sales', not both");
                } else if (navField == null && sales == null) {
                    item.problem("a constant needs the 'nav' field or 'sales' attribute it is written to");
                } else if (sales != null && direction != null && direction != Direction.ToIntegrationTable) {
                    keys.getOrDefault("direction", item).problem("a constant for Sales attribute '" + sales
                            + "' must have direction ToIntegrationTable");
                } else if (navField != null && direction != null && direction != Direction.FromIntegrationTable) {
                    keys.getOrDefault("direction", item).problem("a constant for NAV field '" + navField
                            + "' must have direction FromIntegrationTable");
                }
            } else if (navField == null || sales == null) {
                item.problem("a field pair needs both 'nav' and 'sales' (or a 'constant' for one side)");
            }
            if (direction != null && mappingDirection != null && mappingDirection != Direction.Bidirectional
                    && direction != Direction.Bidirectional && direction != mappingDirection) {
                keys.getOrDefault("direction", item).problem("direction " + direction
                        + " is outside the mapping's direction " + mappingDirection);
            }
            if (sales != null && direction != null && direction.includes(Direction.ToIntegrationTable)) {
                Integer previous = salesTargets.putIfAbsent(sales, item.line());
                if (previous != null) {
                    item.problem("Sales attribute '" + sales + "' is already written by the pair on line " + previous);
                }
            }
            if (column != null && direction != null && direction.includes(Direction.FromIntegrationTable)
                    && !navTargets.add(column)) {
                item.problem("NAV field '" + navField + "' is already written by another pair");
            }
            Lookup lookup = null;
            if (keys.containsKey("option")) {
                String target = keys.get("option").text();
                UncoupledLookup whenUnmapped = keys.containsKey("whenUncoupled")
                        ? keys.get("whenUncoupled").enumValue(UncoupledLookup.class) : UncoupledLookup.clear;
                if (keys.containsKey("lookup") || keys.containsKey("through") || keys.containsKey("lookupAttribute")) {
                    item.problem("a pair translates through 'option' or through 'lookup', not both");
                } else if (whenUnmapped == UncoupledLookup.synchronize) {
                    keys.get("whenUncoupled").problem("an option is not synchronized first: clear, keep or fail");
                } else if (navField == null || sales == null) {
                    item.problem("an option pair needs both 'nav' and 'sales' (the choice column)");
                } else if (target != null && whenUnmapped != null) {
                    lookup = new Lookup(target, sales, whenUnmapped, null, true, false);
                }
            } else if (keys.containsKey("lookup")) {
                String target = keys.get("lookup").text();
                String attribute = keys.containsKey("lookupAttribute") ? keys.get("lookupAttribute").text() : sales;
                UncoupledLookup whenUncoupled = keys.containsKey("whenUncoupled")
                        ? keys.get("whenUncoupled").enumValue(UncoupledLookup.class) : UncoupledLookup.fail;
                if (navField == null || sales == null) {
                    item.problem("a lookup needs both 'nav' and 'sales' (the navigation property)");
                } else if (target != null && attribute != null && whenUncoupled != null) {
                    Relation through = keys.containsKey("through") ? readRelation(keys.get("through")) : null;
                    if (!keys.containsKey("through") || through != null) {
                        lookup = new Lookup(target, attribute, whenUncoupled, through, false,
                                keys.containsKey("blankIsBaseCurrency")
                                        && Boolean.TRUE.equals(keys.get("blankIsBaseCurrency").bool()));
                    }
                }
            } else {
                for (String only : List.of("lookupAttribute", "whenUncoupled", "through", "blankIsBaseCurrency")) {
                    if (keys.containsKey(only)) {
                        keys.get(only).problem("only used with 'lookup'");
                    }
                }
            }
            boolean notNull = keys.containsKey("notNull") && Boolean.TRUE.equals(keys.get("notNull").bool());
            boolean code = keys.containsKey("code") ? Boolean.TRUE.equals(keys.get("code").bool())
                    : navField != null && looksLikeCode(navField);
            List<Transformation> transformations = List.of();
            if (keys.containsKey("transform")) {
                if (lookup != null || constant != null) {
                    keys.get("transform").problem("transformations apply to field pairs, not to lookups or constants");
                } else {
                    transformations = readTransformations(keys.get("transform"), direction);
                }
            }
            Rounding rounding = keys.containsKey("rounding") ? keys.get("rounding").enumValue(Rounding.class) : Rounding.warn;
            out.add(new FieldMapping(navField, column, sales, direction, constant, lookup, notNull, code, transformations,
                    rounding == null ? Rounding.warn : rounding, item.line()));
        }
        return List.copyOf(out);
    }

    private static final Set<String> TRANSFORMATIONS = Set.of("trim", "upper", "lower", "maxLength", "replace", "regex",
            "dateFormat", "numberFormat");

    /**
     * A pair's {@code transform} list: trim, upper, lower, or one-key mappings maxLength: N,
     * replace: {from, to}, regex: {pattern, replacement}, dateFormat: PATTERN, numberFormat: PATTERN.
     */
    private static List<Transformation> readTransformations(YamlNode node, Direction direction) {
        List<Transformation> out = new ArrayList<>();
        if (!node.isSequence()) {
            node.problem("a list of transformations: trim, upper, lower, maxLength, replace, regex, dateFormat, numberFormat");
            return out;
        }
        for (YamlNode item : node.items()) {
            String name = item.isScalar() ? item.text() : null;
            YamlNode argument = null;
            if (item.isMapping()) {
                Map<String, YamlNode> entries = item.entries();
                if (entries.size() != 1) {
                    item.problem("one transformation per list item, e.g. '- maxLength: 50'");
                    continue;
                }
                name = entries.keySet().iterator().next();
                argument = entries.get(name);
            }
            if (name == null || !TRANSFORMATIONS.contains(name)) {
                item.problem("unknown transformation '" + name + "'; known: " + new java.util.TreeSet<>(TRANSFORMATIONS));
                continue;
            }
            boolean needsArgument = !Set.of("trim", "upper", "lower").contains(name);
            if (needsArgument != (argument != null)) {
                item.problem(needsArgument ? "'" + name + "' needs a value, e.g. '- " + name + ": ...'"
                        : "'" + name + "' takes no value: write '- " + name + "'");
                continue;
            }
            Transformation t = switch (name) {
                case "trim" -> new Transformation.Trim();
                case "upper" -> new Transformation.Upper();
                case "lower" -> new Transformation.Lower();
                case "maxLength" -> {
                    Integer length = argument.integer();
                    if (length != null && length < 1) {
                        argument.problem("maxLength must be at least 1");
                    }
                    yield length == null || length < 1 ? null : new Transformation.MaxLength(length);
                }
                case "replace" -> {
                    Map<String, YamlNode> r = argument.fields(Set.of("from", "to"));
                    String from = r.containsKey("from") ? r.get("from").text() : null;
                    if (from == null || from.isEmpty()) {
                        argument.problem("replace needs a non-empty 'from' (and 'to', default empty)");
                        yield null;
                    }
                    yield new Transformation.Replace(from, r.containsKey("to") ? String.valueOf(r.get("to").value()) : "");
                }
                case "regex" -> {
                    Map<String, YamlNode> r = argument.fields(Set.of("pattern", "replacement"));
                    String pattern = r.containsKey("pattern") ? r.get("pattern").text() : null;
                    try {
                        yield pattern == null ? null : new Transformation.Regex(java.util.regex.Pattern.compile(pattern),
                                r.containsKey("replacement") ? String.valueOf(r.get("replacement").value()) : "");
                    } catch (java.util.regex.PatternSyntaxException e) {
                        argument.problem("invalid regular expression: " + e.getDescription());
                        yield null;
                    }
                }
                case "dateFormat", "numberFormat" -> {
                    String pattern = argument.text();
                    if (direction != Direction.ToIntegrationTable) {
                        item.problem(name + " turns a NAV value into Sales text, one way: the pair needs direction"
                                + " ToIntegrationTable");
                        yield null;
                    }
                    try {
                        yield name.equals("dateFormat") ? new Transformation.DateFormat(pattern)
                                : validNumberFormat(pattern);
                    } catch (IllegalArgumentException e) {
                        argument.problem("invalid " + name + " pattern '" + pattern + "': " + e.getMessage());
                        yield null;
                    }
                }
                default -> throw new IllegalStateException(name);
            };
            if (t != null) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static Transformation validNumberFormat(String pattern) {
        new java.text.DecimalFormat(pattern);
        return new Transformation.NumberFormat(pattern);
    }

    /**
     * NAV's Code fields by their usual names ("No.", "Code", "Post Code", "Salesperson Code"); SQL does
     * not tell Code from Text, so a pair can say {@code code: true|false} where the name misleads.
     */
    static boolean looksLikeCode(String navField) {
        if (navField.equals("No.") || navField.equals("Code") || navField.endsWith(" Code")) {
            return true;
        }
        return navField.endsWith(" No.") && !navField.matches(".*(Phone|Fax|Telex|Registration|Account|Pager).*");
    }

    private String resolveColumn(YamlNode at, String navField, NavTable table, String tableName) {
        if (table == null) {
            return null;
        }
        String column = NavNaming.sqlName(navField);
        Optional<NavColumn> found = table.column(column);
        if (found.isPresent()) {
            return column;
        }
        String hint = closest(column, table.columns().keySet()).map(c -> "; did you mean '" + c + "'?").orElse("");
        at.problem("NAV table '" + tableName + "' has no field '" + navField + "' (SQL column " + column + ")" + hint);
        return null;
    }

    private static Optional<String> closest(String wanted, Set<String> candidates) {
        String lower = wanted.toLowerCase();
        return candidates.stream()
                .filter(c -> !c.startsWith("$") && !c.equals("timestamp"))
                .min(Comparator.comparingInt(c -> distance(lower, c.toLowerCase())))
                .filter(c -> distance(lower, c.toLowerCase()) <= Math.max(2, wanted.length() / 3));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
