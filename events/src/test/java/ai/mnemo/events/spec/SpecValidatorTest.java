package ai.mnemo.events.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One failing case per rule of docs/experiment-spec.md, each a single edit of the valid quickstart. */
class SpecValidatorTest {

    record Case(String field, String message, List<String> edits) {

        @Override
        public String toString() {
            return String.join(", ", edits);
        }
    }

    private static Case rule(String field, String message, String... edits) {
        return new Case(field, message, List.of(edits));
    }

    static Stream<Case> violations() {
        String elevenStages = repeat("{\"dataset\": {\"name\": \"kvr\"}}", 11);
        String methods = repeat("{\"name\": \"naive\"}", 51);
        return Stream.of(
                rule("name", "is required", "name=null"),
                rule("name", "must not be blank", "name=\"  \""),
                rule("name", "must be at most 100 characters (was 101)", "name=\"" + "x".repeat(101) + "\""),
                rule("model", "is required", "model=null"),
                rule("model", "exactly one of preset and uri is required (neither given)", "model={}"),
                rule("model", "exactly one of preset and uri is required (both given)", "model.uri=\"file:/m\""),
                rule("model.preset", "must be one of tiny, small (was huge)", "model.preset=\"huge\""),
                rule("model.uri", "must stay inside the model root (was ../llama)", "model={\"uri\": \"../llama\"}"),
                rule("model.uri", "must be a path relative to the model root (was hf://meta/llama)",
                        "model={\"uri\": \"hf://meta/llama\"}"),
                rule("stages", "is required", "stages=null"),
                rule("stages", "must have between 1 and 10 entries (was 0)", "stages=[]"),
                rule("stages", "must have between 1 and 10 entries (was 11)", "stages=" + elevenStages,
                        "grid.methods[1].mixing.stages=null"),
                rule("stages[1]", "is required", "stages[1]=null"),
                rule("stages[1].dataset", "is required", "stages[1].dataset=null"),
                rule("stages[1].dataset.name", "is required", "stages[1].dataset.name=null"),
                rule("stages[1].dataset.name", "must be one of kvr, popqa, triviaqa, entityquestions, lama, webqa, "
                        + "ultrachat, evolcode, apps, gsm8k, math, passages (was wikipedia)",
                        "stages[1].dataset.name=\"wikipedia\""),
                rule("stages[1].dataset.split", "must be one of A, B (was C)", "stages[1].dataset.split=\"C\""),
                rule("stages[1].dataset.size", "must be at least 1 (was 0)", "stages[1].dataset.size=0"),
                rule("stages[1].dataset.size", "must be at most 100000 (was 100001; the operator's limit mnemo.limits.dataset-size)",
                        "stages[1].dataset.size=100001"),
                rule("stages[0].dataset.path", "is required for popqa (its local export, relative to the data root)",
                        "stages[0].dataset.name=\"popqa\""),
                rule("stages[0].dataset.path", "must be a path relative to the data root (was /data/popqa.jsonl)",
                        "stages[0].dataset={\"name\": \"popqa\", \"path\": \"/data/popqa.jsonl\"}"),
                rule("stages[0].dataset.path", "must stay inside the data root (was popqa/../../etc)",
                        "stages[0].dataset={\"name\": \"popqa\", \"path\": \"popqa/../../etc\"}"),
                rule("stages[0].dataset.format", "must be one of qa, multiple-choice, random-prefix (was csv)",
                        "stages[0].dataset.format=\"csv\""),
                rule("stages[0].dataset.format", "random-prefix is only for kvr (was used with popqa)",
                        "stages[0].dataset={\"name\": \"popqa\", \"path\": \"p\", \"format\": \"random-prefix\"}"),
                rule("stages[0].dataset.metric", "must be one of exact-match, substring, last-number, choice-letter "
                        + "(was bleu)", "stages[0].dataset.metric=\"bleu\""),
                rule("stages[0].dataset.maxNewTokens", "must be at least 1 (was 0)",
                        "stages[0].dataset.maxNewTokens=0"),
                rule("stages[0].gate", "must be one of none, memorized (was always)", "stages[0].gate=\"always\""),
                rule("stages[1].training.batchSize", "must be at least 1 (was 0)", "stages[1].training.batchSize=0"),
                rule("stages[1].training.stopping.rule",
                        "must be one of auto, fixed-epochs, loss-threshold, memorized (was never)",
                        "stages[1].training.stopping.rule=\"never\""),
                rule("training.learningRate", "must be greater than 0 (was 0.0)", "training.learningRate=0"),
                rule("training.learningRate", "must be greater than 0 (was -0.1)", "training.learningRate=-0.1"),
                rule("training.batchSize", "must be at least 1 (was 0)", "training.batchSize=0"),
                rule("training.warmupRatio", "must be between 0 and 1 (was 1.5)", "training.warmupRatio=1.5"),
                rule("training.weightDecay", "must be at least 0 (was -0.01)", "training.weightDecay=-0.01"),
                rule("training.maxGradNorm", "must be greater than 0 (was 0.0)", "training.maxGradNorm=0"),
                rule("training.maxSequenceLength", "must be at least 1 (was 0)", "training.maxSequenceLength=0"),
                rule("training.stopping.rule", "must be one of auto, fixed-epochs, loss-threshold, memorized "
                        + "(was early)", "training.stopping.rule=\"early\""),
                rule("training.stopping.epochs", "must be at least 1 (was 0)", "training.stopping.epochs=0"),
                rule("training.stopping.lossThreshold", "must be greater than 0 (was 0.0)",
                        "training.stopping.lossThreshold=0"),
                rule("training.stopping.lossSteps", "must be at least 1 (was 0)", "training.stopping.lossSteps=0"),
                rule("evaluation.maxNewTokens", "must be at least 1 (was 0)", "evaluation.maxNewTokens=0"),
                rule("evaluation.batchSize", "must be at least 1 (was 0)", "evaluation.batchSize=0"),
                rule("grid", "is required", "grid=null"),
                rule("grid.methods", "is required", "grid.methods=null"),
                rule("grid.methods", "must have between 1 and 50 entries (was 0)", "grid.methods=[]"),
                rule("grid.methods", "must have between 1 and 50 entries (was 51)", "grid.methods=" + methods),
                rule("grid.methods[0]", "is required", "grid.methods[0]=null"),
                rule("grid.methods[0].name", "is required", "grid.methods[0].name=null"),
                rule("grid.methods[0].name", "must be one of naive, remix, replay, kl, ewc, lora (was si)",
                        "grid.methods[0].name=\"si\""),
                rule("grid.methods[0].kl", "is only read by method kl (this method is naive)",
                        "grid.methods[0].kl={\"weight\": 1}"),
                rule("grid.methods[0].kl.weight", "must be greater than 0 (was 0.0)",
                        "grid.methods[0]={\"name\": \"kl\", \"kl\": {\"weight\": 0}}"),
                rule("grid.methods[0].ewc.lambda", "must be greater than 0 (was -1.0)",
                        "grid.methods[0]={\"name\": \"ewc\", \"ewc\": {\"lambda\": -1}}"),
                rule("grid.methods[0].lora.rank", "must be between 1 and 4096 (was 0)",
                        "grid.methods[0]={\"name\": \"lora\", \"lora\": {\"rank\": 0}}"),
                rule("grid.methods[0].lora.alpha", "must be greater than 0 (was 0.0)",
                        "grid.methods[0]={\"name\": \"lora\", \"lora\": {\"alpha\": 0}}"),
                rule("grid.methods[0].lora.targetModules[1]", "must be one of q, k, v, o, gate, up, down (was lm_head)",
                        "grid.methods[0]={\"name\": \"lora\", \"lora\": {\"targetModules\": [\"q\", \"lm_head\"]}}"),
                rule("grid.methods[0].lora.targetModules[1]", "repeats grid.methods[0].lora.targetModules[0] (q)",
                        "grid.methods[0]={\"name\": \"lora\", \"lora\": {\"targetModules\": [\"q\", \"q\"]}}"),
                rule("grid.methods[0].lora.stages[0]", "must be a stage index between 0 and 1 (was 2)",
                        "grid.methods[0]={\"name\": \"lora\", \"lora\": {\"stages\": [2]}}"),
                rule("grid.methods[1].mixing.byStage.2", "names stage 2, which grid.methods[1].mixing.stages does not "
                        + "list", "grid.methods[1].mixing.byStage={\"2\": {\"ratio\": 1}}"),
                rule("grid.methods[1].mixing.byStage.1.path", "is required when the stage mixes fineweb, another "
                        + "source than the method's", "grid.methods[1].mixing.byStage={\"1\": {\"source\": \"fineweb\"}}"),
                rule("grid.methods[1].mixing.byStage.1", "sets one stage's source, ratio, wordsPerSequence or path; "
                        + "stages and byStage belong to the method's mixing block",
                        "grid.methods[1].mixing.byStage={\"1\": {\"stages\": [1]}}"),
                rule("grid.methods[1].mixing.byStage.1.ratio", "must be greater than 0 (was 0.0)",
                        "grid.methods[1].mixing.byStage={\"1\": {\"ratio\": 0}}"),
                rule("grid.klWeights", "sweeps a parameter of method kl, which grid.methods does not have",
                        "grid.klWeights=[1]"),
                rule("grid.loraRanks[1]", "must be between 1 and 4096 (was 0)", "grid.methods[0].name=\"lora\"",
                        "grid.loraRanks=[4, 0]"),
                rule("grid.learningRates[0]", "must be greater than 0 (was 0.0)", "grid.learningRates=[0]"),
                rule("grid.batchSizes[1]", "repeats grid.batchSizes[0] (8)", "grid.batchSizes=[8, 8]"),
                rule("stages[1].training.learningRate", "is set while grid.learningRates sweeps the learning rate of "
                        + "every stage; remove one of the two", "stages[1].training={\"learningRate\": 0.1}",
                        "grid.learningRates=[0.01]"),
                rule("training.microBatchSize", "must not be larger than the batch size 16 (was 32)",
                        "training.microBatchSize=32", "grid.batchSizes=[16, 64]"),
                rule("stages[1].training.microBatchSize", "must not be larger than the batch size 8 (was 16)",
                        "stages[1].training={\"batchSize\": 8, \"microBatchSize\": 16}"),
                rule("training.microBatchSize", "must be at least 1 (was 0)", "training.microBatchSize=0"),
                rule("training.loss", "must be one of answer, answer-and-padding (was all)", "training.loss=\"all\""),
                rule("stages[1].training.precision", "must be one of fp32, bf16, mixed, mixed-fp16 (was fp8)",
                        "stages[1].training={\"precision\": \"fp8\"}"),
                rule("grid.methods[1].mixing", "is required for remix", "grid.methods[1].mixing=null"),
                rule("grid.methods[1].mixing.source", "is required", "grid.methods[1].mixing.source=null"),
                rule("grid.methods[1].mixing.source", "must be one of random-words, knowledge-pile, arxiv-pile, "
                        + "fineweb, passages (was wikipedia)", "grid.methods[1].mixing.source=\"wikipedia\""),
                rule("grid.methods[1].mixing.ratio", "must be greater than 0 (was 0.0)",
                        "grid.methods[1].mixing.ratio=0"),
                rule("grid.methods[1].mixing.wordsPerSequence", "must be at least 1 (was 0)",
                        "grid.methods[1].mixing.wordsPerSequence=0"),
                rule("grid.methods[1].mixing.path", "must be a path relative to the data root (was /pile)",
                        "grid.methods[1].mixing.path=\"/pile\""),
                rule("grid.methods[1].mixing.stages", "must not be empty (leave it out to mix every stage)",
                        "grid.methods[1].mixing.stages=[]"),
                rule("grid.methods[1].mixing.stages[1]", "must be a stage index between 0 and 1 (was 2)",
                        "grid.methods[1].mixing.stages=[0, 2]"),
                rule("grid.methods[1].mixing.stages[1]", "must be a stage index between 0 and 1 (was -1)",
                        "grid.methods[1].mixing.stages=[0, -1]"),
                rule("grid.methods[1].mixing.stages[1]", "repeats grid.methods[1].mixing.stages[0] (1)",
                        "grid.methods[1].mixing.stages=[1, 1]"),
                rule("grid.methods[0].replay", "is required for replay (with a fraction, 0 < f <= 1)",
                        "grid.methods[0].name=\"replay\""),
                rule("grid.methods[0].replay.fraction", "is required", "grid.methods[0]={\"name\": \"replay\", "
                        + "\"replay\": {}}"),
                rule("grid.methods[0].replay.fraction", "must be greater than 0 and at most 1 (was 0.0)",
                        "grid.methods[0]={\"name\": \"replay\", \"replay\": {\"fraction\": 0}}"),
                rule("grid.methods[0].replay.fraction", "must be greater than 0 and at most 1 (was 1.5)",
                        "grid.methods[0]={\"name\": \"replay\", \"replay\": {\"fraction\": 1.5}}"),
                rule("grid.mixRatios", "must not be empty", "grid.mixRatios=[]"),
                rule("grid.mixRatios[0]", "must be greater than 0 (was 0.0)", "grid.mixRatios=[0]"),
                rule("grid.mixRatios[1]", "is required", "grid.mixRatios=[1, null]"),
                rule("grid.mixRatios[1]", "repeats grid.mixRatios[0] (2.0)", "grid.mixRatios=[2, 2.0]"),
                rule("grid.seeds", "must not be empty", "grid.seeds=[]"),
                rule("grid.seeds[1]", "is required", "grid.seeds=[1, null]"),
                rule("grid.seeds[2]", "repeats grid.seeds[0] (0)", "grid.seeds=[0, 1, 0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void reportsTheBrokenRuleAtItsField(Case c) {
        List<Violation> violations = SpecValidator.validate(SpecEdits.quickstartWith(c.edits()));

        assertEquals(List.of(new Violation(c.field(), c.message())), violations);
    }

    static Stream<List<String>> validVariants() {
        return Stream.of(
                List.of(),
                List.of("grid.methods[0]={\"name\": \"replay\", \"replay\": {\"fraction\": 1}}"),
                List.of("training.warmupRatio=0", "training.weightDecay=0"),
                List.of("stages=" + repeat("{\"dataset\": {\"name\": \"kvr\", \"size\": 1}}", 10)),
                List.of("grid.methods=" + repeat("{\"name\": \"naive\"}", 20)),
                List.of("model={\"uri\": \"llama-3-8b/instruct\"}"),
                List.of("model={\"uri\": \"file:/models/Meta-Llama-3-8B\"}"),
                List.of("stages[0].dataset.format=\"random-prefix\"", "stages[1].dataset.size=100000"),
                List.of("stages[0].dataset={\"name\": \"gsm8k\", \"path\": \"gsm8k/train.jsonl\"}"),
                List.of("stages[0].gate=\"memorized\"", "grid.methods[1].mixing.stages=null"),
                List.of("name=\"" + "x".repeat(100) + "\"", "grid.mixRatios=[0.5, 1, 4]", "grid.seeds=[0, 1, 2]"),
                List.of("stages[1].training={\"stopping\": {\"rule\": \"auto\"}}"),
                List.of("grid.methods[0]={\"name\": \"kl\"}", "grid.klWeights=[0.1, 10]"),
                List.of("grid.methods[0]={\"name\": \"ewc\", \"ewc\": {\"lambda\": 1e6}}"),
                List.of("grid.methods[0]={\"name\": \"lora\", \"lora\": {\"rank\": 4096, \"alpha\": 1, "
                        + "\"targetModules\": [\"down\"], \"stages\": [0, 1]}}", "grid.loraRanks=[1, 4096]"),
                List.of("grid.methods[1].mixing.byStage={\"1\": {\"source\": \"fineweb\", \"path\": \"fw.jsonl\", "
                        + "\"ratio\": 1}}"),
                List.of("training.microBatchSize=8", "grid.batchSizes=[32, 128, 512]", "grid.learningRates=[1e-4]",
                        "training.loss=\"answer-and-padding\""),
                List.of("training.precision=\"bf16\"", "stages[1].training={\"precision\": \"mixed-fp16\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validVariants")
    void acceptsTheEdgesOfEachRange(List<String> edits) {
        assertEquals(List.of(), SpecValidator.validate(SpecEdits.quickstartWith(edits)));
    }

    @Test
    void reportsEveryProblemAtOnceInDocumentOrder() {
        ExperimentSpec spec = SpecEdits.quickstartWith(List.of("stages[1].dataset.size=0",
                "name=null", "grid.seeds=[3, 3]", "training.stopping.rule=\"never\""));

        List<String> violations = SpecValidator.validate(spec).stream().map(Violation::toString).toList();

        assertEquals(List.of("name: is required",
                "stages[1].dataset.size: must be at least 1 (was 0)",
                "training.stopping.rule: must be one of auto, fixed-epochs, loss-threshold, memorized (was never)",
                "grid.seeds[1]: repeats grid.seeds[0] (3)"), violations);
    }

    @Test
    void anEmptySpecIsOneViolation() {
        assertEquals(List.of(new Violation("", "the spec is empty")), SpecValidator.validate(null));
        assertEquals("the spec is empty", new Violation("", "the spec is empty").toString());
    }

    @Test
    void requireValidThrowsWithAllViolations() {
        ExperimentSpec spec = SpecEdits.quickstartWith(List.of("name=null", "model=null"));

        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> ExperimentSpecs.requireValid(spec));

        assertEquals(2, e.violations().size());
        assertEquals("invalid experiment spec: name: is required; model: is required", e.getMessage());
    }

    private static String repeat(String element, int times) {
        return "[" + String.join(", ", Collections.nCopies(times, element)) + "]";
    }
}
