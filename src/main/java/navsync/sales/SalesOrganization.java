package navsync.sales;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** Facts of the Sales organization that synchronization needs, read once: its base currency. */
public final class SalesOrganization {

    private final SalesWebApi api;
    private volatile UUID baseCurrencyId;

    public SalesOrganization(SalesWebApi api) {
        this.api = api;
    }

    /** The organization's base currency (what a blank NAV currency code, NAV's LCY, stands for). */
    public UUID baseCurrencyId() {
        UUID id = baseCurrencyId;
        if (id == null) {
            SalesResponse response = api.get("organizations?$select=_basecurrencyid_value");
            if (!response.isSuccess()) {
                throw new SalesException(response.error());
            }
            JsonNode value = response.json().path("value").path(0).path("_basecurrencyid_value");
            if (!value.isTextual()) {
                throw new IllegalStateException("the Sales organization has no base currency (organizations returned "
                        + response.body() + ")");
            }
            id = UUID.fromString(value.asText());
            baseCurrencyId = id;
        }
        return id;
    }
}
