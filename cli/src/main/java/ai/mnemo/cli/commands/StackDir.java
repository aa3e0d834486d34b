package ai.mnemo.cli.commands;

import ai.mnemo.cli.stack.MnemoHome;
import java.nio.file.Path;
import java.util.List;

/** Where local stacks keep their state: `mnemo up`'s, and the quickstart's (kept running with --keep). */
final class StackDir {

    private StackDir() {}

    static Path of(MnemoHome home) {
        return home.stateRoot().resolve("stack");
    }

    static Path quickstart(MnemoHome home) {
        return home.stateRoot().resolve("quickstart");
    }

    /** Every place a running stack may have been recorded, `up`'s first. */
    static List<Path> all(MnemoHome home) {
        return List.of(of(home), quickstart(home));
    }
}
