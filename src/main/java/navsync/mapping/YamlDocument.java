package navsync.mapping;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads one mapping file into a YAML node tree: UTF-8 only, one document, no alias that contains
 * itself (whose tree would be infinite). Each refusal is a problem with its line.
 */
final class YamlDocument {

    private YamlDocument() {
    }

    /** The file's root node, or empty (with a problem) when it cannot be read as a mapping file. */
    static Optional<Node> read(Path file, YamlNode.Problems problems) {
        String text;
        try {
            text = utf8(Files.readAllBytes(file), problems);
        } catch (IOException e) {
            problems.add(0, "", "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
        if (text == null) {
            return Optional.empty();
        }
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
            Composer composer = new Composer(settings, new ParserImpl(settings,
                    new StreamReader(settings, new StringReader(text))));
            root = composer.getSingleNode().orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            problems.add(line, "", "not valid YAML: " + e.getProblem());
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.add(0, "", "not valid YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (root == null) {
            problems.add(1, "", "the file is empty");
            return Optional.empty();
        }
        if (recursiveAlias(root, "", Collections.newSetFromMap(new IdentityHashMap<>()),
                Collections.newSetFromMap(new IdentityHashMap<>()), problems)) {
            return Optional.empty();
        }
        return Optional.of(root);
    }

    /** The bytes as UTF-8 text, or null with a problem naming the line and column of the first byte that is not. */
    private static String utf8(byte[] bytes, YamlNode.Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            problems.add(line, "", String.format("not UTF-8 text: byte 0x%02X at column %d; save the file as UTF-8",
                    bytes[at] & 0xff, column));
            return null;
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * Whether a node under {@code node} is one of its own ancestors (an anchor used inside itself); reports the
     * first. {@code open} holds the ancestors of {@code node}, {@code done} the nodes already walked (an alias
     * used many times is walked once).
     */
    private static boolean recursiveAlias(Node node, String path, Set<Node> open, Set<Node> done,
                                          YamlNode.Problems problems) {
        if (open.contains(node)) {
            String anchor = node.getAnchor().map(Anchor::getValue).orElse("?");
            problems.add(node.getStartMark().map(m -> m.getLine() + 1).orElse(0), path,
                    "the anchor &" + anchor + " is used inside itself (a recursive alias)");
            return true;
        }
        if (node instanceof ScalarNode || !done.add(node)) {
            return false;
        }
        open.add(node);
        boolean found = false;
        if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size() && !found; i++) {
                found = recursiveAlias(sequence.getValue().get(i), path + "[" + i + "]", open, done, problems);
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                found = recursiveAlias(tuple.getKeyNode(), path, open, done, problems)
                        || recursiveAlias(tuple.getValueNode(), path.isEmpty() ? key : path + "." + key, open, done,
                        problems);
                if (found) {
                    break;
                }
            }
        }
        open.remove(node);
        return found;
    }
}
