package ai.mnemo.cli.commands;

import picocli.CommandLine.Option;

/** The options of every command that writes to results-service: where, and with which bearer token. */
final class ResultsTargetOptions {

    @Option(names = "--url", description = "results-service (default: the local stack's)")
    String url;

    @Option(names = "--token", description = "bearer token for --url (default: $MNEMO_TOKEN; the local stack's"
            + " own is signed by itself)")
    String token;

    /** @param otherwise what else the command accepts instead of a stack, for the error message */
    ResultsTarget resolve(String otherwise) {
        return ResultsTarget.resolve(url, token, otherwise);
    }
}
