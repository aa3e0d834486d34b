package ai.mnemo.data.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.StageMethod;
import ai.mnemo.events.v1.StoppingRule;
import ai.mnemo.events.v1.TrainingSettings;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GridExpansionTest {

    private static List<RunPlan> expand(String yaml) {
        return GridExpansion.expand("exp-1", Specs.valid(yaml).resolve(), Specs.CHECKPOINTS);
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
                GridExpansion.expand("exp-2", Specs.valid(Specs.TWO_STAGES).resolve(), Specs.CHECKPOINTS).get(0).runId());
    }

    @Test
    void identicalMethodLabelsAreToldApartByTheirIndex() {
        List<RunPlan> runs = expand(Specs.TWO_STAGES.replace("  seeds: [0, 1]",
                "    - name: remix\n      mixing: {source: random-words, ratio: 2, wordsPerSequence: 10}\n"
                        + "  seeds: [0]"));

        assertEquals(List.of("naive/seed0", "remix(random-words x2)#1/seed0", "remix(random-words x2)#2/seed0"),
                runs.stream().map(RunPlan::label).toList());
    }

    @Test
    void mixingOfSomeStagesOnlyNamesThemInTheLabel() {
        List<RunPlan> runs = expand(Specs.TWO_STAGES.replace("  seeds: [0, 1]",
                "    - name: remix\n      mixing: {source: random-words, ratio: 2, stages: [1]}\n  seeds: [0]"));

        assertEquals(List.of("naive/seed0", "remix(random-words x2)/seed0", "remix(random-words x2 @1)/seed0"),
                runs.stream().map(RunPlan::label).toList());
    }

    @Test
    void eachStageCanMixItsOwnSourceAndRatio() {
        List<RunPlan> runs = expand(Specs.TWO_STAGES.replace("mixing: {source: random-words, ratio: 2}",
                "mixing: {source: random-words, ratio: 2, wordsPerSequence: 10,"
                        + " byStage: {1: {source: knowledge-pile, ratio: 1, path: kp.jsonl}}}"));
        RunPlan remix = runs.get(2);

        assertEquals("remix(random-words x2 @0; knowledge-pile x1 @1)/seed0", remix.label());
        assertEquals("random-words", remix.stage(0).mixing().source());
        assertEquals(2.0, remix.stage(0).mixing().ratio());
        assertEquals(10, remix.stage(0).mixing().wordsPerSequence());
        assertEquals("knowledge-pile", remix.stage(1).mixing().source());
        assertEquals(1.0, remix.stage(1).mixing().ratio());
        assertEquals("kp.jsonl", remix.stage(1).mixing().path());
    }

    @Test
    void theGridsMixRatiosOverrideTheBaseRatioButNotAStagesOwn() {
        List<RunPlan> runs = expand(Specs.TWO_STAGES.replace("mixing: {source: random-words, ratio: 2}",
                "mixing: {source: random-words, byStage: {1: {ratio: 1}}}").replace("seeds: [0, 1]",
                "mixRatios: [4]\n  seeds: [0]"));

        assertEquals(4.0, runs.get(1).stage(0).mixing().ratio());
        assertEquals(1.0, runs.get(1).stage(1).mixing().ratio());
        assertEquals("remix(random-words x4 @0; random-words x1 @1)/seed0", runs.get(1).label());
    }

    @Test
    void klAndEwcPenaliseTheStagesAfterTheFirstAndEwcKeepsTheFisherOfStageZero() {
        List<RunPlan> runs = expand(Specs.TWO_STAGES.replace("    - name: remix\n      mixing: {source: random-words, "
                + "ratio: 2}", "    - name: kl\n    - name: ewc\n      ewc: {lambda: 50}").replace("seeds: [0, 1]",
                "seeds: [0]"));
        RunPlan kl = runs.get(1);
        RunPlan ewc = runs.get(2);

        assertEquals(List.of("naive/seed0", "kl(weight 1)/seed0", "ewc(lambda 50)/seed0"),
                runs.stream().map(RunPlan::label).toList());
        assertNull(runs.get(0).stage(1).training().method(), "naive trains plainly");
        assertNull(kl.stage(0).training().method(), "nothing to stay close to in stage 0");
        assertEquals(new StageMethod.Kl(1.0), kl.stage(1).training().method().kl());
        assertEquals(new StageMethod(null, null, null, true), ewc.stage(0).training().method());
        assertEquals(new StageMethod.Ewc(50.0, Specs.CHECKPOINTS.apply(ewc.runId())),
                ewc.stage(1).training().method().ewc());
    }

    @Test
    void loraAdaptsTheStagesAfterTheFirstByDefaultAndTheListedOnesOtherwise() {
        String spec = Specs.TWO_STAGES.replace("    - name: remix\n      mixing: {source: random-words, ratio: 2}",
                "    - name: lora\n    - name: lora\n      lora: {rank: 4, alpha: 4, targetModules: [q, v], "
                        + "stages: [0, 1]}").replace("seeds: [0, 1]", "seeds: [0]");
        List<RunPlan> runs = expand(spec);

        assertEquals(List.of("naive/seed0", "lora(r8, alpha 16)/seed0", "lora(r4, alpha 4 @0,1)/seed0"),
                runs.stream().map(RunPlan::label).toList());
        assertNull(runs.get(1).stage(0).training().method());
        assertEquals(new StageMethod.Lora(8, 16.0, List.of("q", "k", "v", "o", "gate", "up", "down")),
                runs.get(1).stage(1).training().method().lora());
        assertEquals(new StageMethod.Lora(4, 4.0, List.of("q", "v")), runs.get(2).stage(0).training().method().lora());
    }

    @Test
    void eachMethodIsCrossedWithTheGridValuesOfItsOwnParameter() {
        List<RunPlan> runs = expand(Specs.TWO_STAGES.replace("    - name: remix\n      mixing: {source: random-words, "
                + "ratio: 2}", "    - name: kl\n    - name: lora").replace("seeds: [0, 1]",
                "klWeights: [0.1, 1]\n  loraRanks: [2, 16]\n  seeds: [0]"));

        assertEquals(List.of("naive/seed0", "kl(weight 0.1)/seed0", "kl(weight 1)/seed0", "lora(r2, alpha 4)/seed0",
                "lora(r16, alpha 32)/seed0"), runs.stream().map(RunPlan::label).toList());
        assertEquals(0.1, runs.get(1).stage(1).training().method().kl().weight());
        assertEquals(16, runs.get(4).stage(1).training().method().lora().rank());
    }

    @Test
    void learningRatesAndBatchSizesOfTheGridApplyToEveryStage() {
        List<RunPlan> runs = expand(Specs.TWO_STAGES.replace("    training: {learningRate: 0.001}\n", "")
                .replace("training: {learningRate: 0.002, batchSize: 8}", "training: {microBatchSize: 4}")
                .replace("seeds: [0, 1]", "learningRates: [0.01, 0.001]\n  batchSizes: [4, 32]\n  seeds: [0]"));

        assertEquals(8, runs.size());
        assertEquals("naive(lr 0.01, batch 4)/seed0", runs.get(0).label());
        assertEquals("remix(random-words x2, lr 0.001, batch 32)/seed0", runs.get(7).label());
        for (StagePlan stage : runs.get(7).stages()) {
            assertEquals(0.001, stage.training().learningRate());
            assertEquals(32, stage.training().batchSize());
            assertEquals(4, stage.training().microBatchSize());
        }
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
        RunPlan run = GridExpansion.expand("exp-1", spec.resolve(), Specs.CHECKPOINTS).get(0);

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
