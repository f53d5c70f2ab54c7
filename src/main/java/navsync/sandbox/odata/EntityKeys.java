package navsync.sandbox.odata;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.schema.Schema;

/** Parses entity keys ({@code accounts(<guid>)}) and entity URLs as used in paths, {@code @odata.bind} and {@code @odata.id}. */
public final class EntityKeys {
    private EntityKeys() {
    }

    private static final Pattern ENTITY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\((.*)\\)");

    /** A table row addressed by URL. */
    public record EntityAddress(EntityType type, UUID id) {
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
     * The key between the parentheses: {@code <guid>} or {@code <primarykey>=<guid>}. Anything else would be an
     * alternate key; none are defined in the sandbox ("By default, there are no alternate keys configured" [RETR]),
     * so it fails with the documented [ALTKEY] message. systemuser can't use the named form [ALTKEY].
     */
    public static UUID parseKey(EntityType type, String keyText) {
        String k = keyText.strip();
        UUID id = parseGuid(k);
        if (id != null) {
            return id;
        }
        int eq = k.indexOf('=');
        if (eq > 0 && !"systemuser".equals(type.logicalName())
                && k.substring(0, eq).strip().equals(type.primaryKey().logicalName())) {
            id = parseGuid(k.substring(eq + 1).strip());
            if (id != null) {
                return id;
            }
        }
        throw invalidKey(type);
    }

    public static DataverseException invalidKey(EntityType type) {
        String resource = type.odataType();
        return DataverseException.badRequest(ErrorCodes.QUERY_ERROR, "The key in the request URI is not valid for resource '"
                + resource + "'. Ensure that the names and number of key properties match the declared or alternate "
                + "key properties for the resource '" + resource + "'.");
    }

    /**
     * An entity URL: {@code /accounts(<id>)}, {@code accounts(<id>)} or absolute
     * {@code http(s)://host/api/data/v9.x/accounts(<id>)} [CREATE, ASSOC, BATCH].
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
            throw DataverseException.notImplemented("Content-ID reference '" + s + "' ($batch)");
        }
        Matcher m = ENTITY.matcher(s);
        if (!m.matches()) {
            return null;
        }
        EntityType type = schema.byEntitySet(m.group(1));
        if (type == null) {
            throw resourceNotFound(m.group(1));
        }
        return new EntityAddress(type, parseKey(type, m.group(2)));
    }

    public static DataverseException resourceNotFound(String segment) {
        return new DataverseException(404, ErrorCodes.RESOURCE_NOT_FOUND,
                "Resource not found for the segment '" + segment + "'.");
    }
}
