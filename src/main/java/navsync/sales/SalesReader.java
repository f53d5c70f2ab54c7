package navsync.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import navsync.mapping.SalesEntity;

/**
 * Reads Sales rows: by id in bulk (one query per chunk of ids), and rows changed since a watermark
 * page by page, following {@code @odata.nextLink} verbatim as Dataverse requires.
 */
public final class SalesReader {

    /** Ids per query: 100 {@code eq} conditions stay far below the 500-condition and URL-length limits. */
    private static final int IDS_PER_QUERY = 100;

    private final SalesWebApi api;

    public SalesReader(SalesWebApi api) {
        this.api = api;
    }

    /** The rows with these ids that exist (deleted ones are simply absent). */
    public List<ObjectNode> byIds(SalesEntity entity, Collection<UUID> ids, List<String> select) {
        return byIds(entity, ids, select, null);
    }

    /** The rows with these ids that exist and pass {@code filter} (an OData $filter, or null for all). */
    public List<ObjectNode> byIds(SalesEntity entity, Collection<UUID> ids, List<String> select, String filter) {
        List<ObjectNode> rows = new ArrayList<>();
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            StringBuilder idFilter = new StringBuilder();
            for (UUID id : chunk) {
                idFilter.append(idFilter.length() == 0 ? "" : " or ").append(entity.primaryId()).append(" eq ").append(id);
            }
            String condition = filter == null || filter.isBlank() ? idFilter.toString()
                    : "(" + filter + ") and (" + idFilter + ")";
            Iterator<List<ObjectNode>> pages = pages(entity.entitySet() + "?$select=" + selectList(entity, select)
                    + "&$filter=" + encode(condition), 5000);
            pages.forEachRemaining(rows::addAll);
        }
        return rows;
    }

    /** One page of a change-tracking read: new and changed rows, ids of deleted rows, and on the last page the delta link. */
    public record TrackedPage(List<ObjectNode> changed, List<UUID> deleted, String deltaLink) {
    }

    /** The service refused a stored delta link (expired or invalid token, another organization). */
    public static final class DeltaLinkRefused extends RuntimeException {
        public DeltaLinkRefused(String message) {
            super(message);
        }
    }

    /**
     * A change-tracking read: every row ({@code Prefer: odata.track-changes}) when {@code deltaLink} is
     * null, else the changes since the stored delta link; pages of at most {@code pageSize} rows,
     * following {@code @odata.nextLink}; the last page carries the next {@code @odata.deltaLink}. Change
     * tracking refuses $filter, so rows are not filtered here. The first request is sent at once: a
     * refused delta link throws {@link DeltaLinkRefused} before any page is handed out.
     */
    public Iterator<TrackedPage> tracked(SalesEntity entity, List<String> select, String deltaLink, int pageSize) {
        SalesResponse first;
        if (deltaLink == null) {
            first = api.send("GET", entity.entitySet() + "?$select=" + selectList(entity, select), null,
                    Map.of("Prefer", "odata.track-changes,odata.maxpagesize=" + pageSize));
        } else {
            try {
                first = api.sendAbsolute("GET", deltaLink, Map.of("Prefer", "odata.maxpagesize=" + pageSize));
            } catch (IllegalArgumentException e) {
                throw new DeltaLinkRefused(e.getMessage());
            }
            if (first.status() == 400 || first.status() == 410) {
                throw new DeltaLinkRefused(first.error().toString());
            }
        }
        Map<String, String> prefer = Map.of("Prefer", "odata.maxpagesize=" + pageSize);
        return new Iterator<>() {
            private SalesResponse response = first;

            @Override
            public boolean hasNext() {
                return response != null;
            }

            @Override
            public TrackedPage next() {
                if (response == null) {
                    throw new NoSuchElementException();
                }
                if (!response.isSuccess()) {
                    throw new SalesException(response.error());
                }
                JsonNode body = response.json();
                List<ObjectNode> changed = new ArrayList<>();
                List<UUID> deleted = new ArrayList<>();
                for (JsonNode row : body.path("value")) {
                    if (row.path("@odata.context").asText("").endsWith("$deletedEntity")) {
                        deleted.add(UUID.fromString(row.path("id").asText()));
                    } else {
                        changed.add((ObjectNode) row);
                    }
                }
                JsonNode nextLink = body.get("@odata.nextLink");
                JsonNode delta = body.get("@odata.deltaLink");
                response = nextLink == null || nextLink.isNull() ? null : api.sendAbsolute("GET", nextLink.asText(), prefer);
                return new TrackedPage(changed, deleted, delta == null || delta.isNull() ? null : delta.asText());
            }
        };
    }

    /** The first {@code top} rows that pass {@code filter} (blank: any row), one request. */
    public List<ObjectNode> query(SalesEntity entity, List<String> select, String filter, int top) {
        SalesResponse response = api.get(entity.entitySet() + "?$select=" + selectList(entity, select)
                + (filter.isBlank() ? "" : "&$filter=" + encode(filter)) + "&$top=" + top);
        if (!response.isSuccess()) {
            throw new SalesException(response.error());
        }
        List<ObjectNode> rows = new ArrayList<>();
        response.json().path("value").forEach(row -> rows.add((ObjectNode) row));
        return rows;
    }

    /**
     * Rows modified at or after {@code since} (all rows when null) that pass {@code filter}, oldest
     * first, one page of at most {@code pageSize} rows at a time.
     */
    public Iterator<List<ObjectNode>> changedSince(SalesEntity entity, List<String> select, String filter,
                                                   Instant since, int pageSize) {
        List<String> conditions = filterAnd(filter,
                since == null ? null : "modifiedon ge " + DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(ChronoUnit.SECONDS)));
        String query = entity.entitySet() + "?$select=" + selectList(entity, select)
                + (conditions.isEmpty() ? "" : "&$filter=" + encode(String.join(" and ", conditions)))
                + "&$orderby=" + encode("modifiedon asc," + entity.primaryId() + " asc");
        return pages(query, pageSize);
    }

    private Iterator<List<ObjectNode>> pages(String firstQuery, int pageSize) {
        Map<String, String> prefer = Map.of("Prefer", "odata.maxpagesize=" + pageSize);
        return new Iterator<>() {
            private String next = firstQuery;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public List<ObjectNode> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                SalesResponse response = next.startsWith("http") ? api.sendAbsolute("GET", next, prefer)
                        : api.send("GET", next, null, prefer);
                if (!response.isSuccess()) {
                    throw new SalesException(response.error());
                }
                JsonNode body = response.json();
                JsonNode link = body.get("@odata.nextLink");
                next = link == null || link.isNull() ? null : link.asText();
                List<ObjectNode> rows = new ArrayList<>();
                body.path("value").forEach(row -> rows.add((ObjectNode) row));
                return rows;
            }
        };
    }

    /**
     * The wake-up probe of a sleeping schedule: whether any row that passes {@code filter} was modified
     * in a second after the one of {@code after} (null: any row at all); one request for at most one
     * row ({@code $top=1}). Dataverse returns modifiedon in whole seconds but compares it finer, so the
     * rows of the watermark's own second always match {@code gt}: the probe starts at the next second.
     */
    public boolean anyModifiedAfter(SalesEntity entity, String filter, Instant after) {
        List<String> conditions = filterAnd(filter, after == null ? null : "modifiedon ge "
                + DateTimeFormatter.ISO_INSTANT.format(after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)));
        return !query(entity, List.of(), String.join(" and ", conditions), 1).isEmpty();
    }

    private static List<String> filterAnd(String filter, String condition) {
        List<String> conditions = new ArrayList<>();
        if (filter != null && !filter.isBlank()) {
            conditions.add("(" + filter + ")");
        }
        if (condition != null) {
            conditions.add(condition);
        }
        return conditions;
    }

    private static String selectList(SalesEntity entity, List<String> select) {
        List<String> columns = new ArrayList<>(select);
        for (String always : List.of(entity.primaryId(), "modifiedon")) {
            if (!columns.contains(always)) {
                columns.add(always);
            }
        }
        return String.join(",", columns);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
