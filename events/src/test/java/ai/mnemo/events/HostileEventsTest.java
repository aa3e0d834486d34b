package ai.mnemo.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.spec.ExperimentSpecs;
import ai.mnemo.events.spec.InvalidSpecException;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Events that parse as JSON but cannot be true: out-of-range indices and numbers that are not finite. */
class HostileEventsTest {

    private static final String COMPLETED = EventCodec.encode(StageCompleted.of("e", "r", 1, 0, "file:/c", 10, 2,
            0.5, "memorized", 1.0, 100.0));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"stageIndex\":1      | \"stageIndex\":-1      | stageIndex must be between 0 and 999 (was -1)",
        "\"stageIndex\":1      | \"stageIndex\":1000000 | stageIndex must be between 0 and 999 (was 1000000)",
        "\"attempt\":0         | \"attempt\":-3         | attempt must not be negative (was -3)",
        "\"finalLoss\":0.5     | \"finalLoss\":1e400    | expected a finite number",
        "\"trainSeconds\":1.0  | \"trainSeconds\":\"1\" | a string",
    })
    void anImpossibleValueIsRefusedNamingIt(String original, String hostile, String message) {
        assertTrue(COMPLETED.contains(original), COMPLETED);
        EventDecodingException e = assertThrows(EventDecodingException.class,
                () -> EventCodec.decode(COMPLETED.replace(original, hostile), TrainingEvent.class));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ratio: .inf      | ''                            | Malformed numeric value '.inf'",
        "ratio: .nan      | ''                            | Malformed numeric value '.nan'",
        "ratio: 1e400     | grid.methods[0].mixing.ratio  | expected a finite number (was Infinity)",
    })
    void aSpecNumberMustBeFinite(String ratio, String field, String message) {
        String yaml = "name: x\ngrid:\n  methods:\n    - name: remix\n      mixing: {source: random-words, " + ratio
                + "}\n";
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> ExperimentSpecs.parse(yaml));
        assertEquals(field, e.violations().get(0).field(), e.violations().toString());
        assertTrue(e.violations().get(0).message().contains(message), e.violations().toString());
    }
}
