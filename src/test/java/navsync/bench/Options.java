package navsync.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code --key value} and {@code --flag} options of the benchmark's command lines. */
final class Options {

    private final Map<String, String> values = new LinkedHashMap<>();

    private Options() {
    }

    /** Parses {@code --key value} pairs; a key followed by another {@code --key} (or nothing) is a flag ("true"). */
    static Options parse(String[] args, List<String> flags) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "' (options are --name value)");
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq > 0) {
                o.values.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (flags.contains(key)) {
                o.values.put(key, "true");
            } else if (i + 1 < args.length) {
                o.values.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value after " + a);
            }
        }
        return o;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String text(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    int integer(String key, int defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : parseCount(key, v);
    }

    double decimal(String key, double defaultValue) {
        String v = values.get(key);
        try {
            return v == null ? defaultValue : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " needs a number, got '" + v + "'");
        }
    }

    boolean flag(String key) {
        String v = values.get(key);
        return v != null && !v.equals("false");
    }

    Map<String, String> all() {
        return values;
    }

    /** A count such as {@code 100000}, {@code 100_000}, {@code 100k} or {@code 1m}. */
    static int parseCount(String key, String text) {
        String v = text.trim().replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
        int factor = 1;
        if (v.endsWith("k")) {
            factor = 1_000;
            v = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            factor = 1_000_000;
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Math.multiplyExact(Integer.parseInt(v), factor);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--" + key + " needs a whole number, got '" + text + "'");
        }
    }
}
