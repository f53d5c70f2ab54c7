package navsync.coupling;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the OData {@code $filter}s of match-based coupling: one query for a whole batch of NAV
 * records, the records' match values ORed, split where a query would pass Dataverse's limits (500
 * conditions per query, a GET URL of at most 32,768 characters).
 */
final class MatchFilter {

    /** Conditions of the ORed part per query; Dataverse allows 500 in all, the rest is left to the integration table filter. */
    static final int MAX_CONDITIONS = 400;
    /** URL-encoded characters of a filter; the organization URL, entity set, $select and paging fit in the rest of 32,768. */
    static final int MAX_ENCODED_LENGTH = 16_000;

    private static final Pattern CONDITION = Pattern.compile("\\b(eq|ne|gt|ge|lt|le|contains|startswith|endswith)\\b");
    private static final int OR_LENGTH = encodedLength(" or ");

    private MatchFilter() {
    }

    /** One query: its filter and the NAV records whose match values it asks for. */
    record Query(String filter, List<String> navKeys) {
    }

    /**
     * The queries for these records' match values (NAV key -> Sales attribute -> value; every record
     * has at least one value), each within the limits, together with the integration table filter.
     *
     * @throws IllegalArgumentException when one record's values alone are too long for a query
     */
    static List<Query> queries(String integrationTableFilter, Map<String, Map<String, JsonNode>> valuesByKey) {
        String base = integrationTableFilter == null || integrationTableFilter.isBlank() ? null
                : "(" + integrationTableFilter + ")";
        int baseConditions = base == null ? 0 : conditions(base);
        int baseLength = base == null ? 0 : encodedLength(base + " and ()");
        List<Query> queries = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int length = baseLength;
        int count = baseConditions;
        for (Map.Entry<String, Map<String, JsonNode>> record : valuesByKey.entrySet()) {
            String part = conjunction(record.getValue());
            int partLength = encodedLength(part);
            int partConditions = record.getValue().size();
            if (baseLength + partLength > MAX_ENCODED_LENGTH || baseConditions + partConditions > MAX_CONDITIONS) {
                throw new IllegalArgumentException("the match values of NAV record " + record.getKey()
                        + " are too long for one Sales query (" + partLength + " URL characters, at most "
                        + MAX_ENCODED_LENGTH + ")");
            }
            if (!parts.isEmpty() && (length + OR_LENGTH + partLength > MAX_ENCODED_LENGTH
                    || count + partConditions > MAX_CONDITIONS)) {
                queries.add(new Query(filter(base, parts), keys));
                parts = new ArrayList<>();
                keys = new ArrayList<>();
                length = baseLength;
                count = baseConditions;
            }
            length += (parts.isEmpty() ? 0 : OR_LENGTH) + partLength;
            count += partConditions;
            parts.add(part);
            keys.add(record.getKey());
        }
        if (!parts.isEmpty()) {
            queries.add(new Query(filter(base, parts), keys));
        }
        return queries;
    }

    private static String filter(String base, List<String> parts) {
        String ored = String.join(" or ", parts);
        return base == null ? ored : base + " and (" + ored + ")";
    }

    private static String conjunction(Map<String, JsonNode> values) {
        List<String> conditions = new ArrayList<>();
        values.forEach((attribute, value) -> conditions.add(attribute + " eq " + literal(value)));
        return "(" + String.join(" and ", conditions) + ")";
    }

    /** An OData literal: text quoted (quotes doubled), numbers and Booleans as they are. */
    static String literal(JsonNode value) {
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        return "'" + value.asText().replace("'", "''") + "'";
    }

    static int conditions(String filter) {
        Matcher m = CONDITION.matcher(filter);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static int encodedLength(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).length();
    }
}
