package navsync.nav.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A SQL script from the class path, run statement by statement. Statements end with a {@code ;} at
 * the end of a line; lines starting with {@code --} are comments; {@code ${name}} placeholders are
 * replaced before splitting.
 */
final class SqlScript {

    private final String resource;
    private final List<String> statements;

    private SqlScript(String resource, List<String> statements) {
        this.resource = resource;
        this.statements = statements;
    }

    static SqlScript load(String resource, Map<String, String> placeholders) {
        String text;
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL script not on the class path: " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read SQL script " + resource, e);
        }
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            text = text.replace("${" + p.getKey() + "}", p.getValue());
        }
        return new SqlScript(resource, split(text));
    }

    static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    List<String> statements() {
        return statements;
    }

    /** Runs every statement on the connection, in the connection's transaction mode. */
    void run(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(resource + ": " + e.getMessage() + "\n" + sql, e.getSQLState(),
                            e.getErrorCode(), e);
                }
            }
        }
    }
}
