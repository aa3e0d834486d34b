package ai.mnemo.cli.commands;

import ai.mnemo.cli.results.ResultsClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Cancels an experiment through results-service (the local stack's, or {@code --url} with a bearer token). */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel an experiment: queued and running stages stop within about 30 s, and the experiment"
                + " and its unfinished runs end cancelled. Cancelling a cancelled experiment succeeds again.")
public final class CancelCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the experiment id (as submit printed it)")
    String experimentId;

    @Mixin
    ResultsTargetOptions target;

    @Override
    public Integer call() {
        ResultsTarget results = target.resolve("");
        new ResultsClient(results.url()).cancel(experimentId, results.bearer());
        System.out.println("cancelling " + experimentId);
        return 0;
    }
}
