package navsync.sandbox.odata;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.json.Json;

/**
 * The {@code $skiptoken} of {@code @odata.nextLink}: stateless keyset paging. It carries the sort key of the last
 * row returned (and the ordering it belongs to) inside a cookie shaped like Dataverse's
 * ({@code <cookie pagenumber="2" pagingcookie="..." istracking="False" />} [Q-PAGE]); the next page holds the rows
 * that sort after that key. Rows added or changed while a client pages are therefore seen at most once if their
 * key moves forward, and never make the client skip or repeat unchanged rows.
 */
public record SkipToken(int pageNumber, Object[] lastKey, Long trackingVersion) {
    private static final Pattern PAGE = Pattern.compile("pagenumber=\"(\\d+)\"");
    private static final Pattern COOKIE = Pattern.compile("pagingcookie=\"([A-Za-z0-9_-]*)\"");

    /**
     * The cookie text (not URL-encoded). {@code trackingVersion} is set for the pages of a change-tracking query: the
     * store version its delta link will start from ({@code istracking="True"}).
     */
    public static String encode(int pageNumber, OrderBy order, Object[] lastKey, Long trackingVersion) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("o", order.signature());
        if (trackingVersion != null) {
            root.put("t", trackingVersion);
        }
        ArrayNode keys = root.putArray("k");
        for (Object v : lastKey) {
            if (v == null) {
                keys.addNull();
            } else if (v instanceof Integer i) {
                keys.add(i);
            } else if (v instanceof Long l) {
                keys.add(l);
            } else if (v instanceof Double d) {
                keys.add(d);
            } else if (v instanceof Boolean b) {
                keys.add(b);
            } else if (v instanceof BigDecimal d) {
                keys.add(d.toPlainString());
            } else {
                keys.add(v.toString()); // String, UUID, Instant, LocalDate
            }
        }
        String cookie = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(root.toString().getBytes(StandardCharsets.UTF_8));
        return cookie(pageNumber, cookie, trackingVersion != null);
    }

    /** Dataverse's cookie shape around an opaque (base64url) paging cookie [Q-PAGE]. */
    static String cookie(int pageNumber, String pagingCookie, boolean tracking) {
        return "<cookie pagenumber=\"" + pageNumber + "\" pagingcookie=\"" + pagingCookie + "\" istracking=\""
                + (tracking ? "True" : "False") + "\" />";
    }

    public static SkipToken decode(String token, OrderBy order) {
        Matcher page = PAGE.matcher(token);
        Matcher cookie = COOKIE.matcher(token);
        if (!page.find() || !cookie.find()) {
            throw invalid();
        }
        try {
            JsonNode root = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(cookie.group(1)));
            if (!order.signature().equals(root.path("o").asText())) {
                throw invalid();
            }
            JsonNode keys = root.path("k");
            List<SortKey> sort = order.keys();
            if (!keys.isArray() || keys.size() != sort.size()) {
                throw invalid();
            }
            Object[] values = new Object[sort.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = decodeValue(sort.get(i), keys.get(i));
            }
            JsonNode t = root.get("t");
            return new SkipToken(Integer.parseInt(page.group(1)), values, t == null ? null : t.longValue());
        } catch (DataverseException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw invalid();
        }
    }

    private static Object decodeValue(SortKey key, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (key.lookup()) {
            return v.asText();
        }
        return switch (key.attribute().type()) {
            case STRING, MEMO -> v.asText();
            case INTEGER, PICKLIST, STATE, STATUS -> v.intValue();
            case BIGINT -> v.longValue();
            case DECIMAL, MONEY -> new BigDecimal(v.asText());
            case DOUBLE -> v.doubleValue();
            case BOOLEAN -> v.booleanValue();
            case UNIQUEIDENTIFIER -> UUID.fromString(v.asText());
            case DATETIME -> Instant.parse(v.asText());
            case DATEONLY -> LocalDate.parse(v.asText());
            case LOOKUP -> v.asText();
        };
    }

    private static DataverseException invalid() {
        return DataverseException.query("The $skiptoken is not valid for this query. Follow @odata.nextLink as returned, "
                + "with the same $orderby.");
    }
}
