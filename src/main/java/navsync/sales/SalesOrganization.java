package navsync.sales;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** Facts of the Sales organization that synchronization needs, read once: its base currency. */
public final class SalesOrganization {

    private final SalesWebApi api;
    private volatile UUID baseCurrencyId;
    /** A failed read is not repeated for every record of a batch: it answers the same for a while. */
    private volatile SalesException lastFailure;
    private volatile long retryAfterNanos;
    private static final long RETRY_AFTER_FAILURE_NANOS = 30_000_000_000L;

    public SalesOrganization(SalesWebApi api) {
        this.api = api;
    }

    /** The organization's base currency (what a blank NAV currency code, NAV's LCY, stands for). */
    public UUID baseCurrencyId() {
        UUID id = baseCurrencyId;
        if (id == null) {
            SalesException failed = lastFailure;
            if (failed != null && System.nanoTime() - retryAfterNanos < 0) {
                throw failed;
            }
            SalesResponse response = api.get("organizations?$select=_basecurrencyid_value");
            if (!response.isSuccess()) {
                lastFailure = new SalesException(response.error());
                retryAfterNanos = System.nanoTime() + RETRY_AFTER_FAILURE_NANOS;
                throw lastFailure;
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
