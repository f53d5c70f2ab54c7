package navsync.sandbox.schema;

import java.util.List;

/**
 * An alternate key of a table: columns whose values identify a row, usable in URLs as
 * {@code accounts(accountnumber='C10000')} [ALTKEY]. "By default, there are no alternate keys configured" [RETR]: the
 * sandbox defines one only when {@code SandboxOptions.withAlternateKey} asks for it.
 */
public record AlternateKey(String name, List<Attribute> attributes) {
    public AlternateKey {
        attributes = List.copyOf(attributes);
    }

    /** Whether {@code names} (in any order) are exactly this key's columns (lookup parts as {@code _x_value}). */
    public boolean matches(java.util.Collection<String> names) {
        if (names.size() != attributes.size()) {
            return false;
        }
        for (Attribute a : attributes) {
            if (!names.contains(a.propertyName()) && !names.contains(a.logicalName())) {
                return false;
            }
        }
        return true;
    }
}
