package navsync.nav;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
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

    private final NavSchema schema;
    private final NavDialect dialect;

    public NavQueries(NavSchema schema, NavDialect dialect) {
        this.schema = schema;
        this.dialect = dialect;
    }

    /**
     * Rows changed after {@code watermark} (all rows when null), in row-version order, below the
     * versions of transactions still in flight ({@code nav} computes that bound on the demo database).
     */
    public NavQuery changedRows(IntegrationTableMapping mapping, Long watermark, DataSource nav) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = changeConditions(mapping, watermark, nav, parameters);
        return new NavQuery(select(mapping) + where(conditions) + " ORDER BY [timestamp]", parameters);
    }

    /**
     * The wake-up probe of a sleeping schedule: one row (its key) if any row in the filter changed
     * after {@code watermark} (null: any row at all), none otherwise; the same conditions as {@link #changedRows}, read with
     * {@code TOP 1} so the database stops at the first match.
     */
    public NavQuery anyChangedRow(IntegrationTableMapping mapping, Long watermark, DataSource nav) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = changeConditions(mapping, watermark, nav, parameters);
        return new NavQuery("SELECT TOP 1 " + NavNaming.quote(mapping.navKeyColumn()) + " AS " + NavNaming.quote(KEY)
                + " FROM " + NavNaming.quote(table(mapping).sqlName()) + where(conditions), parameters);
    }

    private List<String> changeConditions(IntegrationTableMapping mapping, Long watermark, DataSource nav,
                                          Map<String, Object> parameters) {
        List<String> conditions = filterConditions(mapping, parameters);
        if (watermark != null) {
            parameters.put("watermark", watermark);
            conditions.add(dialect.rowVersionAbove(":?watermark"));
        }
        Long bound = dialect.inFlightBound(nav, table(mapping).sqlName(), mapping.navKeyColumn(), watermark);
        if (bound != null) {
            parameters.put(NavDialect.IN_FLIGHT_BOUND, bound);
        }
        conditions.add(dialect.committedRowVersions());
        return conditions;
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
        String table = schema.qualifiedName(relation.sqlTable());
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
        NavPlatform.RECORD_ID_COLUMNS.stream().filter(c -> table.column(c).isPresent()).findFirst().ifPresent(c ->
                sql.append(", ").append(NavNaming.quote(c)).append(" AS ").append(NavNaming.quote(RECORD_ID)));
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
