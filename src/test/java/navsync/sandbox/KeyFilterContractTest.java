package navsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Filters on the primary key ({@code accountid eq A or accountid eq B}) as navsync's bulk reads send them. */
class KeyFilterContractTest extends SandboxTestBase {

    @Test
    void rowsNamedByIdComeBackPagedAndMissingOnesAreSimplyAbsent() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.post("accounts", "{\"name\":\"Key " + i + "\"}").expect(204).entityId());
        }
        api.post("accounts", "{\"name\":\"Not asked for\"}").expect(204);
        String filter = "accountid eq " + ids.get(0) + " or accountid eq " + ids.get(1) + " or accountid eq "
                + ids.get(2) + " or accountid eq " + ids.get(3) + " or accountid eq " + UUID.randomUUID();
        JsonNode first = api.get("accounts?$select=name&$filter=" + WebApi.enc(filter), "Prefer", "odata.maxpagesize=3")
                .expect(200).json();
        assertThat(first.path("value")).hasSize(3);
        JsonNode second = api.get(first.path("@odata.nextLink").asText().replaceFirst(".*/api/data/v9.2/", ""),
                "Prefer", "odata.maxpagesize=3").expect(200).json();
        assertThat(second.path("value")).hasSize(1);
        assertThat(second.has("@odata.nextLink")).isFalse();
        List<String> names = new ArrayList<>();
        first.path("value").forEach(r -> names.add(r.path("name").asText()));
        second.path("value").forEach(r -> names.add(r.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("Key 0", "Key 1", "Key 2", "Key 3");

        String mixed = "accountid eq " + ids.get(4) + " and name eq 'Key 4'";
        assertThat(api.get("accounts?$select=name&$filter=" + WebApi.enc(mixed)).expect(200).json().path("value")).hasSize(1);
        String other = "accountid eq " + ids.get(4) + " and name eq 'Key 3'";
        assertThat(api.get("accounts?$select=name&$filter=" + WebApi.enc(other)).expect(200).json().path("value")).isEmpty();
    }
}
