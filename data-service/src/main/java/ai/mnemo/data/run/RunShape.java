package ai.mnemo.data.run;

import ai.mnemo.events.v1.ModelRef;
import java.util.List;

/** What the state machine needs of a run's plan: its base model and, per stage, the {@code memorized} gate. */
public record RunShape(ModelRef model, List<Boolean> gated) {

    public RunShape {
        gated = List.copyOf(gated);
    }

    public int stages() {
        return gated.size();
    }

    boolean last(int i) {
        return i == gated.size() - 1;
    }

    boolean gated(int i) {
        return gated.get(i);
    }
}
