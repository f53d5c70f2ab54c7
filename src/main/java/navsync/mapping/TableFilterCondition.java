package navsync.mapping;

import java.util.List;

/**
 * One condition of a mapping's NAV table filter ({@code Blocked eq 0}). Conditions are ANDed.
 * For {@link FilterOperator#in} the value is a list.
 */
public record TableFilterCondition(String field, String column, FilterOperator operator, Object value) {

    public List<?> values() {
        return value instanceof List<?> list ? list : List.of(value);
    }
}
