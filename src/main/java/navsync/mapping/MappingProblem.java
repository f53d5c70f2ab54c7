package navsync.mapping;

/** One thing wrong with a mapping file: where it is and what it is. */
public record MappingProblem(String file, int line, String key, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + (key == null || key.isEmpty() ? "" : key + ": ") + message;
    }
}
