package navsync.sales;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The precision (decimal places) of Sales' Money, Decimal and Float columns, from the table
 * definitions ({@code Precision} of MoneyAttributeMetadata, DecimalAttributeMetadata,
 * DoubleAttributeMetadata), read once per column. Sales rounds a value with more places to it.
 */
public final class DecimalPrecisions {

    private final SalesWebApi api;
    private final Map<String, Optional<Integer>> known = new ConcurrentHashMap<>();

    public DecimalPrecisions(SalesWebApi api) {
        this.api = api;
    }

    /**
     * The column's precision, or empty when it is no number column with decimal places.
     *
     * @throws SalesException when Sales cannot say
     */
    public Optional<Integer> precision(String entity, String attribute) {
        String column = entity + "." + attribute;
        Optional<Integer> precision = known.get(column);
        if (precision != null) {
            return precision;
        }
        SalesResponse response = api.get("EntityDefinitions(LogicalName='" + entity + "')/Attributes(LogicalName='"
                + attribute + "')");
        if (!response.isSuccess()) {
            throw new SalesException(response.error());
        }
        String type = response.json().path("@odata.type").asText("");
        JsonNode places = response.json().path("Precision");
        precision = places.isInt() && (type.endsWith(".MoneyAttributeMetadata") || type.endsWith(".DecimalAttributeMetadata")
                || type.endsWith(".DoubleAttributeMetadata")) ? Optional.of(places.asInt()) : Optional.empty();
        known.put(column, precision);
        return precision;
    }
}
