package navsync.nav;

import java.util.Map;

/** A statement for the NAV database with its named parameters, as camel-jdbc takes them ({@code :?name}). */
public record NavQuery(String sql, Map<String, Object> parameters) {
}
