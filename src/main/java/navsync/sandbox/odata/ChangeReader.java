package navsync.sandbox.odata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import navsync.sandbox.error.DataverseException;
import navsync.sandbox.json.Json;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.store.DataStore;
import navsync.sandbox.store.Row;
import navsync.sandbox.store.Table;

/**
 * Reads the changes of a table between two store versions for a delta request [CT]: new and updated rows first (in
 * version order, each once with its latest values), then deleted rows. Served from the table's version index, so the
 * cost follows the number of changes, not the size of the table.
 *
 * <p>Paging of delta results is not documented [CT, reference section 6]; as in OData 4.0 a long delta is split by
 * {@code @odata.nextLink} and the last page carries the {@code @odata.deltaLink}. The skip token of a delta page keeps
 * the upper version fixed, so changes made while a client pages are left for the next delta.
 */
public final class ChangeReader {
    private static final Pattern COOKIE = Pattern.compile("pagingcookie=\"([A-Za-z0-9_-]*)\"");

    private final DataStore store;

    public ChangeReader(DataStore store) {
        this.store = store;
    }

    /** Where a delta page ends: the phase (rows, then deletions), the last version returned, the fixed upper version. */
    public record Cursor(boolean deletions, long lastVersion, long upTo, int page) {
        public String encode() {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("d", deletions).put("l", lastVersion).put("u", upTo);
            String cookie = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(root.toString().getBytes(StandardCharsets.UTF_8));
            return SkipToken.cookie(page, cookie, true);
        }

        public static Cursor decode(String token) {
            Matcher m = COOKIE.matcher(token);
            Matcher page = Pattern.compile("pagenumber=\"(\\d+)\"").matcher(token);
            try {
                if (!m.find() || !page.find()) {
                    throw new IllegalArgumentException();
                }
                JsonNode root = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(m.group(1)));
                return new Cursor(root.get("d").booleanValue(), root.get("l").longValue(), root.get("u").longValue(),
                        Integer.parseInt(page.group(1)));
            } catch (Exception e) {
                throw DataverseException.query("The $skiptoken is not valid for this delta request. Follow "
                        + "@odata.nextLink as returned.");
            }
        }
    }

    /**
     * One page of changes: rows and {@link Table.Deletion}s in order, the cursor of the next page (null: last), and
     * the version the delta covers up to (the start of the next delta link).
     */
    public record Page(List<Row> changed, List<Table.Deletion> deleted, Cursor next, long upTo) {
    }

    /** Changes after version {@code from} up to {@code cursor.upTo()} (or the current version on the first page). */
    public Page read(EntityType type, long from, Cursor after, int limit) {
        Table table = store.table(type);
        long upTo = after == null ? store.currentVersion() : after.upTo();
        int page = after == null ? 1 : after.page();
        List<Row> changed = new ArrayList<>();
        List<Table.Deletion> deleted = new ArrayList<>();
        boolean[] full = new boolean[1];
        if (after == null || !after.deletions()) {
            long start = after == null ? from : after.lastVersion();
            table.scanChanged(start, upTo, row -> {
                if (changed.size() == limit) {
                    full[0] = true;
                    return false;
                }
                changed.add(row);
                return true;
            });
            if (full[0]) {
                return new Page(changed, deleted, new Cursor(false, last(changed), upTo, page + 1), upTo);
            }
        }
        long start = after != null && after.deletions() ? after.lastVersion() : from;
        table.scanDeleted(start, upTo, d -> {
            if (changed.size() + deleted.size() == limit) {
                full[0] = true;
                return false;
            }
            deleted.add(d);
            return true;
        });
        long lastDeleted = deleted.isEmpty() ? start : deleted.get(deleted.size() - 1).version();
        Cursor next = full[0] ? new Cursor(true, lastDeleted, upTo, page + 1) : null;
        return new Page(changed, deleted, next, upTo);
    }

    /** Counts the changes after version {@code from} (for {@code $count?$deltatoken=} [CT]), at most {@code cap}. */
    public long count(EntityType type, long from, long cap) {
        Page all = read(type, from, null, (int) Math.min(cap, Integer.MAX_VALUE));
        return all.changed().size() + all.deleted().size();
    }

    private static long last(List<Row> rows) {
        return rows.get(rows.size() - 1).version();
    }
}
