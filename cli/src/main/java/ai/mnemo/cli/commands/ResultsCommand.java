package ai.mnemo.cli.commands;

import ai.mnemo.cli.results.ComparisonTable;
import ai.mnemo.cli.results.CostTable;
import ai.mnemo.cli.results.LineageSummary;
import ai.mnemo.cli.results.ResultsClient;
import ai.mnemo.cli.results.SummaryTable;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.StackState;
import ai.mnemo.events.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints an experiment's table from results-service. */
@Command(name = "results", mixinStandardHelpOptions = true, description = "Print an experiment's results.")
public final class ResultsCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the experiment id")
    String experimentId;

    @Option(names = "--url", description = "results-service (default: the local stack's, else http://127.0.0.1:8080)")
    String url;

    @Option(names = "--json", description = "print the stored lineage as JSON instead of the table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String base = url != null ? url : StackState.load(StackDir.of(MnemoHome.current()))
                .map(StackState::resultsUrl).orElse("http://127.0.0.1:8080");
        ResultsClient client = new ResultsClient(base);
        Optional<JsonNode> lineage = client.experiment(experimentId);
        if (lineage.isEmpty()) {
            System.err.println("results-service at " + base + " does not know experiment " + experimentId);
            return 1;
        }
        if (json) {
            System.out.println(EventCodec.json().writerWithDefaultPrettyPrinter().writeValueAsString(lineage.get()));
            return 0;
        }
        JsonNode experiment = lineage.get();
        System.out.println(experiment.path("name").asText() + " (" + experimentId + "): "
                + experiment.path("status").asText());
        System.out.println();
        System.out.print(SummaryTable.render(LineageSummary.from(experiment)));
        System.out.println();
        Optional<JsonNode> comparison = client.comparison(experimentId);
        comparison.ifPresent(c -> System.out.print(ComparisonTable.render(c)));
        System.out.println();
        comparison.map(CostTable::render).filter(text -> !text.isEmpty()).ifPresent(text -> {
            System.out.print(text);
            System.out.println();
        });
        System.out.println("report: " + base + "/experiments/" + experimentId);
        return 0;
    }
}
