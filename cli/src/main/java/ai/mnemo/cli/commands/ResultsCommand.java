package ai.mnemo.cli.commands;

import ai.mnemo.cli.results.ResultsClient;
import ai.mnemo.cli.results.ResultsReport;
import ai.mnemo.results.api.ExperimentLineage;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints an experiment's table from results-service. */
@Command(name = "results", mixinStandardHelpOptions = true, description = "Print an experiment's results: its"
        + " status (and why it was rejected), the runs per stage (and why any failed), the methods compared over"
        + " seeds, the cost.")
public final class ResultsCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the experiment id")
    String experimentId;

    @Mixin
    ResultsUrl source;

    @Option(names = "--json", description = "print the stored lineage as JSON instead of the tables")
    boolean json;

    @Override
    public Integer call() {
        ResultsClient client = new ResultsClient(source.resolve());
        ExperimentLineage lineage = client.experiment(experimentId).orElseThrow(() -> new IllegalArgumentException(
                "results-service at " + client.baseUrl() + " does not know experiment " + experimentId
                        + " (./mnemo list shows the ids it knows)"));
        if (json) {
            JsonOut.print(lineage, System.out);
            return 0;
        }
        System.out.print(ResultsReport.render(lineage, "rejected".equals(lineage.status()) ? Optional.empty()
                : client.comparison(experimentId), client.baseUrl()));
        return 0;
    }
}
