package ai.mnemo.cli.commands;

import ai.mnemo.cli.stack.LocalAuth;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.StackState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Prints a bearer token of the running local stack, for curl and scripts (the CLI signs its own). */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a one-hour bearer token for the local stack's results-service, e.g."
                + " curl -H \"Authorization: Bearer $(./mnemo token)\" ...")
public final class TokenCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        StackState stack = StackState.load(StackDir.of(MnemoHome.current())).orElseThrow(() ->
                new IllegalArgumentException("no local stack is up: start one with ./mnemo up"));
        System.out.println(LocalAuth.of(stack.dir()).tokenForThisUser());
        return 0;
    }
}
