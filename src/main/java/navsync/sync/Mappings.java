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

    /**
     * All mappings, each after the mappings it depends on ({@code dependsOn} and the targets of its
     * lookups); otherwise in file order. The loader refuses dependency cycles.
     */
    public List<IntegrationTableMapping> dependencyOrder() {
        List<IntegrationTableMapping> ordered = new java.util.ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (IntegrationTableMapping mapping : byName.values()) {
            visit(mapping, done, ordered);
        }
        return ordered;
    }

    private void visit(IntegrationTableMapping mapping, java.util.Set<String> done, List<IntegrationTableMapping> ordered) {
        if (!done.add(mapping.name())) {
            return;
        }
        for (String dependency : mapping.dependencies()) {
            find(dependency).ifPresent(d -> visit(d, done, ordered));
        }
        ordered.add(mapping);
    }

    public IntegrationTableMapping get(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("no integration table mapping named '" + name
                + "'; known: " + byName.keySet()));
    }
}
