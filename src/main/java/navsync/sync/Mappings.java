package navsync.sync;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import navsync.mapping.IntegrationTableMapping;

/** The loaded integration table mappings, by name. */
public final class Mappings {

    private final Map<String, IntegrationTableMapping> byName = new LinkedHashMap<>();

    public Mappings(List<IntegrationTableMapping> mappings) {
        mappings.forEach(m -> byName.put(m.name(), m));
    }

    public Collection<IntegrationTableMapping> all() {
        return byName.values();
    }

    public Optional<IntegrationTableMapping> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public IntegrationTableMapping get(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("no integration table mapping named '" + name
                + "'; known: " + byName.keySet()));
    }
}
