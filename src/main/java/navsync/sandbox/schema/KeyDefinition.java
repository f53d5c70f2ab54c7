package navsync.sandbox.schema;

import java.util.List;

/** An alternate key to define on a table at start: {@code new KeyDefinition("account", List.of("accountnumber"))}. */
public record KeyDefinition(String table, List<String> columns) {
    public KeyDefinition {
        if (table == null || table.isBlank() || columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("an alternate key needs a table and at least one column");
        }
        columns = List.copyOf(columns);
    }

    /** Parses {@code account:accountnumber} or {@code contact:firstname,emailaddress1}. */
    public static KeyDefinition parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("alternate key must look like table:column[,column...]: " + spec);
        }
        return new KeyDefinition(spec.substring(0, colon).strip(),
                List.of(spec.substring(colon + 1).strip().split("\\s*,\\s*")));
    }

    /** The key's schema name, e.g. {@code account_accountnumber_key} (the real name is chosen by whoever defines it). */
    String keyName() {
        return table + "_" + String.join("_", columns) + "_key";
    }
}
