package ai.mnemo.cli;

import ai.mnemo.cli.results.CancelRefusedException;
import ai.mnemo.cli.results.SubmissionRefusedException;
import ai.mnemo.events.spec.InvalidSpecException;
import ai.mnemo.events.spec.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What a command that fails prints: one line saying what went wrong and what to do (a spec's violations one per
 * line below it), never a stack trace; and an exit code by kind (docs/running-locally.md lists them).
 */
public final class OneLineErrors implements IExecutionExceptionHandler {

    /** The experiment failed or something else went wrong. */
    public static final int FAILED = 1;
    /** The input (a spec, a file, an option) cannot be used. */
    public static final int INVALID_INPUT = 2;
    /** Kafka or results-service could not be reached. */
    public static final int UNREACHABLE = 3;
    /** results-service or data-service refused the experiment, or a cancel of one that has ended. */
    public static final int REJECTED = 4;
    /** An experiment waited for ({@code submit --wait}) was cancelled. */
    public static final int CANCELLED = 5;

    /**
     * The exit code of an experiment that has ended: 0 completed, {@link #FAILED}, {@link #REJECTED} or
     * {@link #CANCELLED}.
     */
    public static int ofEnded(String status) {
        return switch (status) {
            case "completed" -> 0;
            case "rejected" -> REJECTED;
            case "cancelled" -> CANCELLED;
            default -> FAILED;
        };
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        int code = report(e, err);
        err.flush();
        return code;
    }

    static int report(Throwable e, PrintWriter err) {
        if (e instanceof InvalidSpecException invalid) {
            err.println("mnemo: not a valid experiment spec:");
            for (Violation violation : invalid.violations()) {
                err.println("  " + violation);
            }
            return INVALID_INPUT;
        }
        if (e instanceof SubmissionRefusedException refused) {
            err.println("mnemo: results-service refused the experiment (HTTP " + refused.status() + "): "
                    + refused.getMessage());
            refused.violations().forEach(v -> err.println("  " + v));
            return refused.status() == 401 || refused.status() == 403 ? FAILED : REJECTED;
        }
        if (e instanceof CancelRefusedException refused) {
            err.println("mnemo: results-service refused the cancel (HTTP " + refused.status() + "): "
                    + refused.getMessage());
            return switch (refused.status()) {
                case 404 -> INVALID_INPUT;
                case 409 -> REJECTED;
                default -> FAILED;
            };
        }
        if (e instanceof IllegalArgumentException) {
            err.println("mnemo: " + e.getMessage());
            return INVALID_INPUT;
        }
        if (e instanceof UncheckedIOException io) {
            err.println("mnemo: " + io.getMessage() + " (" + reason(io.getCause()) + ")");
            return INVALID_INPUT;
        }
        if (e instanceof IOException io) {
            err.println("mnemo: " + reason(io));
            return INVALID_INPUT;
        }
        if (e instanceof IllegalStateException && e.getMessage() != null && e.getMessage().startsWith("cannot reach")
                || e instanceof IllegalStateException && e.getMessage() != null
                && e.getMessage().startsWith("could not publish")) {
            err.println("mnemo: " + e.getMessage() + "; is the stack up? (./mnemo status)");
            return UNREACHABLE;
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        err.println("mnemo: " + message.lines().findFirst().orElse(message));
        return FAILED;
    }

    private static String reason(Throwable cause) {
        if (cause instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (cause instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + ": " + fs.getFile();
        }
        return cause == null ? "unknown error" : String.valueOf(cause.getMessage());
    }
}
