package navsync.sandbox.odata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.schema.AlternateKey;
import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.schema.Schema;

/**
 * Parses entity keys ({@code accounts(<guid>)}, {@code accounts(accountid=<guid>)}, alternate keys such as
 * {@code accounts(accountnumber='C10000')}) and entity URLs as used in paths, {@code @odata.bind} and {@code @odata.id}.
 */
public final class EntityKeys {
    private EntityKeys() {
    }

    /** Characters not supported in alternate-key values [ALTKEY]. */
    private static final String UNSUPPORTED_KEY_CHARS = "/<>*%&:\\?+";

    /** A table row addressed by URL. */
    public record EntityAddress(EntityType type, RowKey key) {
    }

    /** A resource path split at its first segment: {@code accounts(key)/rest}. */
    public record ResourcePath(String entitySet, String key, String rest) {
    }

    /** Null unless {@code text} is exactly a GUID in 8-4-4-4-12 form. */
    public static UUID parseGuid(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        long hi = 0;
        long lo = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int d = Character.digit(c, 16);
            if (d < 0 || c > 'f') {
                return null;
            }
            if (digits < 16) {
                hi = (hi << 4) | d;
            } else {
                lo = (lo << 4) | d;
            }
            digits++;
        }
        return new UUID(hi, lo);
    }

    /**
     * Splits {@code set(key)/rest}; the key may contain quoted parentheses. Null when the text doesn't start with an
     * identifier.
     */
    public static ResourcePath splitResource(String resource) {
        int i = 0;
        while (i < resource.length() && (Character.isLetterOrDigit(resource.charAt(i)) || resource.charAt(i) == '_')) {
            i++;
        }
        if (i == 0 || Character.isDigit(resource.charAt(0))) {
            return null;
        }
        String set = resource.substring(0, i);
        String key = null;
        if (i < resource.length() && resource.charAt(i) == '(') {
            int close = closingParenthesis(resource, i);
            if (close < 0) {
                return null;
            }
            key = resource.substring(i + 1, close);
            i = close + 1;
        }
        String rest = null;
        if (i < resource.length()) {
            if (resource.charAt(i) != '/' || i + 1 == resource.length()) {
                return null;
            }
            rest = resource.substring(i + 1);
        }
        return new ResourcePath(set, key, rest);
    }

    private static int closingParenthesis(String s, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // a doubled quote toggles twice
            } else if (c == ')' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The key between the parentheses: {@code <guid>}, {@code <primarykey>=<guid>}, or the columns of a defined
     * alternate key [ALTKEY]. Anything else fails with the documented invalid-key message. systemuser can't use the
     * named primary-key form, its key being inherited as {@code ownerid} [ALTKEY].
     */
    public static RowKey parseKey(EntityType type, String keyText) {
        String k = keyText.strip();
        UUID id = parseGuid(k);
        if (id != null) {
            return new RowKey.Id(id);
        }
        Map<String, String> parts = splitKeyParts(type, k);
        if (parts.size() == 1 && !"systemuser".equals(type.logicalName())) {
            String value = parts.get(type.primaryKey().logicalName());
            if (value != null && parseGuid(value) != null) {
                return new RowKey.Id(parseGuid(value));
            }
        }
        for (AlternateKey key : type.alternateKeys()) {
            if (key.matches(parts.keySet())) {
                List<Object> values = new ArrayList<>();
                for (Attribute a : key.attributes()) {
                    String literal = parts.containsKey(a.propertyName()) ? parts.get(a.propertyName())
                            : parts.get(a.logicalName());
                    values.add(keyValue(type, a, literal));
                }
                return new RowKey.Alternate(key, values);
            }
        }
        throw invalidKey(type);
    }

    /** {@code a='x',b=1} to an ordered map of names to raw literals; quotes are kept on string literals. */
    private static Map<String, String> splitKeyParts(EntityType type, String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                throw invalidKey(type);
            }
            String name = text.substring(i, eq).strip();
            int j = eq + 1;
            while (j < text.length() && text.charAt(j) == ' ') {
                j++;
            }
            int end;
            if (j < text.length() && text.charAt(j) == '\'') {
                end = j + 1;
                while (end < text.length()) {
                    if (text.charAt(end) == '\'') {
                        if (end + 1 < text.length() && text.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                if (end >= text.length()) {
                    throw invalidKey(type);
                }
                end++;
            } else {
                end = text.indexOf(',', j);
                if (end < 0) {
                    end = text.length();
                }
            }
            if (parts.put(name, text.substring(j, end).strip()) != null) {
                throw invalidKey(type);
            }
            i = end;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
                i++;
            }
        }
        return parts;
    }

    /** A key literal converted to the stored type of {@code a}. */
    private static Object keyValue(EntityType type, Attribute a, String literal) {
        try {
            Object v = switch (a.type()) {
                case STRING, MEMO -> {
                    if (literal.length() < 2 || !literal.startsWith("'") || !literal.endsWith("'")) {
                        throw invalidKey(type);
                    }
                    yield literal.substring(1, literal.length() - 1).replace("''", "'");
                }
                case INTEGER, PICKLIST, STATE, STATUS -> Integer.parseInt(literal);
                case BIGINT -> Long.parseLong(literal);
                case DECIMAL, MONEY -> new BigDecimal(literal);
                case DOUBLE -> Double.parseDouble(literal);
                case BOOLEAN -> switch (literal) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw invalidKey(type);
                };
                case UNIQUEIDENTIFIER, LOOKUP -> {
                    UUID id = parseGuid(literal);
                    if (id == null) {
                        throw invalidKey(type);
                    }
                    yield id;
                }
                case DATETIME -> OffsetDateTime.parse(literal).toInstant();
                case DATEONLY -> LocalDate.parse(literal);
            };
            if (v instanceof String s) {
                for (char c : s.toCharArray()) {
                    if (UNSUPPORTED_KEY_CHARS.indexOf(c) >= 0) {
                        throw DataverseException.badRequest(ErrorCodes.QUERY_ERROR, "The alternate key value '" + s
                                + "' contains the character '" + c + "', which alternate keys don't support.");
                    }
                }
            }
            return v;
        } catch (RuntimeException e) {
            if (e instanceof DataverseException de) {
                throw de;
            }
            throw invalidKey(type);
        }
    }

    public static DataverseException invalidKey(EntityType type) {
        String resource = type.odataType();
        return DataverseException.badRequest(ErrorCodes.QUERY_ERROR, "The key in the request URI is not valid for resource '"
                + resource + "'. Ensure that the names and number of key properties match the declared or alternate "
                + "key properties for the resource '" + resource + "'.");
    }

    /**
     * An entity URL: {@code /accounts(<key>)}, {@code accounts(<key>)} or absolute
     * {@code http(s)://host/api/data/v9.x/accounts(<key>)} [CREATE, ASSOC, BATCH]. {@code $n} Content-ID references
     * are replaced before this is called ($batch); one left over was never declared [BATCH].
     *
     * @return null when {@code url} doesn't have the shape of an entity URL
     * @throws DataverseException when the shape is right but the entity set or key is not
     */
    public static EntityAddress parseEntityUrl(Schema schema, String url) {
        String s = url.strip();
        int api = s.indexOf("/api/data/v");
        if (api >= 0) {
            int slash = s.indexOf('/', api + "/api/data/v".length());
            if (slash < 0) {
                return null;
            }
            s = s.substring(slash + 1);
        } else if (s.startsWith("/")) {
            s = s.substring(1);
        }
        if (s.startsWith("$")) {
            throw contentIdMissing(s);
        }
        ResourcePath path = splitResource(s);
        if (path == null || path.key() == null || path.rest() != null) {
            return null;
        }
        EntityType type = schema.byEntitySet(path.entitySet());
        if (type == null) {
            throw resourceNotFound(path.entitySet());
        }
        return new EntityAddress(type, parseKey(type, path.key()));
    }

    /** A {@code $n} reference to a Content-ID not declared earlier in the change set: 400 with the [BATCH] text. */
    public static DataverseException contentIdMissing(String reference) {
        int slash = reference.indexOf('/');
        String ref = slash < 0 ? reference : reference.substring(0, slash);
        return DataverseException.badRequest(ErrorCodes.EMPTY, "Content-ID Reference: '" + ref
                + "' does not exist in the batch context.");
    }

    public static DataverseException resourceNotFound(String segment) {
        return new DataverseException(404, ErrorCodes.RESOURCE_NOT_FOUND,
                "Resource not found for the segment '" + segment + "'.");
    }
}
