package ai.mnemo.cli.commands;

import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.StackState;

/** Where a read goes: {@code --url}, else the local stack's results-service, else the local default port. */
final class ResultsUrl {

    static final String LOCAL_DEFAULT = "http://127.0.0.1:8080";

    private ResultsUrl() {}

    static String of(String url) {
        return url != null ? url : StackState.load(StackDir.of(MnemoHome.current())).map(StackState::resultsUrl)
                .orElse(LOCAL_DEFAULT);
    }
}
