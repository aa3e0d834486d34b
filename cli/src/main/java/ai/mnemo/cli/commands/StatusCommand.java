package ai.mnemo.cli.commands;

import ai.mnemo.cli.stack.ManagedProcess;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.StackState;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Says what of the local stack is running. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show what the local stack runs.")
public final class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Optional<StackState> stack = StackDir.all(MnemoHome.current()).stream().map(StackState::load)
                .flatMap(Optional::stream).findFirst();
        if (stack.isEmpty()) {
            System.out.println("no local stack (start one with ./mnemo up)");
            return 3;
        }
        boolean all = true;
        for (ManagedProcess process : stack.get().processes()) {
            boolean alive = process.alive();
            all &= alive;
            System.out.printf("%-16s %-8s pid %-8d port %d%n", process.name(), alive ? "running" : "stopped",
                    process.pid(), process.port());
        }
        System.out.println();
        Endpoints.print(stack.get(), System.out);
        return all ? 0 : 1;
    }
}
