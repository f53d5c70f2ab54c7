package navsync.mapping;

import java.util.Map;

/**
 * A NAV table a lookup goes through to reach the related mapping's record, as NAV's contact reaches
 * its customer through Contact Business Relation: rows whose {@code fromColumn} is the field's
 * value and that match {@code where} give the related key in {@code toColumn}.
 */
public record Relation(String table, String sqlTable, String fromColumn, String toColumn, Map<String, Object> where) {
}
