package ai.mnemo.events.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The door's bounds on cost, its refusal of unprintable text, strict types and strict UTF-8. */
class SpecLimitsTest {

    record Case(String field, String messageStart, List<String> edits) {

        @Override
        public String toString() {
            return String.join(", ", edits);
        }
    }

    private static Case refused(String field, String messageStart, String... edits) {
        return new Case(field, messageStart, List.of(edits));
    }

    static Stream<Case> refusals() {
        return Stream.of(
                refused("training.stopping.epochs", "must be at most 1000 (was 1000000000; the operator's limit "
                        + "mnemo.limits.epochs)", "training.stopping={\"epochs\": 1000000000}"),
                refused("grid.methods[1].mixing.wordsPerSequence", "must be at most 2048 (was 2147483647",
                        "grid.methods[1].mixing.wordsPerSequence=2147483647"),
                refused("grid.methods[1].mixing.ratio", "must be at most 100 (was 1.0E300",
                        "grid.methods[1].mixing.ratio=1e300"),
                refused("grid.mixRatios[0]", "must be at most 100 (was 1000.0", "grid.mixRatios=[1000.0]"),
                refused("evaluation.maxNewTokens", "must be at most 8192 (was 2147483647",
                        "evaluation={\"maxNewTokens\": 2147483647}"),
                refused("stages[0].dataset.maxNewTokens", "must be at most 8192",
                        "stages[0].dataset.maxNewTokens=100000"),
                refused("training.batchSize", "must be at most 8192", "training.batchSize=100000"),
                refused("training.maxSequenceLength", "must be at most 131072",
                        "training.maxSequenceLength=2147483647"),
                refused("grid.seeds", "must have between 1 and 50 entries (was 51)",
                        "grid.seeds=" + range(51)),
                refused("grid", "expands into 2500 runs", "grid.seeds=" + range(50), "grid.learningRates="
                        + "[1e-5, 2e-5, 3e-5, 4e-5, 5e-5, 6e-5, 7e-5, 8e-5, 9e-5, 1e-4, 2e-4, 3e-4, 4e-4, 5e-4, 6e-4,"
                        + " 7e-4, 8e-4, 9e-4, 1e-3, 2e-3, 3e-3, 4e-3, 5e-3, 6e-3, 7e-3]"),
                refused("stages[0].training.stopping.epochs", "lets the stage take up to ",
                        "stages[0].dataset.size=100000", "training.batchSize=1",
                        "training.stopping={\"epochs\": 1000}"),
                refused("name", "must contain printable characters only (character 3 is U+0000)",
                        "name=\"abc\\u0000\""),
                refused("name", "must contain printable characters only (character 0 is U+001B)",
                        "name=\"\\u001b[31mred\""),
                refused("name", "must contain printable characters only (character 4 is U+202E)",
                        "name=\"file\\u202Etxt.exe\""),
                refused("stages[0].dataset.path", "must contain printable characters only",
                        "stages[0].dataset.path=\"a\\tb.jsonl\""),
                refused("model.uri", "must contain printable characters only",
                        "model={\"uri\": \"llama\\u0007\"}"),
                refused("stages[0].dataset.format", "multiple-choice does not apply to kvr",
                        "stages[0].dataset.format=\"multiple-choice\""),
                refused("stages[0].dataset.filter", "kvr facts are random strings",
                        "stages[0].dataset.filter=true"),
                refused("stages[1].dataset.format", "gsm8k has long answers",
                        "stages[1].dataset={\"name\": \"gsm8k\", \"path\": \"gsm8k.jsonl\", "
                                + "\"format\": \"multiple-choice\"}"),
                refused("grid.methods[1].mixing.path", "mixing source fineweb needs its export",
                        "grid.methods[1].mixing.source=\"fineweb\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesAtTheNamedField(Case c) {
        List<Violation> violations = SpecValidator.validate(SpecEdits.quickstartWith(c.edits()));
        assertEquals(1, violations.size(), () -> "one violation expected, got " + violations);
        assertEquals(c.field(), violations.get(0).field());
        assertTrue(violations.get(0).message().startsWith(c.messageStart()),
                () -> violations.get(0).message() + " should start with " + c.messageStart());
    }

    @Test
    void anOperatorsLimitIsTheOneApplied() {
        SpecLimits d = SpecLimits.DEFAULTS;
        SpecLimits tight = new SpecLimits(1, d.seeds(), d.stages(), d.epochs(), d.stepsPerStage(), d.datasetSize(),
                d.wordsPerSequence(), d.mixRatio(), d.newTokens(), d.sequenceLength(), d.batchSize(), d.gridValues(),
                d.specBytes());
        List<Violation> violations = SpecValidator.validate(SpecEdits.quickstartWith(List.of()), tight,
                ModelCatalog.UNCHECKED);
        assertEquals(List.of(new Violation("grid", "expands into 2 runs (methods and their grid values x learning"
                + " rates x batch sizes x seeds); the operator's limit mnemo.limits.runs is 1")), violations);
        assertTrue(SpecValidator.validate(SpecEdits.quickstartWith(List.of()), SpecLimits.DEFAULTS,
                ModelCatalog.UNCHECKED).isEmpty());
    }

    @Test
    void aModelUriIsAskedOfTheCatalogueOnlyWhenWellFormed() {
        ModelCatalog none = uri -> Optional.of("no model '" + uri + "' under the model root");
        List<Violation> violations = SpecValidator.validate(SpecEdits.quickstartWith(List.of(
                "model={\"uri\": \"llama-3-8b\"}")), SpecLimits.DEFAULTS, none);
        assertEquals(List.of(new Violation("model.uri", "no model 'llama-3-8b' under the model root")), violations);
        List<Violation> escaping = SpecValidator.validate(SpecEdits.quickstartWith(List.of(
                "model={\"uri\": \"../x\"}")), SpecLimits.DEFAULTS, none);
        assertEquals(List.of(new Violation("model.uri", "must stay inside the model root (was ../x)")), escaping);
    }

    @Test
    void aQuotedNumberIsNotANumber() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> ExperimentSpecs.parse(
                "{\"name\": \"x\", \"training\": {\"batchSize\": \"8\"}}"));
        assertEquals("training.batchSize", e.violations().get(0).field());
        assertEquals("expected an integer (was \"8\", a string)", e.violations().get(0).message());
    }

    @Test
    void yamlScientificNotationStaysANumber() {
        ExperimentSpec spec = ExperimentSpecs.parse("name: x\ntraining:\n  learningRate: 1e-4\n");
        assertEquals(1e-4, spec.training().learningRate());
    }

    @Test
    void invalidUtf8IsRefusedWithItsOffset() {
        byte[] bytes = "name: caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length);
        broken[9] = (byte) 0xC3; // a lead byte whose continuation is missing
        broken[10] = (byte) 0x28;
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> ExperimentSpecs.parse(broken));
        assertEquals("the document is not valid UTF-8 (byte 9)", e.violations().get(0).message());
        assertEquals("x", ExperimentSpecs.parse("name: x\n".getBytes(StandardCharsets.UTF_8)).name());
    }

    private static String range(int n) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ", ").append(i);
        }
        return out.append(']').toString();
    }
}
