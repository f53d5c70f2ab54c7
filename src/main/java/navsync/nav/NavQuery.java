package navsync.nav;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A statement for the NAV database with its named parameters, as camel-jdbc takes them ({@code :?name}). */
public record NavQuery(String sql, Map<String, Object> parameters) {

    private static final Pattern PARAMETER = Pattern.compile(":\\?(\\w+)");

    /** The statement as JDBC takes it: each {@code :?name} replaced by {@code ?}, as camel-jdbc does. */
    public String jdbcSql() {
        return PARAMETER.matcher(sql).replaceAll("?");
    }

    /** The values of the {@code ?} of {@link #jdbcSql()}, in order. */
    public List<Object> jdbcParameters() {
        List<Object> values = new ArrayList<>();
        Matcher m = PARAMETER.matcher(sql);
        while (m.find()) {
            values.add(parameters.get(m.group(1)));
        }
        return values;
    }
}
