package ai.mnemo.events.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be read or does not validate; carries every problem found, not just the first. */
public final class InvalidSpecException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidSpecException(List<Violation> violations) {
        super("invalid experiment spec: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
