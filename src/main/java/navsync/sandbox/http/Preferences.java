package navsync.sandbox.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Prefer} header: comma-separated preferences, values possibly quoted (commas inside quotes belong to
 * the value, e.g. {@code odata.include-annotations="A,B"}) [COMPOSE].
 */
record Preferences(boolean returnRepresentation, Integer maxPageSize, String includeAnnotations, boolean trackChanges,
                   boolean continueOnError) {
    /** Default and maximum page size [Q-PAGE]. */
    static final int MAX_PAGE_SIZE = 5000;

    static Preferences parse(List<String> headerValues) {
        boolean representation = false;
        Integer pageSize = null;
        String annotations = null;
        boolean track = false;
        boolean continueOnError = false;
        if (headerValues != null) {
            for (String header : headerValues) {
                for (String pref : split(header)) {
                    String p = pref.strip();
                    int eq = p.indexOf('=');
                    String name = (eq < 0 ? p : p.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                    String value = eq < 0 ? "" : unquote(p.substring(eq + 1).strip());
                    switch (name) {
                        case "return" -> representation = value.equals("representation");
                        case "odata.maxpagesize" -> pageSize = parsePageSize(value);
                        case "odata.include-annotations" -> annotations = value;
                        case "odata.track-changes" -> track = true;
                        case "odata.continue-on-error" -> continueOnError = true;
                        default -> {
                            // respond-async, ... are not honoured and so not echoed
                        }
                    }
                }
            }
        }
        return new Preferences(representation, pageSize, annotations, track, continueOnError);
    }

    /** The {@code Preference-Applied} value for what a query honoured, or null when nothing. */
    String applied(boolean trackChanges, Integer maxPageSize) {
        List<String> applied = new ArrayList<>(3);
        if (includeAnnotations != null) {
            applied.add("odata.include-annotations=\"" + includeAnnotations + "\"");
        }
        if (trackChanges) {
            applied.add("odata.track-changes");
        }
        if (maxPageSize != null) {
            applied.add("odata.maxpagesize=" + maxPageSize);
        }
        return applied.isEmpty() ? null : String.join(",", applied);
    }

    boolean annotationsRequested() {
        return includeAnnotations != null;
    }

    /** Values above 5000 are capped at 5000; invalid values are ignored (inference: the docs only give the max). */
    private static Integer parsePageSize(String value) {
        try {
            int n = Integer.parseInt(value);
            return n <= 0 ? null : Math.min(n, MAX_PAGE_SIZE);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> split(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
