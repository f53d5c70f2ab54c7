package navsync.mapping;

import java.util.Map;

/**
 * A mapping as its file declared it, with the lines that the checks across files name.
 *
 * @param name             the mapping's name
 * @param mapping          the mapping, or null when its file has problems
 * @param nameLine         line of {@code name}
 * @param table            where the file names its NAV table
 * @param dependencyLines  each {@code dependsOn} entry with its line
 * @param allowOverlapWith each {@code allowOverlapWith} entry with its line
 */
record LoadedMapping(String name, IntegrationTableMapping mapping, int nameLine, KeyLine table,
                     Map<String, KeyLine> dependencyLines, Map<String, KeyLine> allowOverlapWith) {

    /** A line of a mapping file and the key on it. */
    record KeyLine(int line, String key) {
    }
}
