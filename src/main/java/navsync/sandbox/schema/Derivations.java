package navsync.sandbox.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The computed columns of the standard tables. */
public final class Derivations {
    private Derivations() {
    }

    /**
     * {@code fullname} = "first last" (the default "First Name Last Name" format; inference, the reference only
     * says fullname is read-only).
     */
    public static Function<EntityType, Derivation> fullName(String target, String first, String last) {
        return type -> {
            int t = type.attribute(target).index();
            int f = type.attribute(first).index();
            int l = type.attribute(last).index();
            return values -> {
                String joined = join(" ", (String) values[f], (String) values[l]);
                values[t] = joined;
            };
        };
    }

    /**
     * {@code address1_composite}: lines, then "city, state postalcode", then country, separated by CRLF
     * (inference: the reference only says it is a read-only Memo that comes back with the address parts).
     */
    public static Function<EntityType, Derivation> compositeAddress(String prefix) {
        return type -> {
            int composite = type.attribute(prefix + "_composite").index();
            int line1 = type.attribute(prefix + "_line1").index();
            int line2 = type.attribute(prefix + "_line2").index();
            int line3 = type.attribute(prefix + "_line3").index();
            int city = type.attribute(prefix + "_city").index();
            int state = type.attribute(prefix + "_stateorprovince").index();
            int postal = type.attribute(prefix + "_postalcode").index();
            int country = type.attribute(prefix + "_country").index();
            return values -> {
                String cityLine = join(" ", join(", ", (String) values[city], (String) values[state]),
                        (String) values[postal]);
                values[composite] = join("\r\n", (String) values[line1], (String) values[line2],
                        (String) values[line3], cityLine, (String) values[country]);
            };
        };
    }

    /** {@code target} = {@code source} (e.g. systemuser's inherited key {@code ownerid} = {@code systemuserid}). */
    public static Function<EntityType, Derivation> copy(String target, String source) {
        return type -> {
            int t = type.attribute(target).index();
            int s = type.attribute(source).index();
            return values -> values[t] = values[s];
        };
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>(parts.length);
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p.strip());
            }
        }
        return present.isEmpty() ? null : String.join(separator, present);
    }
}
