package navsync.coupling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The set-based match queries stay within Dataverse's condition and URL-length limits. */
class MatchFilterTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FILTER = "statecode eq 0 and customertypecode eq 3";

    @Test
    void oneQueryForASmallBatchWithTheIntegrationTableFilterAndQuotedValues() {
        Map<String, Map<String, JsonNode>> values = new LinkedHashMap<>();
        values.put("10000", Map.of("name", NODES.textNode("Spotsmeyer's Furnishings")));
        values.put("20000", new LinkedHashMap<>(Map.of("name", NODES.textNode("Selangorian Ltd."))));
        values.get("20000").put("creditlimit", NODES.numberNode(250));
        List<MatchFilter.Query> queries = MatchFilter.queries(FILTER, values);
        assertThat(queries).hasSize(1);
        assertThat(queries.get(0).navKeys()).containsExactly("10000", "20000");
        assertThat(queries.get(0).filter()).isEqualTo("(" + FILTER + ") and ((name eq 'Spotsmeyer''s Furnishings') or "
                + "(name eq 'Selangorian Ltd.' and creditlimit eq 250))");
    }

    @Test
    void aBigBatchIsSplitByConditionsAndByUrlLength() {
        Map<String, Map<String, JsonNode>> shortValues = new LinkedHashMap<>();
        Map<String, Map<String, JsonNode>> longValues = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            shortValues.put("K" + i, Map.of("name", NODES.textNode("N" + i)));
            longValues.put("K" + i, Map.of("name", NODES.textNode("Ä very long näme ".repeat(4) + i)));
        }
        for (Map<String, Map<String, JsonNode>> values : List.of(shortValues, longValues)) {
            List<MatchFilter.Query> queries = MatchFilter.queries(FILTER, values);
            assertThat(queries.size()).isGreaterThan(2);
            assertThat(queries.stream().mapToInt(q -> q.navKeys().size()).sum()).isEqualTo(1000);
            for (MatchFilter.Query q : queries) {
                assertThat(MatchFilter.conditions(q.filter())).isLessThanOrEqualTo(MatchFilter.MAX_CONDITIONS);
                assertThat(MatchFilter.encodedLength(q.filter())).isLessThanOrEqualTo(MatchFilter.MAX_ENCODED_LENGTH);
            }
        }
        assertThat(MatchFilter.queries(FILTER, shortValues).get(0).navKeys()).as("condition-bound").hasSize(400 - 2);
    }

    @Test
    void oneRecordTooLongForAQueryIsNamed() {
        Map<String, Map<String, JsonNode>> values = Map.of("10000", Map.of("name", NODES.textNode("x".repeat(20_000))));
        assertThatThrownBy(() -> MatchFilter.queries(null, values))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NAV record 10000");
    }
}
