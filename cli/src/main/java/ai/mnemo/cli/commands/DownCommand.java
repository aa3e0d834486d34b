package ai.mnemo.cli.commands;

import ai.mnemo.cli.stack.LocalStack;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.StackState;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Stops everything `mnemo up` started. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the local stack started by `up` (and a quickstart kept with --keep).")
public final class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        boolean any = false;
        for (Path dir : StackDir.all(MnemoHome.current())) {
            Optional<StackState> stack = StackState.load(dir);
            if (stack.isPresent()) {
                LocalStack.stop(stack.get().processes());
                stack.get().delete();
                System.out.println("stopped " + stack.get().processes().size() + " processes of " + dir.getFileName());
                any = true;
            }
        }
        if (!any) {
            System.out.println("no local stack is running");
        }
        return 0;
    }
}
