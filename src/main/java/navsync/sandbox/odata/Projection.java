package navsync.sandbox.odata;

import java.util.ArrayList;
import java.util.List;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.schema.NavigationProperty;
import navsync.sandbox.schema.Schema;

/**
 * What a response shows of each row: the columns ({@code $select}) and the single-valued navigation properties to
 * expand ({@code $expand=primarycontactid($select=fullname)}), recursively [Q-JOIN].
 */
public record Projection(Selection selection, List<Expansion> expansions) {
    /** At most 15 $expand options per query [Q-JOIN]. */
    static final int MAX_EXPANDS = 15;

    /** One expanded single-valued navigation property and what to show of the related row. */
    public record Expansion(NavigationProperty nav, EntityType target, Projection projection) {
    }

    public static Projection all(EntityType type) {
        return new Projection(Selection.all(type), List.of());
    }

    public static Projection parse(Schema schema, EntityType type, String select, String expand) {
        int[] count = new int[1];
        return parse(schema, type, select, expand, count);
    }

    private static Projection parse(Schema schema, EntityType type, String select, String expand, int[] count) {
        Selection selection = Selection.parse(type, select);
        List<Expansion> expansions = new ArrayList<>();
        if (expand != null && !expand.isBlank()) {
            for (String item : split(expand, ',')) {
                if (++count[0] > MAX_EXPANDS) {
                    throw DataverseException.query("The number of $expand options exceeds the maximum of "
                            + MAX_EXPANDS + ".");
                }
                expansions.add(expansion(schema, type, item.strip(), count));
            }
        }
        return new Projection(selection, List.copyOf(expansions));
    }

    private static Expansion expansion(Schema schema, EntityType type, String item, int[] count) {
        int open = item.indexOf('(');
        String name = (open < 0 ? item : item.substring(0, open)).strip();
        if (name.endsWith("/$ref")) {
            throw DataverseException.notImplemented("$expand with $ref");
        }
        NavigationProperty nav = type.navigationProperty(name);
        if (nav == null) {
            throw Selection.unknownProperty(type, name);
        }
        EntityType target = null;
        for (String t : nav.targets()) {
            target = target != null ? target : schema.byLogicalName(t);
        }
        if (target == null) {
            throw DataverseException.notImplemented("Expanding '" + name + "' (its table " + nav.targets() + ")");
        }
        String select = null;
        String nested = null;
        if (open >= 0) {
            if (!item.endsWith(")")) {
                throw DataverseException.query("Syntax error in $expand: '" + item + "'.");
            }
            for (String option : split(item.substring(open + 1, item.length() - 1), ';')) {
                String o = option.strip();
                if (o.startsWith("$select=")) {
                    select = o.substring("$select=".length());
                } else if (o.startsWith("$expand=")) {
                    nested = o.substring("$expand=".length());
                } else if (!o.isEmpty()) {
                    // $filter/$orderby/$top apply to collections; a lookup expands to one row (OData 4.0)
                    throw DataverseException.query("The query option '" + o.split("=")[0] + "' is not allowed "
                            + "when expanding the single-valued navigation property '" + name + "'.");
                }
            }
        }
        return new Expansion(nav, target, parse(schema, target, select, nested, count));
    }

    /** Splits at {@code separator} outside parentheses and quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /**
     * The select list of {@code @odata.context}: {@code (name,primarycontactid(fullname))}, or empty when all columns
     * and nothing expanded (OData 4.0 context URL rules).
     */
    public String contextSuffix() {
        List<String> items = new ArrayList<>();
        if (selection.contextSelect() != null) {
            items.add(selection.contextSelect());
        }
        for (Expansion e : expansions) {
            items.add(e.nav().name() + e.projection().contextSuffixOrEmpty());
        }
        return items.isEmpty() ? "" : "(" + String.join(",", items) + ")";
    }

    private String contextSuffixOrEmpty() {
        String s = contextSuffix();
        return s.isEmpty() ? "()" : s;
    }
}
