package navsync.sandbox.odata;

import java.util.regex.Pattern;

/**
 * contains/startswith/endswith: case-insensitive, and {@code % _ [] [^]} inside the literal act as SQL wildcards
 * [Q-FILTER]. Literals without wildcards take a fast path without regular expressions.
 */
final class LikeMatcher {
    enum Mode { CONTAINS, STARTS_WITH, ENDS_WITH }

    private final Mode mode;
    private final String literal;
    private final Pattern pattern;

    LikeMatcher(Mode mode, String literal) {
        this.mode = mode;
        this.literal = literal;
        boolean wildcards = literal.indexOf('%') >= 0 || literal.indexOf('_') >= 0 || literal.indexOf('[') >= 0;
        this.pattern = wildcards ? compile(mode, literal) : null;
    }

    boolean matches(String value) {
        if (pattern != null) {
            return pattern.matcher(value).matches();
        }
        int n = literal.length();
        return switch (mode) {
            case STARTS_WITH -> value.regionMatches(true, 0, literal, 0, n);
            case ENDS_WITH -> value.length() >= n && value.regionMatches(true, value.length() - n, literal, 0, n);
            case CONTAINS -> {
                for (int i = 0, last = value.length() - n; i <= last; i++) {
                    if (value.regionMatches(true, i, literal, 0, n)) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    private static Pattern compile(Mode mode, String like) {
        StringBuilder re = new StringBuilder();
        if (mode != Mode.STARTS_WITH) {
            re.append("(?:.*)");
        }
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else if (c == '[') {
                int close = like.indexOf(']', i + 1);
                if (close < 0) {
                    re.append("\\[");
                    continue;
                }
                String body = like.substring(i + 1, close);
                if (body.isEmpty() || body.equals("^")) {
                    re.append(Pattern.quote(like.substring(i, close + 1)));
                    i = close;
                    continue;
                }
                boolean negate = body.startsWith("^");
                if (negate) {
                    body = body.substring(1);
                }
                re.append(negate ? "[^" : "[");
                for (char b : body.toCharArray()) {
                    if ("\\[]^&".indexOf(b) >= 0) {
                        re.append('\\');
                    }
                    re.append(b);
                }
                re.append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (mode != Mode.ENDS_WITH) {
            re.append("(?:.*)");
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
