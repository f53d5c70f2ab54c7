package navsync.sandbox.odata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import navsync.sandbox.error.DataverseException;

/**
 * The query string of a request, split into the OData system query options the sandbox understands. Option names
 * are case-sensitive [Q-OVR]; {@code $skip}, {@code $search} and {@code $format} are rejected as Dataverse does
 * [Q-OVR]; {@code @name} parameter aliases are kept for $filter/$orderby [Q-OVR]. The raw parts are kept so that
 * {@code @odata.nextLink} can repeat the request verbatim.
 */
public final class QueryOptions {
    public static final QueryOptions EMPTY = new QueryOptions(Map.of(), Map.of(), List.of());

    private final Map<String, String> options;
    private final Map<String, String> aliases;
    private final List<String> rawParts;

    private QueryOptions(Map<String, String> options, Map<String, String> aliases, List<String> rawParts) {
        this.options = options;
        this.aliases = aliases;
        this.rawParts = rawParts;
    }

    public static QueryOptions parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        Map<String, String> options = new HashMap<>();
        Map<String, String> aliases = new HashMap<>();
        List<String> raw = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            raw.add(part);
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            if (name.startsWith("@")) {
                aliases.put(name, value);
            } else if (name.startsWith("$")) {
                switch (name) {
                    case "$select", "$filter", "$orderby", "$top", "$count", "$skiptoken", "$expand", "$deltatoken" -> {
                        if (options.put(name, value) != null) {
                            throw DataverseException.query("Query option '" + name
                                    + "' was specified more than once, but it must be specified at most once.");
                        }
                    }
                    case "$skip", "$search", "$format" -> throw DataverseException.query(
                            "The query parameter " + name + " is not supported");
                    case "$apply" -> throw DataverseException.notImplemented("The query option " + name);
                    default -> throw DataverseException.query("The query parameter " + name + " is not supported");
                }
            }
            // custom query options (no $ or @) are ignored, as OData does
        }
        return new QueryOptions(Collections.unmodifiableMap(options), Collections.unmodifiableMap(aliases),
                List.copyOf(raw));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw DataverseException.query("The query string is not correctly URL-encoded: " + s);
        }
    }

    public String get(String name) {
        return options.get(name);
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public Map<String, String> aliases() {
        return aliases;
    }

    /** The raw query without {@code $skiptoken}, for building the next link. */
    public String rawWithoutSkipToken() {
        return rawWithout("skiptoken");
    }

    /** The raw query without the given system query options (names without {@code $}). */
    public String rawWithout(String... names) {
        StringBuilder sb = new StringBuilder();
        for (String p : rawParts) {
            if (isOption(p, names)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p);
        }
        return sb.toString();
    }

    private static boolean isOption(String rawPart, String... names) {
        for (String n : names) {
            if (rawPart.startsWith("$" + n + "=") || rawPart.startsWith("%24" + n + "=") || rawPart.equals("$" + n)) {
                return true;
            }
        }
        return false;
    }

    /** {@code $top} as an int; null when absent. */
    public Integer top() {
        String t = options.get("$top");
        if (t == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(t.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw DataverseException.query("Invalid value '" + t + "' for $top query option found. The $top query "
                    + "option requires a non-negative integer value.");
        }
    }

    /** {@code $count=true|false}; false when absent. */
    public boolean count() {
        String c = options.get("$count");
        if (c == null || c.equals("false")) {
            return false;
        }
        if (c.equals("true")) {
            return true;
        }
        throw DataverseException.query("'" + c + "' is not a valid count option.");
    }
}
