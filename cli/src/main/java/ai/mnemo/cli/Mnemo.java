package ai.mnemo.cli;

import ai.mnemo.cli.commands.BenchCommand;
import ai.mnemo.cli.commands.CancelCommand;
import ai.mnemo.cli.commands.CorpusCommand;
import ai.mnemo.cli.commands.DownCommand;
import ai.mnemo.cli.commands.ImportModelCommand;
import ai.mnemo.cli.commands.ListCommand;
import ai.mnemo.cli.commands.PlanCommand;
import ai.mnemo.cli.commands.PretrainCommand;
import ai.mnemo.cli.commands.QuickstartCommand;
import ai.mnemo.cli.commands.ResultsCommand;
import ai.mnemo.cli.commands.RunCommand;
import ai.mnemo.cli.commands.StatusCommand;
import ai.mnemo.cli.commands.SubmitCommand;
import ai.mnemo.cli.commands.TokenCommand;
import ai.mnemo.cli.commands.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mnemo} command line. */
@Command(name = "mnemo", mixinStandardHelpOptions = true, version = "mnemo 0.1.0",
        description = "Continual-memorization experiments on language models.",
        subcommands = {QuickstartCommand.class, UpCommand.class, DownCommand.class, StatusCommand.class,
            SubmitCommand.class, CancelCommand.class, TokenCommand.class, ListCommand.class, ResultsCommand.class,
            RunCommand.class, CorpusCommand.class,
            PretrainCommand.class, ImportModelCommand.class, PlanCommand.class, BenchCommand.class})
public final class Mnemo {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@code main} runs it: one-line errors with documented exit codes. */
    public static CommandLine commandLine() {
        return new CommandLine(new Mnemo()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new OneLineErrors());
    }
}
