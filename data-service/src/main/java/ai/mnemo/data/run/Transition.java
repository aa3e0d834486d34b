package ai.mnemo.data.run;

import java.util.List;

/** A run's next state and what to publish for it; {@code changed} is false when the input changed nothing. */
public record Transition(RunState state, List<RunCommand> commands, boolean changed) {

    public Transition {
        commands = List.copyOf(commands);
    }

    static Transition none(RunState state) {
        return new Transition(state, List.of(), false);
    }
}
