package ai.mnemo.cli.commands;

import ai.mnemo.cli.results.ExperimentTable;
import ai.mnemo.cli.results.ResultsClient;
import ai.mnemo.results.api.ExperimentSummary;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists the newest experiments results-service knows, with their status and runs. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List recent experiments, newest first, with their status and runs by status.")
public final class ListCommand implements Callable<Integer> {

    @Option(names = "--limit", defaultValue = "20", description = "how many (default ${DEFAULT-VALUE}, at most 1000)")
    int limit;

    @Mixin
    ResultsUrl source;

    @Option(names = "--json", description = "print the list as JSON instead of a table")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("--limit must be between 1 and 1000 (was " + limit + ")");
        }
        List<ExperimentSummary> experiments = new ResultsClient(source.resolve()).experiments(limit);
        if (json) {
            JsonOut.print(experiments, System.out);
        } else {
            System.out.print(ExperimentTable.render(experiments));
        }
        return 0;
    }
}
