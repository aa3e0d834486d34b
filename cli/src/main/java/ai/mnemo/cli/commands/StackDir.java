package ai.mnemo.cli.commands;

import ai.mnemo.cli.stack.MnemoHome;
import java.nio.file.Path;

/** Where `mnemo up` keeps the long-lived local stack. */
final class StackDir {

    private StackDir() {}

    static Path of(MnemoHome home) {
        return home.stateRoot().resolve("stack");
    }
}
