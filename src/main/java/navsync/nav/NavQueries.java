package navsync.nav;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import navsync.mapping.FieldMapping;
import navsync.mapping.FilterOperator;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.TableFilterCondition;

/**
 * Builds the statements that read a mapping's NAV table: the columns the mapping needs, the table
 * filter as parameters (never SQL text from a file), and the change condition on the row version.
 */
public final class NavQueries {

    public static final String KEY = "navsyncKey";
    public static final String RECORD_ID = "navsyncRecordId";
    public static final String ROW_VERSION = "timestamp";
    private static final String RECORD_ID_COLUMN = "$systemId";

    private final NavSchema schema;
    private final NavDialect dialect;

    public NavQueries(NavSchema schema, NavDialect dialect) {
        this.schema = schema;
        this.dialect = dialect;
    }

    /** Rows changed after {@code watermark} (all rows when null), in row-version order. */
    public NavQuery changedRows(IntegrationTableMapping mapping, Long watermark) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = filterConditions(mapping, parameters);
        if (watermark != null) {
            parameters.put("watermark", watermark);
            conditions.add(dialect.rowVersionAbove(":?watermark"));
        }
        if (dialect.committedRowVersions() != null) {
            conditions.add(dialect.committedRowVersions());
        }
        return new NavQuery(select(mapping) + where(conditions) + " ORDER BY [timestamp]", parameters);
    }

    /** The rows with these keys that pass the table filter. */
    public NavQuery rowsByKeys(IntegrationTableMapping mapping, List<String> keys) {
        return rowsByKeys(mapping, keys, true);
    }

    /** The rows with these keys, through the table filter or not (a coupled record stays coupled outside it). */
    public NavQuery rowsByKeys(IntegrationTableMapping mapping, List<String> keys, boolean filtered) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = filtered ? filterConditions(mapping, parameters) : new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            parameters.put("key" + i, keys.get(i));
            names.add(":?key" + i);
        }
        conditions.add(NavNaming.quote(mapping.navKeyColumn()) + " IN (" + String.join(", ", names) + ")");
        return new NavQuery(select(mapping) + where(conditions), parameters);
    }

    /** The keys of these that exist in the table, whatever its filter (the deletion sweep's question). */
    public NavQuery existingKeys(IntegrationTableMapping mapping, List<String> keys) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            parameters.put("key" + i, keys.get(i));
            names.add(":?key" + i);
        }
        String key = NavNaming.quote(mapping.navKeyColumn());
        return new NavQuery("SELECT " + key + " AS " + NavNaming.quote(KEY) + " FROM "
                + NavNaming.quote(table(mapping).sqlName()) + " WHERE " + key + " IN (" + String.join(", ", names) + ")",
                parameters);
    }

    /**
     * The pairs (from, to) of a relation table's rows whose {@code column} (its from or to column) is
     * one of {@code values} and that match its conditions.
     */
    public NavQuery relation(navsync.mapping.Relation relation, String column, List<String> values) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Object> condition : relation.where().entrySet()) {
            parameters.put("where" + n, condition.getValue());
            conditions.add(NavNaming.quote(condition.getKey()) + " = :?where" + n++);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            parameters.put("value" + i, values.get(i));
            names.add(":?value" + i);
        }
        conditions.add(NavNaming.quote(column) + " IN (" + String.join(", ", names) + ")");
        String table = NavNaming.companyTable(schema.company(), relation.sqlTable());
        return new NavQuery("SELECT " + NavNaming.quote(relation.fromColumn()) + " AS [from], "
                + NavNaming.quote(relation.toColumn()) + " AS [to] FROM " + NavNaming.quote(table) + where(conditions),
                parameters);
    }

    private String select(IntegrationTableMapping mapping) {
        NavTable table = table(mapping);
        Set<String> columns = new LinkedHashSet<>();
        for (FieldMapping field : mapping.fields()) {
            if (field.navColumn() != null) {
                columns.add(field.navColumn());
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(NavNaming.quote(mapping.navKeyColumn())).append(" AS ").append(NavNaming.quote(KEY));
        if (table.column(RECORD_ID_COLUMN).isPresent()) {
            sql.append(", ").append(NavNaming.quote(RECORD_ID_COLUMN)).append(" AS ").append(NavNaming.quote(RECORD_ID));
        }
        sql.append(", ").append(dialect.rowVersionColumn());
        for (String column : columns) {
            sql.append(", ").append(NavNaming.quote(column));
        }
        return sql.append(" FROM ").append(NavNaming.quote(table.sqlName())).toString();
    }

    private List<String> filterConditions(IntegrationTableMapping mapping, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        int n = 0;
        for (TableFilterCondition condition : mapping.tableFilter()) {
            String column = NavNaming.quote(condition.column());
            if (condition.operator() == FilterOperator.in) {
                List<String> names = new ArrayList<>();
                for (Object value : condition.values()) {
                    String name = "filter" + n++;
                    parameters.put(name, value);
                    names.add(":?" + name);
                }
                conditions.add(column + " IN (" + String.join(", ", names) + ")");
            } else if (condition.operator() == FilterOperator.startswith) {
                String name = "filter" + n++;
                parameters.put(name, escapeLike(String.valueOf(condition.value())) + "%");
                conditions.add(column + " LIKE :?" + name + " ESCAPE '\\'");
            } else {
                String name = "filter" + n++;
                parameters.put(name, condition.value());
                conditions.add(column + " " + condition.operator().sql() + " :?" + name);
            }
        }
        return conditions;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace("[", "\\[");
    }

    private NavTable table(IntegrationTableMapping mapping) {
        return schema.table(mapping.sqlTable()).orElseThrow(() -> new IllegalStateException(
                "NAV table " + mapping.sqlTable() + " disappeared"));
    }

}
