package navsync.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML node with its line and path, so every problem found while reading a mapping file can name
 * the file, the line and the key. Problems are collected, not thrown, to report them all at once.
 */
final class YamlNode {

    private final Node node;
    private final String path;
    private final Problems problems;

    YamlNode(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    String path() {
        return path;
    }

    void problem(String message) {
        problems.add(line(), path, message);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** Children of a mapping node by key; reports duplicate and unknown keys. */
    Map<String, YamlNode> fields(Set<String> allowed) {
        return children(allowed);
    }

    /** Children of a mapping node by key, whatever the keys; reports duplicates. */
    Map<String, YamlNode> entries() {
        return children(null);
    }

    private Map<String, YamlNode> children(Set<String> allowed) {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problem("expected a mapping of keys to values");
            return out;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(tuple.getKeyNode());
            String childPath = path.isEmpty() ? key : path + "." + key;
            YamlNode keyNode = new YamlNode(tuple.getKeyNode(), childPath, problems);
            if (out.containsKey(key)) {
                keyNode.problem("duplicate key");
            } else if (allowed != null && !allowed.contains(key)) {
                keyNode.problem("unknown key; expected one of " + new java.util.TreeSet<>(allowed));
            } else {
                out.put(key, new YamlNode(tuple.getValueNode(), childPath, problems));
            }
        }
        return out;
    }

    List<YamlNode> items() {
        List<YamlNode> out = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence)) {
            problem("expected a list");
            return out;
        }
        int i = 0;
        for (Node item : sequence.getValue()) {
            out.add(new YamlNode(item, path + "[" + i++ + "]", problems));
        }
        return out;
    }

    /** The scalar text, or null (with a problem) when this is not a scalar. */
    String text() {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem("expected a single value");
        return null;
    }

    /** YAML's null: a plain {@code null}, {@code Null}, {@code NULL}, {@code ~} or nothing at all. */
    boolean isNull() {
        return node instanceof ScalarNode scalar && scalar.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN
                && (scalar.getValue().isEmpty() || Set.of("null", "Null", "NULL", "~").contains(scalar.getValue()));
    }

    /** A scalar as its natural type: plain true/false, integers and decimals become Boolean/Long/BigDecimal. */
    Object value() {
        if (node instanceof SequenceNode) {
            return items().stream().map(YamlNode::value).toList();
        }
        if (!(node instanceof ScalarNode scalar)) {
            problem("expected a value or a list of values");
            return null;
        }
        String text = scalar.getValue();
        if (scalar.getScalarStyle() != org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN) {
            return text;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.matches("-?\\d{1,18}")) {
            return Long.valueOf(text);
        }
        if (text.matches("-?\\d+\\.\\d+")) {
            return new java.math.BigDecimal(text);
        }
        return text;
    }

    Integer integer() {
        String text = text();
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            problem("expected a whole number, got '" + text + "'");
            return null;
        }
    }

    Boolean bool() {
        String text = text();
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.valueOf(text);
        }
        if (text != null) {
            problem("expected true or false, got '" + text + "'");
        }
        return null;
    }

    <E extends Enum<E>> E enumValue(Class<E> type) {
        String text = text();
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        problem("'" + text + "' is not one of " + names);
        return null;
    }

    /** Collects problems of one file. */
    static final class Problems {
        private final String file;
        private final List<MappingProblem> list;

        Problems(String file, List<MappingProblem> list) {
            this.file = file;
            this.list = list;
        }

        void add(int line, String key, String message) {
            list.add(new MappingProblem(file, line, key, message));
        }

        String file() {
            return file;
        }
    }
}
