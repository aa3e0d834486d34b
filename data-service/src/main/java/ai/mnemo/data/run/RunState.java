package ai.mnemo.data.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The versioned state of one run, kept by data-service in {@code runs/<runId>/state.json}: its phase, why it
 * ended when it failed, and each stage's status. Every change raises {@code version} by one.
 */
public record RunState(
        int version,
        String runId,
        RunPhase phase,
        String reason,
        List<StageState> stages,
        Instant updated) {

    public RunState {
        stages = List.copyOf(stages);
    }

    /** A run just planned: version 0, every stage pending. */
    public static RunState planned(String runId, int stageCount) {
        return new RunState(0, runId, RunPhase.PLANNED, null, Collections.nCopies(stageCount, StageState.pending()),
                null);
    }

    public StageState stage(int i) {
        return stages.get(i);
    }

    @JsonIgnore
    public boolean terminal() {
        return phase.terminal();
    }

    RunState withPhase(RunPhase next, String why) {
        return new RunState(version, runId, next, why, stages, updated);
    }

    RunState withStage(int i, StageState stage) {
        List<StageState> copy = new ArrayList<>(stages);
        copy.set(i, stage);
        return new RunState(version, runId, phase, reason, copy, updated);
    }

    RunState next(Instant now) {
        return new RunState(version + 1, runId, phase, reason, stages, now);
    }

    /** What the run waits for, in words, e.g. {@code "training of stage 1 (attempt 2, started) since ..."}. */
    public String waitingFor(Instant now) {
        if (phase == RunPhase.PLANNED) {
            return "its known-fact probes or an idle trainer";
        }
        if (phase.terminal()) {
            return "nothing: " + phase.name().toLowerCase(java.util.Locale.ROOT);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageState s = stages.get(i);
            String ago = s.since() == null ? "" : " for " + Duration.between(s.since(), now).toSeconds() + " s";
            if (s.status() == StageStatus.TRAINING && s.retryAt() != null) {
                parts.add("training of stage " + i + " (attempt " + s.attempt() + ", due in "
                        + Math.max(0, Duration.between(now, s.retryAt()).toSeconds()) + " s after a failure)");
            } else if (s.status() == StageStatus.TRAINING) {
                parts.add("training of stage " + i + " (attempt " + s.attempt() + (s.started() ? ", started"
                        : ", queued for a trainer") + ")" + ago);
            } else if (s.status() == StageStatus.TRAINED) {
                parts.add("evaluation of stage " + i + ago);
            }
        }
        return String.join("; ", parts);
    }
}
