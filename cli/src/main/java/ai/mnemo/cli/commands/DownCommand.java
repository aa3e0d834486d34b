package ai.mnemo.cli.commands;

import ai.mnemo.cli.stack.LocalStack;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.StackState;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Stops everything `mnemo up` started. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the local stack started by `up`.")
public final class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Optional<StackState> stack = StackState.load(StackDir.of(MnemoHome.current()));
        if (stack.isEmpty()) {
            System.out.println("no local stack is running");
            return 0;
        }
        LocalStack.stop(stack.get().processes());
        stack.get().delete();
        System.out.println("stopped " + stack.get().processes().size() + " processes");
        return 0;
    }
}
