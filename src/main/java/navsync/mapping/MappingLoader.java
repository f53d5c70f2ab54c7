package navsync.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import navsync.nav.NavColumn;
import navsync.nav.NavNaming;
import navsync.nav.NavSchema;
import navsync.nav.NavTable;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads every {@code *.yaml} and {@code *.yml} file of the mappings folder and validates it against the NAV tables'
 * real columns. All problems of all files are reported together, each with file, line and key; a
 * folder with any problem yields no mappings at all.
 */
public final class MappingLoader {

    private static final Set<String> MAPPING_KEYS = Set.of("name", "table", "entity", "direction",
            "synchOnlyCoupledRecords", "tableFilter", "integrationTableFilter", "fields", "batchSize", "dependsOn",
            "conflictResolution", "mergeFallback", "deletionResolution", "newRecords", "schedule", "skip",
            "salesChanges", "deletionSweep", "option", "allowOverlapWith");
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
    private final SalesMetadata sales;

    /** A loader that checks the files against NAV only (Sales attributes for their form). */
    public MappingLoader(NavSchema schema, int defaultBatchSize) {
        this(schema, defaultBatchSize, null);
    }

    /** A loader that also checks Sales attributes, lookups, constants and Sales filters against {@code sales}. */
    public MappingLoader(NavSchema schema, int defaultBatchSize, SalesMetadata sales) {
        this.schema = schema;
        this.defaultBatchSize = defaultBatchSize;
        this.sales = sales;
    }

    /** Loads all mapping files of {@code folder}, in file-name order. */
    public List<IntegrationTableMapping> loadFolder(Path folder) {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new MappingException(List.of(new MappingProblem(folder.toString(), 0, "", "cannot read the mappings folder: " + e.getMessage())));
        }
        if (files.isEmpty()) {
            throw new MappingException(List.of(new MappingProblem(folder.toString(), 0, "", "no *.yaml or *.yml mapping files")));
        }
        return loadFiles(files);
    }

    public List<IntegrationTableMapping> loadFiles(List<Path> files) {
        List<MappingProblem> problems = new ArrayList<>();
        Map<String, LoadedMapping> byName = new LinkedHashMap<>();
        // names of files with problems: a reference to one is not reported again, its file's problems are the cause
        Set<String> failedNames = new HashSet<>();
        boolean unnamedFailure = false;
        for (Path file : files) {
            int before = problems.size();
            YamlNode.Problems fileProblems = new YamlNode.Problems(file.toString(), problems);
            Optional<LoadedMapping> loaded = loadFile(file, fileProblems);
            if (loaded.isEmpty() || loaded.get().mapping() == null || problems.size() != before) {
                loaded.ifPresentOrElse(l -> failedNames.add(l.name()), () -> { });
                unnamedFailure |= loaded.isEmpty();
                continue;
            }
            LoadedMapping mapping = loaded.get();
            LoadedMapping other = byName.putIfAbsent(mapping.name(), mapping);
            if (other != null) {
                fileProblems.add(mapping.nameLine(), "name", "mapping name '" + mapping.name()
                        + "' is already used by " + other.mapping().file() + ":" + other.nameLine());
            }
        }
        boolean causeUnknown = unnamedFailure;
        Predicate<String> unknown = name -> !byName.containsKey(name) && !failedNames.contains(name)
                && !causeUnknown;
        Set<String> known = new java.util.TreeSet<>(byName.keySet());
        for (LoadedMapping loaded : byName.values()) {
            IntegrationTableMapping mapping = loaded.mapping();
            loaded.dependencyLines().forEach((dependency, at) -> {
                if (unknown.test(dependency)) {
                    problems.add(new MappingProblem(mapping.file().toString(), at.line(), at.key(),
                            "no mapping named '" + dependency + "'; known: " + known));
                }
            });
            for (FieldMapping field : mapping.fields()) {
                if (field.lookup() == null) {
                    continue;
                }
                String key = field.lookup().option() ? "option" : "lookup";
                LoadedMapping target = byName.get(field.lookup().mapping());
                if (target == null && unknown.test(field.lookup().mapping())) {
                    problems.add(new MappingProblem(mapping.file().toString(), field.line(), key,
                            "no mapping named '" + field.lookup().mapping() + "' to look '" + field.navField()
                                    + "' up in; known: " + known));
                } else if (target != null && target.mapping().isOptionMapping() != field.lookup().option()) {
                    problems.add(new MappingProblem(mapping.file().toString(), field.line(), key, field.lookup().option()
                            ? "'" + target.name() + "' is not an option mapping; use 'lookup: " + target.name() + "'"
                            : "'" + target.name() + "' is an option mapping; use 'option: " + target.name() + "'"));
                }
            }
        }
        problems.addAll(MappingOverlaps.find(byName.values(), unknown));
        if (problems.isEmpty()) {
            findCycle(byName).ifPresent(cycle -> {
                LoadedMapping first = byName.get(cycle.get(0));
                LoadedMapping.KeyLine at = first.dependencyLines().get(cycle.get(1));
                problems.add(new MappingProblem(first.mapping().file().toString(), at.line(), at.key(),
                        "mappings depend on each other in a cycle " + String.join(" -> ", cycle) + "; remove one of them"
                                + " from dependsOn (a lookup that closes a cycle is filled in a second pass)"));
            });
        }
        if (!problems.isEmpty()) {
            throw new MappingException(problems);
        }
        return byName.values().stream().map(LoadedMapping::mapping).toList();
    }

    /** A cycle of {@code dependsOn}, as the names along it, if there is one (lookups may form cycles). */
    private static Optional<List<String>> findCycle(Map<String, LoadedMapping> byName) {
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

    private static Optional<List<String>> walk(String name, Map<String, LoadedMapping> byName,
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
        for (String dependency : byName.get(name).mapping().dependsOn()) {
            Optional<List<String>> cycle = walk(dependency, byName, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(name, 2);
        return Optional.empty();
    }


    private Optional<LoadedMapping> loadFile(Path file, YamlNode.Problems problems) {
        Optional<Node> document = YamlDocument.read(file, problems);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        Node root = document.get();
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
        SalesMetadata.Table salesTable = entity == null || sales == null ? null : sales.table(entity.logicalName()).orElse(null);
        if (entity != null && sales != null && salesTable == null) {
            keys.get("entity").problem("the Sales organization has no table '" + entity.logicalName() + "'");
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
        if (integrationFilter != null && salesTable != null) {
            Optional<String> refused = sales.filterError(entity, integrationFilter);
            if (refused.isPresent()) {
                keys.get("integrationTableFilter").problem("Sales refuses this $filter on " + entity.entitySet() + ": "
                        + refused.get());
            }
        }
        Map<String, LoadedMapping.KeyLine> dependencyLines = names(keys.get("dependsOn"));
        List<String> dependsOn = List.copyOf(dependencyLines.keySet());
        Map<String, LoadedMapping.KeyLine> allowOverlapWith = names(keys.get("allowOverlapWith"));
        List<TableFilterCondition> filter = keys.containsKey("tableFilter")
                ? readFilter(keys.get("tableFilter"), table, tableName) : List.of();
        List<FieldMapping> fields = keys.containsKey("fields")
                ? readFields(keys.get("fields"), table, tableName, salesTable, direction) : List.of();
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
        OptionMapping option = optionMapping ? readOption(keys, table, tableName, salesTable, direction, deletions) : null;
        if (name == null) {
            return Optional.empty();
        }
        IntegrationTableMapping mapping = table == null || entity == null || direction == null ? null
                : new IntegrationTableMapping(name, file, tableName, sqlTable, table.primaryKey().get(0), entity,
                direction, onlyCoupled, filter, integrationFilter, fields, batchSize, dependsOn, conflicts,
                mergeFallback, deletions, numberSeries, navDefaults, schedule, skip, salesChanges, deletionSweep, option);
        return Optional.of(new LoadedMapping(name, mapping, keys.get("name").line(),
                new LoadedMapping.KeyLine(keys.getOrDefault("table", top).line(), "table"), dependencyLines, allowOverlapWith));
    }

    /** A list of mapping names ({@code dependsOn}, {@code allowOverlapWith}) with the line and key of each. */
    private static Map<String, LoadedMapping.KeyLine> names(YamlNode node) {
        Map<String, LoadedMapping.KeyLine> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        for (YamlNode item : node.items()) {
            String name = item.text();
            if (name != null && out.putIfAbsent(name, new LoadedMapping.KeyLine(item.line(), item.path())) != null) {
                item.problem("'" + name + "' is listed twice");
            }
        }
        return out;
    }

    private static String text(YamlNode node) {
        return node == null ? null : node.text();
    }

    /**
     * An option mapping's {@code option: {attribute, labelField}}: one way (NAV's rule), no field pairs
     * (the NAV code pairs with the option's label), deletions none, restore or uncouple.
     */
    private OptionMapping readOption(Map<String, YamlNode> keys, NavTable table, String tableName,
                                     SalesMetadata.Table salesTable, Direction direction, DeletionResolution deletions) {
        YamlNode node = keys.get("option");
        Map<String, YamlNode> option = node.fields(OPTION_KEYS);
        String attribute = text(option.get("attribute"));
        if (attribute == null) {
            node.problem("'attribute' is missing: the Sales choice column, e.g. paymenttermscode");
        } else if (!ATTRIBUTE.matcher(attribute).matches()) {
            option.get("attribute").problem("'" + attribute + "' is not a Sales attribute logical name");
        } else {
            salesAttributeType(option.get("attribute"), salesTable, attribute);
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
            NavColumn navColumn = column == null ? null : table.column(column).orElse(null);
            YamlNode valueNode = keys.get("value");
            Object value = valueNode == null ? null : valueNode.isSequence()
                    ? valueNode.items().stream().map(v -> navValue(v, field, navColumn)).toList()
                    : navValue(valueNode, field, navColumn);
            if (operator != null && value instanceof List<?> && operator != FilterOperator.in) {
                valueNode.problem("a list of values needs operator 'in'");
            }
            if (operator == FilterOperator.startswith && navColumn != null && !navColumn.isText()) {
                keys.get("operator").problem("startswith compares text, and NAV field '" + field + "' "
                        + kindOf(navColumn));
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
                if (cron != null && new org.quartz.CronExpression(cron).getNextValidTimeAfter(new Date()) == null) {
                    keys.get("cron").problem("'" + cron + "' never fires: no time from now on matches it");
                    return null;
                }
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
            Object value = navValue(entry.getValue(), entry.getKey(), column == null ? null : table.column(column).orElse(null));
            if (column != null && value != null) {
                out.put(column, value);
            }
        }
        return out;
    }

    private List<FieldMapping> readFields(YamlNode node, NavTable table, String tableName, SalesMetadata.Table salesTable,
                                          Direction mappingDirection) {
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
            Direction direction = keys.containsKey("direction") ? keys.get("direction").enumValue(Direction.class) : mappingDirection;
            String column = navField == null ? null : resolveColumn(keys.get("nav"), navField, table, tableName);
            YamlNode constantNode = keys.get("constant");
            Object constant = null;
            if (constantNode != null && navField != null) {
                constant = navValue(constantNode, navField, column == null ? null : table.column(column).orElse(null));
            } else if (constantNode != null && constantNode.isNull()) {
                constantNode.problem("YAML null is no value for a constant; quote it ('null') for the text");
            } else if (constantNode != null) {
                constant = constantNode.value();
            }
            if (column != null && NAV_SYSTEM_COLUMNS.contains(column)) {
                keys.get("nav").problem("'" + navField + "' is maintained by NAV itself and cannot be mapped");
            }
            if (sales != null && !ATTRIBUTE.matcher(sales).matches()) {
                keys.get("sales").problem("'" + sales + "' is not a Sales attribute logical name (lower case, e.g. telephone1)");
            }
            if (constantNode != null) {
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
            if (salesTable != null && sales != null && ATTRIBUTE.matcher(sales).matches()) {
                checkSalesSide(salesTable, keys, sales, constant);
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
                    if (pattern == null) {
                        yield null;
                    }
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

    /**
     * A pair's Sales side against the organization's metadata: a lookup's navigation property and lookup column
     * ({@code _x_value}), else the attribute, and a constant's type.
     */
    private static void checkSalesSide(SalesMetadata.Table table, Map<String, YamlNode> keys, String sales, Object constant) {
        if (keys.containsKey("lookup")) {
            if (!table.navigationProperties().contains(sales)) {
                keys.get("sales").problem("Sales table '" + table.logicalName() + "' has no navigation property '" + sales
                        + "' (a lookup's sales side)" + hint(sales, table.navigationProperties()));
            }
            YamlNode at = keys.getOrDefault("lookupAttribute", keys.get("sales"));
            String attribute = keys.containsKey("lookupAttribute") ? keys.get("lookupAttribute").text() : sales;
            if (attribute != null && !table.properties().containsKey("_" + attribute + "_value")) {
                Set<String> lookups = new HashSet<>();
                table.properties().keySet().stream().filter(p -> p.startsWith("_") && p.endsWith("_value"))
                        .forEach(p -> lookups.add(p.substring(1, p.length() - "_value".length())));
                at.problem("Sales table '" + table.logicalName() + "' has no lookup column '" + attribute + "' (read as _"
                        + attribute + "_value)" + hint(attribute, lookups));
            }
            return;
        }
        String type = salesAttributeType(keys.get("sales"), table, sales);
        if (type != null && constant != null) {
            salesConstantProblem(type, constant).ifPresent(problem -> keys.get("constant").problem("Sales attribute '"
                    + sales + "' is " + type + ": " + problem));
        }
    }

    /** The Edm type of {@code attribute} of Sales table {@code table}; null (with a problem at {@code at}) when it has none. */
    private static String salesAttributeType(YamlNode at, SalesMetadata.Table table, String attribute) {
        if (table == null) {
            return null;
        }
        String type = table.properties().get(attribute);
        if (type == null) {
            at.problem("Sales table '" + table.logicalName() + "' has no attribute '" + attribute + "'"
                    + hint(attribute, table.properties().keySet()));
        }
        return type;
    }

    /** What is wrong with a constant for a Sales attribute of this Edm type, if anything. */
    private static Optional<String> salesConstantProblem(String edmType, Object constant) {
        boolean fits = switch (edmType) {
            case "Edm.String" -> constant instanceof String;
            case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte" -> constant instanceof Long;
            case "Edm.Decimal", "Edm.Double", "Edm.Single" -> constant instanceof Long || constant instanceof BigDecimal;
            case "Edm.Boolean" -> constant instanceof Boolean;
            case "Edm.Guid" -> constant instanceof String text
                    && text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
            default -> true;
        };
        if (fits) {
            return Optional.empty();
        }
        return Optional.of(edmType.equals("Edm.String")
                ? "quote the constant, '" + constant + "', or YAML reads it as a " + (constant instanceof Boolean ? "Boolean" : "number")
                : "the constant '" + constant + "' is not " + switch (edmType) {
                    case "Edm.Boolean" -> "true or false";
                    case "Edm.Guid" -> "a GUID";
                    case "Edm.Decimal", "Edm.Double", "Edm.Single" -> "a number";
                    default -> "a whole number";
                });
    }

    private static String hint(String wanted, Set<String> candidates) {
        return closest(wanted, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    /**
     * A value written to or compared with NAV field {@code navField} (a filter value, a constant, a default), as its
     * column holds it; null with a problem when it is not one. The column decides, not YAML's guess: text must be
     * quoted where YAML would read a number or a Boolean (01234 is the number 1234). Unknown column: as YAML reads it.
     */
    private static Object navValue(YamlNode node, String navField, NavColumn column) {
        if (node.isNull()) {
            node.problem("YAML null is no value: NAV fields are never NULL (blank text is '', a blank number 0)");
            return null;
        }
        Object value = node.value();
        if (value instanceof List<?>) {
            node.problem("expected a single value for NAV field '" + navField + "'");
            return null;
        }
        if (column == null || value == null) {
            return value;
        }
        String problem = null;
        if (column.isText()) {
            if (!(value instanceof String text)) {
                problem = "quote the value, '" + node.text() + "', or YAML reads it as the "
                        + (value instanceof Boolean ? "Boolean " : "number ") + value;
            } else if (column.size() > 0 && text.length() > column.size()) {
                problem = "'" + text + "' is longer than its " + column.size() + " characters";
            }
        } else if (column.isBoolean()) {
            if (!(value instanceof Boolean) && !(value instanceof Long n && (n == 0 || n == 1))) {
                problem = "'" + value + "' is not one";
            }
        } else if (column.isInteger()) {
            if (!(value instanceof Long)) {
                problem = "'" + value + "' is not one";
            }
        } else if (column.isDecimal()) {
            if (!(value instanceof Long) && !(value instanceof BigDecimal)) {
                problem = "'" + value + "' is not one";
            }
        } else if (column.isDate() || column.isDateTime()) {
            try {
                if (column.isDate()) {
                    LocalDate.parse(String.valueOf(value));
                } else {
                    LocalDateTime.parse(String.valueOf(value));
                }
            } catch (DateTimeParseException e) {
                problem = "'" + value + "' is not one";
            }
        }
        if (problem != null) {
            node.problem("NAV field '" + navField + "' " + kindOf(column) + ": " + problem);
            return null;
        }
        return value;
    }

    /** What a NAV column holds, for messages. */
    private static String kindOf(NavColumn column) {
        if (column.isText()) {
            return "holds text";
        }
        if (column.isBoolean()) {
            return "holds true/false (0 or 1)";
        }
        if (column.isInteger()) {
            return "holds whole numbers";
        }
        if (column.isDecimal()) {
            return "holds numbers";
        }
        if (column.isDate()) {
            return "holds dates (yyyy-MM-dd)";
        }
        return column.isDateTime() ? "holds date-times (yyyy-MM-ddTHH:mm:ss)" : "is of type " + column.typeName();
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
                .min(Comparator.<String>comparingInt(c -> distance(lower, c.toLowerCase())).thenComparing(c -> c))
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
