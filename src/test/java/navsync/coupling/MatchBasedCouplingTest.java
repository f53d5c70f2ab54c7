package navsync.coupling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.coupling.MatchBasedCoupling.RecordMatch;
import navsync.coupling.MatchBasedCoupling.Result;
import navsync.mapping.Direction;
import navsync.mapping.IntegrationTableMapping;
import navsync.mapping.SalesEntity;
import org.junit.jupiter.api.Test;

/** A Sales row that several NAV records match is settled the same way whatever their order. */
class MatchBasedCouplingTest {

    private static final IntegrationTableMapping CUSTOMER = new IntegrationTableMapping("CUSTOMER", null, "Customer",
            "Customer", "No_", SalesEntity.byLogicalName("account").orElseThrow(), Direction.Bidirectional, false,
            List.of(), null, List.of(), 500, List.of(), null, null, null, null, Map.of(), null, null, null, null, null);

    private final UUID rowX = UUID.randomUUID();
    private final UUID rowY = UUID.randomUUID();

    @Test
    void theBestPriorityGetsTheRowAndATieGetsItToNobody() {
        List<RecordMatch> found = List.of(match("A", rowX, 2), match("B", rowX, 1), match("C", rowY, 2),
                match("D", rowY, 2), match("E", rowY, 3), match("F", UUID.randomUUID(), 1),
                new RecordMatch("G", null, Result.noMatch, null, null, List.of(), "no Sales account matches"));
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            List<RecordMatch> order = new ArrayList<>(found);
            Collections.shuffle(order, new java.util.Random(shuffle));
            Map<String, RecordMatch> settled = new java.util.HashMap<>();
            MatchBasedCoupling.settleContested(CUSTOMER, order).forEach(m -> settled.put(m.navKey(), m));

            assertThat(settled.get("B").result()).isEqualTo(Result.match);
            assertThat(settled.get("B").salesId()).isEqualTo(rowX);
            assertThat(settled.get("A").result()).isEqualTo(Result.noMatch);
            assertThat(settled.get("A").message()).contains(rowX.toString()).contains("goes to [B]");
            assertThat(settled.get("C").result()).isEqualTo(Result.ambiguous);
            assertThat(settled.get("D").result()).isEqualTo(Result.ambiguous);
            assertThat(settled.get("D").message()).contains("records [C, D, E]").contains("none is coupled");
            assertThat(settled.get("E").result()).isEqualTo(Result.noMatch);
            assertThat(settled.get("F").result()).isEqualTo(Result.match);
            assertThat(settled.get("G").result()).isEqualTo(Result.noMatch);
        }
    }

    private static RecordMatch match(String key, UUID row, int priority) {
        return new RecordMatch(key, null, Result.match, row, priority, List.of(), null);
    }
}
