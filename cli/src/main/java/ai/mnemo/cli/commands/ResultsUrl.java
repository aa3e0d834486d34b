package ai.mnemo.cli.commands;

import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.StackState;
import picocli.CommandLine.Option;

/**
 * Where a read goes: {@code --url}, else the local stack's results-service, else the local default port. A picocli
 * mixin for the commands that only read.
 */
final class ResultsUrl {

    static final String LOCAL_DEFAULT = "http://127.0.0.1:8080";

    @Option(names = "--url", description = "results-service (default: the local stack's, else " + LOCAL_DEFAULT + ")")
    String url;

    /** The URL this command reads from. */
    String resolve() {
        return of(url);
    }

    static String of(String url) {
        return url != null ? url : StackState.load(StackDir.of(MnemoHome.current())).map(StackState::resultsUrl)
                .orElse(LOCAL_DEFAULT);
    }
}
