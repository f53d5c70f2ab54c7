package navsync.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import navsync.mapping.FieldMapping;
import navsync.mapping.IntegrationTableMapping;

/**
 * The loaded integration table mappings, by name, and the order they run in. A mapping runs after
 * those it names in {@code dependsOn} and after the targets of its lookups, except where a lookup
 * would close a cycle (a self reference, or the account's primary contact while contacts depend on
 * accounts): such a lookup is a <em>second-pass lookup</em>, filled once both rows exist.
 */
public final class Mappings {

    private final Map<String, IntegrationTableMapping> byName = new LinkedHashMap<>();
    /** Mapping name -> the mappings it runs after (dependsOn and first-pass lookup targets). */
    private final Map<String, Set<String>> runsAfter = new HashMap<>();
    /** Mapping name -> keys of its second-pass lookup pairs. */
    private final Map<String, Set<String>> secondPass = new HashMap<>();

    public Mappings(List<IntegrationTableMapping> mappings) {
        mappings.forEach(m -> byName.put(m.name(), m));
        mappings.forEach(m -> runsAfter.put(m.name(), new LinkedHashSet<>(m.dependsOn())));
        // dependsOn is acyclic (the loader checks); lookups are added in file order unless they close a cycle
        for (IntegrationTableMapping mapping : mappings) {
            for (FieldMapping field : mapping.fields()) {
                if (field.lookup() == null || !byName.containsKey(field.lookup().mapping())) {
                    continue;
                }
                String target = field.lookup().mapping();
                if (target.equals(mapping.name()) || reaches(target, mapping.name())) {
                    secondPass.computeIfAbsent(mapping.name(), k -> new HashSet<>()).add(field.key());
                } else {
                    runsAfter.get(mapping.name()).add(target);
                }
            }
        }
    }

    private boolean reaches(String from, String to) {
        List<String> todo = new ArrayList<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (name.equals(to)) {
                return true;
            }
            if (seen.add(name)) {
                todo.addAll(runsAfter.getOrDefault(name, Set.of()));
            }
        }
        return false;
    }

    public Collection<IntegrationTableMapping> all() {
        return byName.values();
    }

    public Optional<IntegrationTableMapping> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether this lookup pair of the mapping is filled in a second pass (it would close a dependency cycle). */
    public boolean isSecondPass(IntegrationTableMapping mapping, FieldMapping pair) {
        return secondPass.getOrDefault(mapping.name(), Set.of()).contains(pair.key());
    }

    /** The mappings with second-pass lookups into {@code target}'s couplings (the target itself for a self reference). */
    public List<IntegrationTableMapping> waitingFor(String target) {
        List<IntegrationTableMapping> out = new ArrayList<>();
        for (IntegrationTableMapping mapping : byName.values()) {
            if (mapping.pairs().stream().anyMatch(p -> p.lookup() != null && p.lookup().mapping().equals(target)
                    && isSecondPass(mapping, p))) {
                out.add(mapping);
            }
        }
        return out;
    }

    /** All mappings, each after the mappings it runs after; otherwise in file order. */
    public List<IntegrationTableMapping> dependencyOrder() {
        List<IntegrationTableMapping> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (IntegrationTableMapping mapping : byName.values()) {
            visit(mapping, done, ordered);
        }
        return ordered;
    }

    private void visit(IntegrationTableMapping mapping, Set<String> done, List<IntegrationTableMapping> ordered) {
        if (!done.add(mapping.name())) {
            return;
        }
        for (String dependency : runsAfter.get(mapping.name())) {
            find(dependency).ifPresent(d -> visit(d, done, ordered));
        }
        ordered.add(mapping);
    }

    public IntegrationTableMapping get(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("no integration table mapping named '" + name
                + "'; known: " + byName.keySet()));
    }
}
