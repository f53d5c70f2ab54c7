package navsync.app;

import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * navsync's configuration keys ({@code navsync.*}), read through Camel's properties: a JVM system
 * property or an environment variable ({@code navsync.state.url} = {@code NAVSYNC_STATE_URL})
 * overrides {@code application.properties}. The keys and defaults are listed in README.md.
 */
final class Settings {

    private final PropertiesComponent properties;

    Settings(CamelContext camel) {
        this.properties = camel.getPropertiesComponent();
    }

    Optional<String> optional(String key) {
        return properties.resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    String text(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    int integer(String key, int defaultValue) {
        String value = text(key, Integer.toString(defaultValue));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration " + key + " must be a whole number, got '" + value + "'");
        }
    }

    boolean bool(String key, boolean defaultValue) {
        String value = text(key, Boolean.toString(defaultValue));
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("configuration " + key + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** A duration written as 30s, 15m, 2h or 1d (the mapping files' interval form). */
    java.time.Duration duration(String key, String defaultValue) {
        String value = text(key, defaultValue);
        try {
            return navsync.mapping.Schedule.parseInterval(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration " + key + ": " + e.getMessage());
        }
    }
}
