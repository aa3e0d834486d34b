package ai.mnemo.cli.commands;

import ai.mnemo.cli.stack.LocalAuth;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.StackState;
import java.util.Optional;

/**
 * Where a write to results-service goes and with which bearer token: {@code --url} with {@code --token} (or
 * {@code $MNEMO_TOKEN}), or the local stack's URL with a token signed by the stack's own key.
 */
record ResultsTarget(String url, String bearer) {

    /** @param otherwise what else the command accepts instead of a stack, for the error message */
    static ResultsTarget resolve(String url, String token, String otherwise) {
        Optional<StackState> stack = StackState.load(StackDir.of(MnemoHome.current()));
        String target = url != null ? url : stack.map(StackState::resultsUrl).orElseThrow(() ->
                new IllegalArgumentException("no local stack is up: start one with ./mnemo up, or give --url"
                        + otherwise));
        String bearer = token != null ? token : System.getenv("MNEMO_TOKEN");
        if (bearer == null && url == null) {
            bearer = LocalAuth.of(stack.get().dir()).tokenForThisUser();
        }
        if (bearer == null) {
            throw new IllegalArgumentException("--url needs a bearer token: give --token or set MNEMO_TOKEN");
        }
        return new ResultsTarget(target, bearer);
    }
}
