package ai.mnemo.cli.commands;

import ai.mnemo.cli.stack.LocalStack;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.Ports;
import ai.mnemo.cli.stack.StackOptions;
import ai.mnemo.cli.stack.StackState;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Starts the local stack in the background and leaves it running. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the local stack (broker + four services) in the background.")
public final class UpCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        MnemoHome home = MnemoHome.current();
        Path dir = StackDir.of(home);
        Optional<StackState> running = StackState.load(dir).filter(s -> s.processes().stream().anyMatch(p -> p.alive()));
        if (running.isPresent()) {
            System.out.println("the local stack is already running (./mnemo status; ./mnemo down to stop it)");
            return 1;
        }
        System.out.println("starting the local stack in " + home.root().relativize(dir));
        StackState stack = new LocalStack(home, System.out).start(dir, Ports.defaults(), StackOptions.forThisMachine());
        stack.save();
        System.out.println();
        Endpoints.print(stack, System.out);
        return 0;
    }
}
