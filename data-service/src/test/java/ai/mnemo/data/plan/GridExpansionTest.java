package ai.mnemo.data.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.StoppingRule;
import ai.mnemo.events.v1.TrainingSettings;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GridExpansionTest {

    private static List<RunPlan> expand(String yaml) {
        return GridExpansion.expand("exp-1", Specs.valid(yaml).resolve());
    }

    @Test
    void runsAreMethodsTimesSeeds() {
        List<RunPlan> runs = expand(Specs.TWO_STAGES);

        assertEquals(List.of("naive/seed0", "naive/seed1", "remix(random-words x2)/seed0",
                "remix(random-words x2)/seed1"), runs.stream().map(RunPlan::label).toList());
        assertEquals(List.of(0L, 1L, 0L, 1L), runs.stream().map(RunPlan::seed).toList());
        assertNull(runs.get(0).mixRatio());
        assertEquals(2.0, runs.get(2).mixRatio());
        assertEquals(List.of("kvr:A", "kvr:B"), runs.get(0).stageLabels());
    }

    @Test
    void mixingMethodsAreCrossedWithTheGridsRatiosAndTheOthersAreNot() {
        List<RunPlan> runs = expand(Specs.TWO_STAGES.replace("seeds: [0, 1]", "mixRatios: [1, 4]\n  seeds: [0]"));

        assertEquals(List.of("naive/seed0", "remix(random-words x1)/seed0", "remix(random-words x4)/seed0"),
                runs.stream().map(RunPlan::label).toList());
        assertEquals(4.0, runs.get(2).method().mixing().ratio(), "the grid's ratio overrides mixing.ratio");
        assertEquals(4.0, runs.get(2).stage(0).mixing().ratio());
    }

    @Test
    void runIdsDeriveFromTheExperimentAndTheCell() {
        List<RunPlan> runs = expand(Specs.TWO_STAGES);

        assertEquals(UUID.nameUUIDFromBytes("exp-1/naive/seed0".getBytes()).toString(), runs.get(0).runId());
        assertEquals(runs, expand(Specs.TWO_STAGES), "a replayed request plans the same runs");
        assertEquals(4, new HashSet<>(runs.stream().map(RunPlan::runId).toList()).size());
        assertNotEquals(runs.get(0).runId(),
                GridExpansion.expand("exp-2", Specs.valid(Specs.TWO_STAGES).resolve()).get(0).runId());
    }

    @Test
    void identicalMethodLabelsAreToldApartByTheirIndex() {
        List<RunPlan> runs = expand(Specs.TWO_STAGES.replace("  seeds: [0, 1]",
                "    - name: remix\n      mixing: {source: random-words, ratio: 2, stages: [1]}\n  seeds: [0]"));

        assertEquals(List.of("naive/seed0", "remix(random-words x2)#1/seed0", "remix(random-words x2)#2/seed0"),
                runs.stream().map(RunPlan::label).toList());
    }

    @Test
    void replayAndItsLabel() {
        List<RunPlan> runs = expand(Specs.TWO_STAGES.replace(
                "    - name: remix\n      mixing: {source: random-words, ratio: 2}",
                "    - name: replay\n      replay: {fraction: 0.05}"));

        RunPlan replay = runs.get(2);
        assertEquals("replay(5%)/seed0", replay.label());
        assertNull(replay.stage(0).replayFraction(), "stage 0 is D_A itself");
        assertEquals(0.05, replay.stage(1).replayFraction());
        assertNull(runs.get(0).stage(1).replayFraction(), "naive replays nothing");
    }

    @Test
    void stagesCarryResolvedSettingsWithTheRunsSeedAndTheAutoRuleOfDa() {
        RunPlan run = expand(Specs.TWO_STAGES).get(3);

        StoppingRule kvrRule = new StoppingRule("fixed-epochs", 20, 1e-4, 10);
        assertEquals(new TrainingSettings(0.002, 8, 0.05, 0.0, 1.0, 1L, 2048, kvrRule), run.stage(0).training());
        assertEquals(new TrainingSettings(0.001, 8, 0.05, 0.0, 1.0, 1L, 2048, kvrRule), run.stage(1).training());
        assertEquals(ModelRef.preset("tiny", 3), run.model());
        assertEquals("exact-match", run.stage(1).metric());
        assertEquals("exact-match", run.stage(1).dataset().metric());
        assertEquals(16, run.stage(0).maxNewTokens());
        assertEquals(12, run.stage(1).maxNewTokens());
        assertEquals("none", run.stage(0).gate());
    }

    @Test
    void theAutoRuleFollowsDaEvenWhenALaterStageIsAnotherDataset() {
        ExperimentSpec spec = Specs.valid(Specs.TWO_STAGES.replace(
                "{name: kvr, split: A, size: 20}", "{name: popqa, path: popqa.jsonl, size: 20}"));
        RunPlan run = GridExpansion.expand("exp-1", spec.resolve()).get(0);

        assertEquals("loss-threshold", run.stage(0).training().stopping().rule());
        assertEquals("loss-threshold", run.stage(1).training().stopping().rule(), "kvr:B follows D_A's rule");
    }

    @Test
    void mixingAppliesOnlyToTheListedStages() {
        List<RunPlan> runs = expand(Specs.TWO_STAGES.replace("ratio: 2}", "ratio: 2, stages: [1]}"));

        assertNull(runs.get(2).stage(0).mixing());
        assertEquals(2.0, runs.get(2).stage(1).mixing().ratio());
        assertEquals(50, runs.get(2).stage(1).mixing().wordsPerSequence());
        assertNull(runs.get(0).stage(1).mixing());
    }

    @Test
    void plansSurviveTheirJsonFile() throws Exception {
        RunPlan run = expand(Specs.TWO_STAGES.replace("ratio: 2}", "ratio: 2, stages: [1]}")).get(2);
        byte[] json = JsonFiles.bytes(run);

        RunPlan back = ai.mnemo.events.EventCodec.json().readValue(new String(json), RunPlan.class);
        assertEquals(run, back);
        String text = new String(json);
        assertEquals(false, text.contains("mixRatio"), "derived values are not stored");
        assertEquals(true, text.contains("\"experimentId\" : \"exp-1\""), text);
    }
}
