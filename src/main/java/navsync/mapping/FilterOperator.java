package navsync.mapping;

import java.util.Arrays;
import java.util.Optional;

/** Comparison operators of a structured table filter; rendered as SQL by the NAV side. */
public enum FilterOperator {
    eq("="), ne("<>"), gt(">"), ge(">="), lt("<"), le("<="), in("IN"), startswith("LIKE");

    private final String sql;

    FilterOperator(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    public static Optional<FilterOperator> parse(String text) {
        return Arrays.stream(values()).filter(o -> o.name().equals(text)).findFirst();
    }
}
