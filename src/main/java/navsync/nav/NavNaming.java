package navsync.nav;

/**
 * NAV's SQL naming: table names carry the company ("CRONUS International Ltd_$Customer") and the
 * characters {@code . / \ ' " % [ ]} of field and table names become {@code _} ("Phone No." is
 * column "Phone No_"). Identifiers are quoted with brackets, valid T-SQL and H2 MSSQLServer mode.
 */
public final class NavNaming {

    private NavNaming() {
    }

    /** SQL name of a NAV field or table name. */
    public static String sqlName(String navName) {
        StringBuilder out = new StringBuilder(navName.length());
        for (char c : navName.toCharArray()) {
            out.append(".\\/'\"%[]".indexOf(c) >= 0 ? '_' : c);
        }
        return out.toString();
    }

    /** The company-qualified SQL table name. */
    public static String companyTable(String company, String sqlTable) {
        return company + "$" + sqlTable;
    }

    /** A bracket-quoted identifier; a closing bracket inside is doubled as T-SQL requires. */
    public static String quote(String identifier) {
        return "[" + identifier.replace("]", "]]") + "]";
    }
}
