package navsync.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SalesIdsTest {

    @Test
    void idsAreVersion7UuidsOrderedByTheirMillisecond() throws InterruptedException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 1000; j++) {
                ids.add(SalesIds.next());
            }
            Thread.sleep(2);
        }
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        long millis = System.currentTimeMillis();
        assertThat(ids.get(ids.size() - 1).getMostSignificantBits() >>> 16).isBetween(millis - 60_000, millis);
        // unsigned order of the timestamp bits (as H2 and PostgreSQL sort UUIDs) follows creation, millisecond by millisecond
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i).getMostSignificantBits() >>> 16)
                    .isGreaterThanOrEqualTo(ids.get(i - 1).getMostSignificantBits() >>> 16);
        }
        assertThat(ids.get(ids.size() - 1).getMostSignificantBits() >>> 16)
                .isGreaterThan(ids.get(0).getMostSignificantBits() >>> 16);
    }
}
