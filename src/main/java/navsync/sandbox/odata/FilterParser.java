package navsync.sandbox.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.odata.FilterTokenizer.Kind;
import navsync.sandbox.odata.FilterTokenizer.Token;
import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.AttributeType;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.schema.NavigationProperty;
import navsync.sandbox.store.DataStore;
import navsync.sandbox.store.EntityReference;
import navsync.sandbox.store.Row;
import navsync.sandbox.store.Table;

/**
 * Compiles {@code $filter} into a {@link RowPredicate} [Q-FILTER]: {@code eq ne gt ge lt le}, {@code and or not},
 * parentheses, {@code contains/startswith/endswith}, {@code null}, unquoted GUIDs, single-quoted strings with
 * {@code ''} escapes, numbers, {@code true/false}, unquoted ISO-8601 date-times with {@code Z} or an offset (OData
 * 4.0 syntax; not shown on Dataverse pages, see reference 2.3), dates for DateOnly columns, column-to-column
 * comparisons, {@code @p} parameter aliases, and single-valued navigation paths such as
 * {@code primarycontactid/fullname}. Operand types are checked like the OData library does.
 */
public final class FilterParser {
    /** Max conditions per query [Q-FILTER]. */
    static final int MAX_CONDITIONS = 500;

    private enum ValueKind { STRING, NUMBER, BOOLEAN, GUID, DATETIME, DATE, NULL }

    private enum Op {
        EQ("Equal"), NE("NotEqual"), GT("GreaterThan"), GE("GreaterThanOrEqual"), LT("LessThan"),
        LE("LessThanOrEqual");

        final String edmName;

        Op(String edmName) {
            this.edmName = edmName;
        }
    }

    /** A value in an expression: a column (possibly through a lookup) or a literal. */
    private record Operand(ValueKind kind, String edmType, Function<Row, Object> getter, Object constant,
                           boolean literal) {
        Object get(Row row) {
            return literal ? constant : getter.apply(row);
        }
    }

    private final EntityType type;
    private final String text;
    private final Map<String, String> aliases;
    private final DataStore store;
    private List<Token> tokens;
    private int pos;
    private int conditions;

    private FilterParser(EntityType type, String text, Map<String, String> aliases, DataStore store) {
        this.type = type;
        this.text = text;
        this.aliases = aliases;
        this.store = store;
    }

    /** @return null when {@code filter} is null or blank */
    public static RowPredicate parse(EntityType type, String filter, Map<String, String> aliases, DataStore store) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        FilterParser p = new FilterParser(type, filter, aliases, store);
        p.tokens = FilterTokenizer.tokenize(filter);
        RowPredicate result = p.parseOr();
        if (p.peek().kind() != Kind.END) {
            throw FilterTokenizer.syntax(filter, p.peek().pos());
        }
        return result;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean peekWord(String word) {
        Token t = peek();
        return t.kind() == Kind.IDENT && t.text().equals(word);
    }

    private void expect(Kind kind) {
        Token t = next();
        if (t.kind() != kind) {
            throw FilterTokenizer.syntax(text, t.pos());
        }
    }

    private RowPredicate parseOr() {
        RowPredicate left = parseAnd();
        while (peekWord("or")) {
            next();
            RowPredicate a = left;
            RowPredicate b = parseAnd();
            left = a instanceof KeyPredicate ka && b instanceof KeyPredicate kb ? ka.or(kb)
                    : row -> a.test(row) || b.test(row);
        }
        return left;
    }

    private RowPredicate parseAnd() {
        RowPredicate left = parseUnary();
        while (peekWord("and")) {
            next();
            RowPredicate a = left;
            RowPredicate b = parseUnary();
            left = row -> a.test(row) && b.test(row);
        }
        return left;
    }

    private RowPredicate parseUnary() {
        if (peekWord("not")) {
            next();
            RowPredicate inner = parseUnary();
            return row -> !inner.test(row);
        }
        return parsePrimary();
    }

    private RowPredicate parsePrimary() {
        Token t = peek();
        if (t.kind() == Kind.LPAREN) {
            next();
            RowPredicate inner = parseOr();
            expect(Kind.RPAREN);
            return inner;
        }
        if (t.kind() == Kind.IDENT && tokens.get(pos + 1).kind() == Kind.LPAREN) {
            return parseFunction();
        }
        if (t.kind() == Kind.IDENT && t.text().equals(type.primaryKey().logicalName()) && pos + 2 < tokens.size()
                && tokens.get(pos + 1).kind() == Kind.IDENT && tokens.get(pos + 1).text().equals("eq")
                && tokens.get(pos + 2).kind() == Kind.GUID) {
            pos += 3;
            countCondition();
            return new KeyPredicate(java.util.Set.of(UUID.fromString(tokens.get(pos - 1).text())));
        }
        Operand left = parseOperand();
        Op op = comparisonOperator();
        if (op == null) {
            if (left.kind() == ValueKind.BOOLEAN) {
                countCondition();
                return row -> Boolean.TRUE.equals(left.get(row));
            }
            throw FilterTokenizer.syntax(text, peek().pos());
        }
        Operand right = parseOperand();
        return comparison(op, left, right);
    }

    private Op comparisonOperator() {
        Token t = peek();
        if (t.kind() != Kind.IDENT) {
            return null;
        }
        Op op = switch (t.text()) {
            case "eq" -> Op.EQ;
            case "ne" -> Op.NE;
            case "gt" -> Op.GT;
            case "ge" -> Op.GE;
            case "lt" -> Op.LT;
            case "le" -> Op.LE;
            case "has", "add", "sub", "mul", "div", "mod", "in" -> throw DataverseException.query(
                    "The '" + t.text() + "' operator is not supported.");
            default -> null;
        };
        if (op != null) {
            next();
        }
        return op;
    }

    private RowPredicate comparison(Op op, Operand left, Operand right) {
        countCondition();
        Operand l = left;
        Operand r = right;
        if (l.kind() != r.kind() && l.kind() != ValueKind.NULL && r.kind() != ValueKind.NULL) {
            // a date literal against a DateTime column compares with midnight UTC
            if (l.kind() == ValueKind.DATETIME && r.kind() == ValueKind.DATE && r.literal()) {
                r = dateAsDateTime(r);
            } else if (r.kind() == ValueKind.DATETIME && l.kind() == ValueKind.DATE && l.literal()) {
                l = dateAsDateTime(l);
            } else {
                throw DataverseException.query("A binary operator with incompatible types was detected. Found operand "
                        + "types '" + l.edmType() + "' and '" + r.edmType() + "' for operator kind '" + op.edmName + "'.");
            }
        }
        Operand a = l;
        Operand b = r;
        return switch (op) {
            case EQ -> row -> eq(a.get(row), b.get(row));
            case NE -> row -> !eq(a.get(row), b.get(row));
            case GT -> row -> cmp(a.get(row), b.get(row)) > 0;
            case GE -> row -> cmp(a.get(row), b.get(row)) >= 0;
            case LT -> row -> {
                int c = cmp(a.get(row), b.get(row));
                return c != Integer.MIN_VALUE && c < 0;
            };
            case LE -> row -> {
                int c = cmp(a.get(row), b.get(row));
                return c != Integer.MIN_VALUE && c <= 0;
            };
        };
    }

    /**
     * OData null semantics: {@code null eq null} is true, a null operand never equals a value, so {@code ne} is
     * true for null columns (OData 4.0 rule; that Dataverse's SQL translation agrees is inference).
     */
    private static boolean eq(Object x, Object y) {
        if (x == null || y == null) {
            return x == null && y == null;
        }
        return Values.equal(x, y);
    }

    /** Integer.MIN_VALUE when either side is null: every ordering comparison with null is false. */
    private static int cmp(Object x, Object y) {
        if (x == null || y == null) {
            return Integer.MIN_VALUE;
        }
        return Values.compare(x, y);
    }

    private Operand dateAsDateTime(Operand date) {
        Instant t = ((LocalDate) date.constant()).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Operand(ValueKind.DATETIME, "Edm.DateTimeOffset", null, t, true);
    }

    private RowPredicate parseFunction() {
        Token name = next();
        String fn = name.text();
        if (fn.startsWith("Microsoft.Dynamics.CRM.")) {
            throw DataverseException.notImplemented("The query function " + fn);
        }
        if (fn.endsWith("/any") || fn.endsWith("/all")) {
            throw DataverseException.notImplemented("Lambda operator " + fn.substring(fn.lastIndexOf('/') + 1));
        }
        LikeMatcher.Mode mode = switch (fn) {
            case "contains" -> LikeMatcher.Mode.CONTAINS;
            case "startswith" -> LikeMatcher.Mode.STARTS_WITH;
            case "endswith" -> LikeMatcher.Mode.ENDS_WITH;
            default -> throw DataverseException.query("The '" + fn + "' function is not supported.");
        };
        expect(Kind.LPAREN);
        Operand subject = parseOperand();
        expect(Kind.COMMA);
        Operand pattern = parseOperand();
        expect(Kind.RPAREN);
        if (subject.kind() != ValueKind.STRING || subject.literal()) {
            throw DataverseException.query("The first argument of '" + fn + "' must be a string column; found '"
                    + subject.edmType() + "'.");
        }
        if (pattern.kind() != ValueKind.STRING || !pattern.literal()) {
            throw DataverseException.query("The second argument of '" + fn + "' must be a string literal.");
        }
        countCondition();
        LikeMatcher matcher = new LikeMatcher(mode, (String) pattern.constant());
        return row -> {
            Object v = subject.get(row);
            return v != null && matcher.matches((String) v);
        };
    }

    private void countCondition() {
        if (++conditions > MAX_CONDITIONS) {
            throw DataverseException.badRequest(ErrorCodes.TOO_MANY_CONDITIONS,
                    "Number of conditions in query exceeded maximum limit.");
        }
    }

    private Operand parseOperand() {
        Token t = next();
        switch (t.kind()) {
            case STRING:
                return literal(ValueKind.STRING, "Edm.String", t.text());
            case NUMBER:
                return number(t);
            case GUID:
                return literal(ValueKind.GUID, "Edm.Guid", UUID.fromString(t.text()));
            case DATETIME:
                try {
                    Instant instant = OffsetDateTime.parse(t.text().replace('z', 'Z')).toInstant();
                    return literal(ValueKind.DATETIME, "Edm.DateTimeOffset", instant);
                } catch (DateTimeParseException e) {
                    throw FilterTokenizer.syntax(text, t.pos());
                }
            case DATE:
                try {
                    return literal(ValueKind.DATE, "Edm.Date", LocalDate.parse(t.text()));
                } catch (DateTimeParseException e) {
                    throw FilterTokenizer.syntax(text, t.pos());
                }
            case ALIAS:
                return alias(t);
            case IDENT:
                return switch (t.text()) {
                    case "null" -> literal(ValueKind.NULL, "null", null);
                    case "true" -> literal(ValueKind.BOOLEAN, "Edm.Boolean", Boolean.TRUE);
                    case "false" -> literal(ValueKind.BOOLEAN, "Edm.Boolean", Boolean.FALSE);
                    default -> property(t.text());
                };
            default:
                throw FilterTokenizer.syntax(text, t.pos());
        }
    }

    private Operand alias(Token t) {
        String value = aliases.get(t.text());
        if (value == null) {
            throw DataverseException.query("The parameter alias '" + t.text() + "' is used but no value is given for it.");
        }
        List<Token> sub = FilterTokenizer.tokenize(value);
        if (sub.size() != 2) {
            throw DataverseException.query("The value of parameter alias '" + t.text() + "' is not a single literal or "
                    + "property: " + value);
        }
        List<Token> saved = tokens;
        int savedPos = pos;
        tokens = sub;
        pos = 0;
        try {
            return parseOperand();
        } finally {
            tokens = saved;
            pos = savedPos;
        }
    }

    private Operand literal(ValueKind kind, String edm, Object value) {
        return new Operand(kind, edm, null, value, true);
    }

    private Operand number(Token t) {
        String s = t.text();
        char last = s.charAt(s.length() - 1);
        if (Character.isLetter(last)) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) {
                long v = Long.parseLong(s);
                boolean isInt = v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
                return literal(ValueKind.NUMBER, isInt ? "Edm.Int32" : "Edm.Int64", v);
            }
            return literal(ValueKind.NUMBER, "Edm.Decimal", new BigDecimal(s));
        } catch (NumberFormatException e) {
            throw FilterTokenizer.syntax(text, t.pos());
        }
    }

    private Operand property(String path) {
        int slash = path.indexOf('/');
        if (slash < 0) {
            Attribute a = type.property(path);
            if (a == null) {
                throw Selection.unknownProperty(type, path);
            }
            int idx = a.index();
            Function<Row, Object> getter = a.type() == AttributeType.LOOKUP
                    ? row -> {
                        Object v = row.value(idx);
                        return v == null ? null : ((EntityReference) v).id();
                    }
                    : row -> row.value(idx);
            return new Operand(kindOf(a), a.type().edmType(), getter, null, false);
        }
        String navName = path.substring(0, slash);
        String rest = path.substring(slash + 1);
        NavigationProperty nav = type.navigationProperty(navName);
        if (nav == null) {
            throw Selection.unknownProperty(type, navName);
        }
        if (rest.indexOf('/') >= 0 || nav.targets().size() != 1) {
            throw DataverseException.notImplemented("The navigation path '" + path + "'");
        }
        String targetName = nav.targets().get(0);
        EntityType target = store.schema().byLogicalName(targetName);
        if (target == null) {
            throw DataverseException.notImplemented("Filtering through '" + navName + "' (table " + targetName + ")");
        }
        Attribute ta = target.property(rest);
        if (ta == null) {
            throw Selection.unknownProperty(target, rest);
        }
        int lookupIdx = nav.attribute().index();
        if (ta.isPrimaryKey()) { // nav/primarykey = the lookup value itself
            return new Operand(ValueKind.GUID, "Edm.Guid", row -> {
                Object v = row.value(lookupIdx);
                return v instanceof EntityReference ref && ref.logicalName().equals(targetName) ? ref.id() : null;
            }, null, false);
        }
        Table targetTable = store.table(target);
        int targetIdx = ta.index();
        boolean lookupTarget = ta.type() == AttributeType.LOOKUP;
        return new Operand(kindOf(ta), ta.type().edmType(), row -> {
            Object v = row.value(lookupIdx);
            if (!(v instanceof EntityReference ref) || !ref.logicalName().equals(targetName)) {
                return null;
            }
            Row related = targetTable.get(ref.id());
            Object value = related == null ? null : related.value(targetIdx);
            return lookupTarget && value != null ? ((EntityReference) value).id() : value;
        }, null, false);
    }

    private static ValueKind kindOf(Attribute a) {
        return switch (a.type()) {
            case STRING, MEMO -> ValueKind.STRING;
            case BOOLEAN -> ValueKind.BOOLEAN;
            case UNIQUEIDENTIFIER, LOOKUP -> ValueKind.GUID;
            case DATETIME -> ValueKind.DATETIME;
            case DATEONLY -> ValueKind.DATE;
            default -> ValueKind.NUMBER;
        };
    }
}
