package navsync.sales;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** Facts of the Sales organization that synchronization needs, read once: its base currency. */
public final class SalesOrganization {

    private final SalesWebApi api;
    private volatile UUID baseCurrencyId;
    /**
     * A failed read answers the rest of its pass, so that a pass's records do not each wait for it; a
     * later pass reads again, however soon it starts (its retry set must get a real chance).
     */
    private volatile Failure lastFailure;

    private record Failure(UUID jobId, SalesException error) {
    }

    public SalesOrganization(SalesWebApi api) {
        this.api = api;
    }

    /**
     * The organization's base currency (what a blank NAV currency code, NAV's LCY, stands for).
     *
     * @param jobId the synchronization job asking; null outside a job (every call reads until one succeeds)
     */
    public UUID baseCurrencyId(UUID jobId) {
        UUID id = baseCurrencyId;
        if (id == null) {
            Failure failed = lastFailure;
            if (failed != null && jobId != null && jobId.equals(failed.jobId())) {
                throw failed.error();
            }
            SalesResponse response = api.get("organizations?$select=_basecurrencyid_value");
            if (!response.isSuccess()) {
                SalesException error = new SalesException(response.error());
                lastFailure = new Failure(jobId, error);
                throw error;
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
