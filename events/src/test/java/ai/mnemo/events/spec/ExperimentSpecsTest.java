package ai.mnemo.events.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.EventCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExperimentSpecsTest {

    @Test
    void theDocsYamlExampleParsesAndValidatesClean() {
        ExperimentSpec spec = ExperimentSpecs.parse(SpecEdits.resource("quickstart.yaml"));

        assertEquals(List.of(), SpecValidator.validate(spec));
        assertEquals("quickstart", spec.name());
        assertEquals(100, spec.stages().get(1).dataset().size());
        assertEquals(List.of(0, 1), spec.grid().methods().get(1).mixing().stages());
    }

    @Test
    void theTestCopyOfTheExampleIsTheOneInTheDocs() throws IOException {
        Path doc = Path.of("..", "docs", "experiment-spec.md");
        assertTrue(Files.exists(doc), "the spec documentation is missing: " + doc);
        Matcher yaml = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(doc));
        assertTrue(yaml.find(), "no yaml example in " + doc);

        ExperimentSpec fromDoc = ExperimentSpecs.parse(yaml.group(1));

        assertEquals(ExperimentSpecs.parse(SpecEdits.resource("quickstart.yaml")), fromDoc);
    }

    @Test
    void theSameExampleInJsonParsesToTheSameSpec() {
        ExperimentSpec json = ExperimentSpecs.parse(SpecEdits.resource("quickstart.json"));

        assertEquals(ExperimentSpecs.parse(SpecEdits.resource("quickstart.yaml")), json);
        assertEquals(List.of(), SpecValidator.validate(json));
    }

    @Test
    void aSpecUsingEveryFieldIsValidAndSurvivesJson() throws IOException {
        ExperimentSpec spec = ExperimentSpecs.parse(SpecEdits.resource("every-field.yaml"));

        assertEquals(List.of(), SpecValidator.validate(spec));
        assertEquals(spec, ExperimentSpecs.parse(EventCodec.json().writeValueAsString(spec)));
        assertEquals(List.of(0.5, 1.0, 4.0), spec.grid().mixRatios());
        assertEquals(1e-4, spec.stages().get(1).training().learningRate());
    }

    @Test
    void parsesAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("spec.yaml"), SpecEdits.resource("quickstart.yaml"));

        assertEquals(ExperimentSpecs.parse(SpecEdits.resource("quickstart.yaml")), ExperimentSpecs.parse(file));
    }

    @Test
    void aTypeErrorInYamlNamesTheField() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> ExperimentSpecs.parse(SpecEdits.resource("type-error.yaml")));

        assertEquals(List.of(new Violation("stages[0].dataset.size", "expected an integer (was \"many\", a string)")),
                e.violations());
    }

    @Test
    void anUnknownKeyIsATypoNotSomethingToIgnore() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> ExperimentSpecs.parse(SpecEdits.resource("unknown-key.yaml")));

        assertEquals(List.of(new Violation("training.learningrate", "unknown field")), e.violations());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            stages: [{dataset: {size: 2.5}}]       | stages[0].dataset.size   | expected an integer (was 2.5)
            grid: {seeds: [1, x]}                  | grid.seeds[1]            | expected an integer (was "x", a string)
            stages: 3                              | stages                   | expected a list
            name: {first: a}                       | name                     | expected a string
            stages: [{dataset: {filter: maybe}}]   | stages[0].dataset.filter | expected true or false (was "maybe", a string)
            '{"grid": {"methods": [{"mixing": []}]}}' | grid.methods[0].mixing | expected an object
            'name: a\nname: b'                     | name                     | is given twice
            'stages:\n  - dataset: {size: 1, size: 2}' | stages[0].dataset.size | is given twice
            '- just\n- a list'                     | ''                       | expected an object
            """)
    void aValueOfTheWrongKindIsAViolationAtItsPath(String text, String field, String message) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> ExperimentSpecs.parse(text.replace("\\n", "\n")));

        assertEquals(List.of(new Violation(field, message)), e.violations());
    }

    @ParameterizedTest(name = "[{index}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL
            ''
            '  \\n# only a comment\\n'
            """)
    void anEmptyDocumentIsOneViolation(String text) {
        String document = text == null ? null : text.replace("\\n", "\n");

        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> ExperimentSpecs.parse(document));

        assertEquals(List.of(new Violation("", "the document is empty")), e.violations());
    }

    @Test
    void malformedDocumentsSayWhere() {
        InvalidSpecException yaml = assertThrows(InvalidSpecException.class,
                () -> ExperimentSpecs.parse("name: a\nstages: [{dataset: {name: kvr}\n"));
        InvalidSpecException json = assertThrows(InvalidSpecException.class,
                () -> ExperimentSpecs.parse("{\"name\": \"a\", "));

        assertTrue(yaml.violations().get(0).message().startsWith("malformed document at line"), yaml.getMessage());
        assertTrue(json.violations().get(0).message().startsWith("malformed document at line 1"), json.getMessage());
    }

    @Test
    void aByteOrderMarkDoesNotHideJson() {
        ExperimentSpec spec = ExperimentSpecs.parse("\uFEFF  " + SpecEdits.resource("quickstart.json"));

        assertEquals("quickstart", spec.name());
    }
}
