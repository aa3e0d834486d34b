package ai.mnemo.cli.commands;

import ai.mnemo.cli.stack.ManagedProcess;
import ai.mnemo.cli.stack.MnemoHome;
import ai.mnemo.cli.stack.StackState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Says what of the local stack is running. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show what the local stack runs.")
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--json", description = "print the stack's processes and endpoints as JSON")
    boolean json;

    /** What {@code --json} prints. */
    record Status(String stack, String resultsUrl, String bootstrapServers, List<Process> processes) {
        record Process(String name, boolean running, long pid, int port, String log) {}
    }

    @Override
    public Integer call() {
        Optional<StackState> stack = StackDir.all(MnemoHome.current()).stream().map(StackState::load)
                .flatMap(Optional::stream).findFirst();
        if (json) {
            Status status = stack.map(s -> new Status(s.dir().toString(), s.resultsUrl(), s.bootstrapServers(),
                    s.processes().stream().map(p -> new Status.Process(p.name(), p.alive(), p.pid(), p.port(),
                            String.valueOf(p.log()))).toList()))
                    .orElse(new Status(null, null, null, List.of()));
            JsonOut.print(status, System.out);
            return stack.isEmpty() ? 3 : status.processes().stream().allMatch(Status.Process::running) ? 0 : 1;
        }
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
