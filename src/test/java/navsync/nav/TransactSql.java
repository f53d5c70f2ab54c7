package navsync.nav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.feature.Feature;
import net.sf.jsqlparser.parser.feature.FeatureConfiguration;
import net.sf.jsqlparser.util.validation.Validation;
import net.sf.jsqlparser.util.validation.ValidationError;
import net.sf.jsqlparser.util.validation.feature.DatabaseType;

/**
 * Whether a statement is T-SQL, by a grammar nobody here wrote: JSqlParser parses it with
 * [bracket] quoting and validates it against its SQL Server feature set (which refuses LIMIT, for
 * one). JSqlParser is one grammar for many dialects and also accepts some syntax SQL Server does not
 * have, so those are refused by name here.
 */
final class TransactSql {

    /** Syntax JSqlParser accepts under SQL Server that T-SQL does not have. */
    private static final List<Pattern> NOT_TRANSACT_SQL = List.of(
            Pattern.compile("`"),                               // MySQL quoting
            Pattern.compile("\""),                              // ANSI quoting: depends on QUOTED_IDENTIFIER
            Pattern.compile("::"),                              // PostgreSQL casts
            Pattern.compile("(?i)\\bILIKE\\b"),
            Pattern.compile("(?i)\\bLIMIT\\s+[:?0-9]"));

    private TransactSql() {
    }

    /** What is wrong with {@code sql} as T-SQL; empty when nothing is. */
    static List<String> problems(String sql) {
        List<String> problems = new ArrayList<>();
        FeatureConfiguration brackets = new FeatureConfiguration().setValue(Feature.allowSquareBracketQuotation, true);
        for (ValidationError error : new Validation(brackets, List.of(DatabaseType.SQLSERVER), sql).validate()) {
            error.getErrors().forEach(e -> problems.add(e.getMessage().lines().findFirst().orElse("")));
        }
        for (Pattern pattern : NOT_TRANSACT_SQL) {
            if (pattern.matcher(sql).find()) {
                problems.add("has " + pattern.pattern() + ", which is not T-SQL");
            }
        }
        return problems;
    }

    static void assertTransactSql(String sql) {
        assertThat(problems(sql)).as(sql).isEmpty();
    }
}
