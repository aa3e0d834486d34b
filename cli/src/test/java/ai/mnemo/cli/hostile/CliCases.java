package ai.mnemo.cli.hostile;

import ai.mnemo.cli.Mnemo;
import ai.mnemo.cli.OneLineErrors;
import ai.mnemo.cli.stack.LocalAuth;
import ai.mnemo.cli.stack.StackState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The CLI half of the hostile-input suite: bad files and bad targets, run in-process as {@code main} runs them. */
final class CliCases {

    private CliCases() {
    }

    record Result(int exit, String err) {
    }

    static Stream<CliCase> all() {
        String valid = RestCases.VALID_SPEC;
        List<CliCase> cases = new ArrayList<>();
        List<String> submit = List.of("submit", "{file}", "--url", "{url}", "--token", "{token}");
        cases.add(new CliCase("a file that is not there", List.of("submit", "no-such-spec.yaml", "--url", "{url}"),
                null, OneLineErrors.INVALID_INPUT, "mnemo:", "no such file"));
        cases.add(new CliCase("a directory", List.of("submit", ".", "--url", "{url}"), null,
                OneLineErrors.INVALID_INPUT, "mnemo:", "cannot read experiment spec"));
        cases.add(new CliCase("an empty file", submit, new byte[0], OneLineErrors.INVALID_INPUT,
                "mnemo: not a valid experiment spec", "the document is empty"));
        cases.add(new CliCase("a file that is not UTF-8", submit, new byte[] {'n', 'a', 'm', 'e', ':', ' ',
            (byte) 0xFF, (byte) 0xFE}, OneLineErrors.INVALID_INPUT, "mnemo: not a valid experiment spec",
                "not valid UTF-8"));
        cases.add(new CliCase("a binary file", submit, new byte[] {0, 1, 2, 3, (byte) 0x89, 'P', 'N', 'G'},
                OneLineErrors.INVALID_INPUT, "mnemo: not a valid experiment spec", ""));
        cases.add(new CliCase("malformed YAML", submit, bytes("name: 'unterminated\n"),
                OneLineErrors.INVALID_INPUT, "mnemo: not a valid experiment spec", "malformed document"));
        cases.add(new CliCase("an invalid spec", submit, bytes(valid.replace("\"size\": 8", "\"size\": 0")),
                OneLineErrors.INVALID_INPUT, "mnemo: not a valid experiment spec", "stages[0].dataset.size"));
        cases.add(new CliCase("a spec over the default limits", submit,
                bytes(valid.replace("\"epochs\": 150", "\"epochs\": 1000000000")), OneLineErrors.INVALID_INPUT,
                "mnemo: not a valid experiment spec", "mnemo.limits.epochs"));
        cases.add(new CliCase("a model results-service does not have", submit,
                bytes(valid.replace("{\"preset\": \"tiny\"}", "{\"uri\": \"Meta-Llama-3-8B\"}")),
                OneLineErrors.REJECTED, "mnemo: results-service refused the experiment (HTTP 400)",
                "model.uri: no model 'Meta-Llama-3-8B'"));
        cases.add(new CliCase("a forged token", List.of("submit", "{file}", "--url", "{url}", "--token",
                "not.a.token"), bytes(valid), OneLineErrors.FAILED,
                "mnemo: results-service refused the experiment (HTTP 401)", "bearer token"));
        cases.add(new CliCase("no token for a remote results-service", List.of("submit", "{file}", "--url",
                "{url}"), bytes(valid), OneLineErrors.INVALID_INPUT, "mnemo:", "--url needs a bearer token"));
        cases.add(new CliCase("results-service not listening", List.of("submit", "{file}", "--url",
                "http://127.0.0.1:" + closedPort(), "--token", "{token}"), bytes(valid),
                OneLineErrors.UNREACHABLE, "mnemo: cannot reach results-service", "is the stack up"));
        cases.add(new CliCase("an unknown option", List.of("submit", "{file}", "--gpus", "8"), bytes(valid), 2,
                "Unknown option", "--gpus"));
        return cases.stream();
    }

    /** Runs {@code mnemo} with this case's arguments, capturing everything it writes to stderr. */
    static Result run(CliCase c, Path dir, StackState stack, LocalAuth auth) throws Exception {
        Path file = dir.resolve("spec-" + UUID.randomUUID() + ".json");
        if (c.file() != null) {
            Files.write(file, c.file());
        }
        List<String> args = c.args().stream().map(a -> a.replace("{file}", file.toString())
                .replace("{url}", stack.resultsUrl()).replace("{token}", auth.token("cli-suite"))).toList();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        try {
            int exit = Mnemo.commandLine().setErr(new PrintWriter(capture, true))
                    .execute(args.toArray(String[]::new));
            return new Result(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
