package ai.mnemo.events.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.StoppingRule;
import ai.mnemo.events.v1.TrainingSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecResolutionTest {

    @Test
    void withNothingWrittenTheDocsDefaultsApply() {
        TrainingSpec resolved = TrainingSpec.resolve(null, null);

        assertEquals(new TrainingSpec(5e-5, 32, 0.05, 0.0, 1.0, 2048, new StoppingSpec("auto", 20, 1e-4, 10), null, null, null),
                resolved);
    }

    @Test
    void aStageOverridesTheExperimentKeyByKeyIncludingInsideStopping() {
        TrainingSpec experiment = new TrainingSpec(0.002, 16, null, null, null, null,
                new StoppingSpec("memorized", 400, null, null), null, null, null);
        TrainingSpec stage = new TrainingSpec(null, 8, null, 0.1, null, null, new StoppingSpec(null, 50, null, 3), null, null, null);

        TrainingSpec resolved = TrainingSpec.resolve(stage, experiment);

        assertEquals(new TrainingSpec(0.002, 8, 0.05, 0.1, 1.0, 2048, new StoppingSpec("memorized", 50, 1e-4, 3), null, null, null),
                resolved);
    }

    @Test
    void aResolvedBlockBecomesTheJobsSettings() {
        TrainingSpec resolved = TrainingSpec.resolve(null, new TrainingSpec(0.002, null, null, null, null, null,
                new StoppingSpec("auto", 400, null, null), null, null, null));
        StoppingSpec stopping = resolved.stopping();

        assertThrows(IllegalStateException.class, stopping::toRule);
        StoppingRule rule = stopping.withRule(StoppingRule.MEMORIZED).toRule();
        TrainingSettings settings = resolved.toSettings(7L, rule);

        assertEquals(new TrainingSettings(0.002, 32, 0.05, 0.0, 1.0, 7L, 2048,
                new StoppingRule("memorized", 400, 1e-4, 10)), settings);
        assertThrows(IllegalStateException.class,
                () -> new TrainingSpec(0.1, null, null, null, null, null, null, null, null, null).toSettings(0L, rule));
    }

    @Test
    void resolvingTheQuickstartFillsEveryDefaultButAutoAndMetric() {
        ExperimentSpec spec = ExperimentSpecs.parse(SpecEdits.resource("quickstart.yaml")).resolve();

        StageSpec stage = spec.stages().get(1);
        assertEquals(new DatasetSpec("kvr", "B", 100, null, "qa", false, null, 16), stage.dataset());
        assertEquals("none", stage.gate());
        assertEquals(new TrainingSpec(0.002, 32, 0.05, 0.0, 1.0, 2048, new StoppingSpec("memorized", 400, 1e-4, 10), null, null, null),
                stage.training());
        assertEquals(new EvaluationSpec(16, 32), spec.evaluation());
        assertEquals(List.of(0L), spec.grid().seeds());
        assertEquals(new MixingSpec("random-words", 2.0, List.of(0, 1), 50, null),
                spec.grid().methods().get(1).mixing());
    }

    @Test
    void resolvingFillsDefaultsThatDependOnTheDatasetAndTheStageCount() {
        ExperimentSpec spec = SpecEdits.quickstartWith(List.of(
                "stages[0].dataset={\"name\": \"popqa\", \"path\": \"popqa.jsonl\"}",
                "stages[1].training={\"batchSize\": 4}",
                "grid.methods[1].mixing={\"source\": \"fineweb\"}",
                "grid.seeds=null", "evaluation=null", "model={\"preset\": \"tiny\"}")).resolve();

        assertEquals(new DatasetSpec("popqa", "A", 2000, "popqa.jsonl", "qa", true, null, null),
                spec.stages().get(0).dataset(), "the cap is left to the dataset catalogue");
        assertEquals(32, spec.stages().get(0).training().batchSize());
        assertEquals(4, spec.stages().get(1).training().batchSize());
        assertEquals(0.002, spec.stages().get(1).training().learningRate());
        assertEquals(new MixingSpec("fineweb", 2.0, List.of(0, 1), 50, null), spec.grid().methods().get(1).mixing());
        assertEquals(List.of(0L), spec.grid().seeds());
        assertEquals(0L, spec.model().seed());
    }

    @Test
    void theModelSpecBecomesTheJobsModelRef() {
        assertEquals(ModelRef.preset("tiny", 0L), new ModelSpec("tiny", null, null).toModelRef());
        assertEquals(ModelRef.uri("file:/models/x"), new ModelSpec(null, "file:/models/x", null).toModelRef());
    }

    @Test
    void datasetsAreLabelledAsInEvents() {
        assertEquals("kvr:A", new DatasetSpec("kvr", null, null, null, null, null, null, null).label());
        assertEquals("popqa:B", new DatasetSpec("popqa", "B", null, null, null, null, null, null).label());
    }
}
