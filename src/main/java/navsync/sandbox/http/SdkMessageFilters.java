package navsync.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.error.ErrorCodes;
import navsync.sandbox.schema.EntityType;

/**
 * {@code GET sdkmessagefilters?$select=sdkmessagefilterid&$filter=sdkmessageid/name eq @message and
 * primaryobjecttypecode eq @table&@message='CreateMultiple'&@table='account'}: the documented probe whether a table
 * has a bulk action [BULK]. Only this query shape is served (values inline or as parameter aliases); a row per
 * message the table has, none for a table without bulk actions ({@code SandboxOptions.withoutBulkActions}), and never
 * one for {@code UpsertMultiple} ("the query returns nothing for UpsertMultiple itself" [BULK]).
 */
final class SdkMessageFilters {
    private static final Pattern FILTER = Pattern.compile(
            "\\s*sdkmessageid/name\\s+eq\\s+(@\\w+|'[^']*')\\s+and\\s+primaryobjecttypecode\\s+eq\\s+(@\\w+|'[^']*')\\s*");
    private static final Set<String> MESSAGES = Set.of("Create", "Update", "Delete", "Retrieve", "RetrieveMultiple",
            "Upsert");
    private static final Set<String> BULK_MESSAGES = Set.of("CreateMultiple", "UpdateMultiple");

    private final ApiContext ctx;

    SdkMessageFilters(ApiContext ctx) {
        this.ctx = ctx;
    }

    ApiResponse query(ApiRequest req) {
        Map<String, String> params = parameters(req.incoming().rawQuery());
        String filter = params.get("$filter");
        Matcher m = filter == null ? null : FILTER.matcher(filter);
        if (m == null || !m.matches()) {
            throw DataverseException.notImplemented("sdkmessagefilters without the filter "
                    + "'sdkmessageid/name eq ... and primaryobjecttypecode eq ...'");
        }
        String message = literal(m.group(1), params);
        String table = literal(m.group(2), params);
        EntityType type = ctx.store().schema().byLogicalName(table);
        boolean exists = type != null && (MESSAGES.contains(message)
                || BULK_MESSAGES.contains(message) && !ctx.withoutBulkActions().contains(table));
        UUID id = UUID.nameUUIDFromBytes((message + "/" + table).getBytes(StandardCharsets.UTF_8));
        return ApiResponse.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", req.serviceRoot() + "$metadata#sdkmessagefilters(sdkmessagefilterid)");
            g.writeArrayFieldStart("value");
            if (exists) {
                g.writeStartObject();
                g.writeStringField("sdkmessagefilterid", id.toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static String literal(String token, Map<String, String> params) {
        String value = token.startsWith("@") ? params.get(token) : token;
        if (value == null || value.length() < 2 || !value.startsWith("'") || !value.endsWith("'")) {
            throw new DataverseException(400, ErrorCodes.QUERY_ERROR, "The parameter alias or value '" + token
                    + "' is not a quoted string.");
        }
        return value.substring(1, value.length() - 1).replace("''", "'");
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
