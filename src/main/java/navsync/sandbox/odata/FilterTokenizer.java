package navsync.sandbox.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import navsync.sandbox.error.DataverseException;

/** Splits a $filter expression into tokens. Literal forms follow OData 4.0 URL conventions. */
final class FilterTokenizer {
    enum Kind { LPAREN, RPAREN, COMMA, STRING, NUMBER, GUID, DATETIME, DATE, IDENT, ALIAS, END }

    record Token(Kind kind, String text, int pos) {
    }

    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,7})?)?(Z|z|[+-]\\d{2}:\\d{2})");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?[mMdDfFlL]?");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_./]*");
    private static final Pattern ALIAS = Pattern.compile("@[A-Za-z_][A-Za-z0-9_]*");

    private FilterTokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = DATETIME.matcher(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i++));
                continue;
            }
            if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i++));
                continue;
            }
            if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", i++));
                continue;
            }
            if (c == '\'') {
                StringBuilder sb = new StringBuilder();
                int start = i++;
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i++);
                    if (d == '\'') {
                        if (i < n && text.charAt(i) == '\'') {
                            sb.append('\'');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        sb.append(d);
                    }
                }
                if (!closed) {
                    throw syntax(text, start);
                }
                out.add(new Token(Kind.STRING, sb.toString(), start));
                continue;
            }
            Kind kind = null;
            int end = -1;
            if (lookingAt(m, DATETIME, i, n)) {
                kind = Kind.DATETIME;
                end = m.end();
            } else if (lookingAt(m, GUID, i, n) && !identChar(text, m.end())) {
                kind = Kind.GUID;
                end = m.end();
            } else if (lookingAt(m, DATE, i, n) && !identChar(text, m.end())) {
                kind = Kind.DATE;
                end = m.end();
            } else if (lookingAt(m, NUMBER, i, n) && !identChar(text, m.end())) {
                kind = Kind.NUMBER;
                end = m.end();
            } else if (lookingAt(m, IDENT, i, n)) {
                kind = Kind.IDENT;
                end = m.end();
            } else if (lookingAt(m, ALIAS, i, n)) {
                kind = Kind.ALIAS;
                end = m.end();
            }
            if (kind == null) {
                throw syntax(text, i);
            }
            out.add(new Token(kind, text.substring(i, end), i));
            i = end;
        }
        out.add(new Token(Kind.END, "", n));
        return out;
    }

    private static boolean lookingAt(Matcher m, Pattern p, int from, int to) {
        m.usePattern(p);
        m.region(from, to);
        return m.lookingAt();
    }

    private static boolean identChar(String text, int at) {
        return at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_');
    }

    static DataverseException syntax(String text, int pos) {
        return DataverseException.query("Syntax error at position " + pos + " in '" + text + "'.");
    }
}
