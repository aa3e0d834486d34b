package ai.mnemo.cli.results;

import ai.mnemo.results.api.ComparisonReport;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.ResultsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The REST contract's fixtures, as results-service answered (captured by its ContractTest into results-api), read
 * strictly: a field the records do not know fails the test that reads it.
 */
final class Contract {

    /** From cli's directory, where the tests run. */
    static final Path FIXTURES = Path.of("..", "results-api", "src", "test", "resources", "contract");

    private Contract() {}

    static <T> T fixture(String name, Class<T> type) {
        Path file = FIXTURES.resolve(name + ".json");
        try {
            return ResultsJson.strict().readValue(Files.readAllBytes(file), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contract fixture " + file.toAbsolutePath(), e);
        }
    }

    /** A hand-written part of an answer (fields left out are null), for cases the fixtures do not have. */
    static ComparisonReport comparison(String json) {
        return partial(json, ComparisonReport.class);
    }

    static ExperimentLineage lineage(String json) {
        return partial(json, ExperimentLineage.class);
    }

    static <T> T partial(String json, Class<T> type) {
        try {
            return ResultsJson.strict().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
