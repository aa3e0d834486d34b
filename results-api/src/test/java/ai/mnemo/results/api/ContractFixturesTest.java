package ai.mnemo.results.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every fixture of the REST contract (captured from a real results-service by its ContractTest) reads strictly into
 * its record: a record component renamed or removed here, with the fixtures left as the server sent them, fails.
 */
class ContractFixturesTest {

    /** Each fixture and the record it is an answer of. */
    static final Map<String, Class<?>> FIXTURES = Map.of(
            "experiment-lineage", ExperimentLineage.class,
            "experiment-rejected", ExperimentLineage.class,
            "experiment-list", ExperimentSummary[].class,
            "comparison", ComparisonReport.class,
            "retention", RetentionReport.class,
            "logit-lens", LogitLensReport.class,
            "error-not-found", ErrorResponse.class,
            "error-invalid-spec", ErrorResponse.class);

    static Stream<String> names() {
        return new TreeSet<>(FIXTURES.keySet()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void readsStrictly(String name) throws IOException {
        try (InputStream in = ContractFixturesTest.class.getResourceAsStream("/contract/" + name + ".json")) {
            assertNotNull(in, "contract/" + name + ".json");
            byte[] json = in.readAllBytes();
            assertNotNull(ResultsJson.strict().readValue(json, FIXTURES.get(name)));
        }
    }

    @Test
    void theStrictReaderFailsOnAFieldItDoesNotKnow() {
        String renamed = "{\"experimentId\": \"e1\"}".replace("experimentId", "experimentID");
        assertThrows(UnrecognizedPropertyException.class,
                () -> ResultsJson.strict().readValue(renamed, ExperimentAccepted.class));
        assertEquals(new ExperimentAccepted(null), assertDoesNotThrow(
                () -> ResultsJson.tolerant().readValue(renamed, ExperimentAccepted.class)));
    }
}
