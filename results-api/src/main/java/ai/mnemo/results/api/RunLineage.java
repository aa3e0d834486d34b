package ai.mnemo.results.api;

import java.time.Instant;
import java.util.List;

/**
 * One run and its stages in order.
 *
 * @param mixRatio present for methods that mix
 * @param failure why the run stopped; null unless it failed
 * @param endedAt when RunCompleted or RunFailed was emitted
 * @param cost the device-seconds of its stages' trainings and evaluations
 */
public record RunLineage(
        String id,
        String experimentId,
        String method,
        Double mixRatio,
        Long seed,
        String label,
        String status,
        Integer stageCount,
        Failure failure,
        Instant endedAt,
        List<StageLineage> stages,
        Cost cost) {

    /** The cost summed from the stages. */
    public RunLineage(String id, String experimentId, String method, Double mixRatio, Long seed, String label,
            String status, Integer stageCount, Failure failure, Instant endedAt, List<StageLineage> stages) {
        this(id, experimentId, method, mixRatio, seed, label, status, stageCount, failure, endedAt, stages,
                Cost.ofStages(stages));
    }

    /** The reason, for people, and the stage it belongs to when there is one. */
    public record Failure(String reason, Integer stageIndex) {
    }
}
