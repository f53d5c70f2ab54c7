package navsync.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** Mapping files that cannot be used; navsync refuses to start with them. */
public final class MappingException extends RuntimeException {

    private final transient List<MappingProblem> problems;

    public MappingException(List<MappingProblem> problems) {
        super("Invalid mapping files:\n  " + problems.stream().map(MappingProblem::toString)
                .collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<MappingProblem> problems() {
        return problems;
    }
}
