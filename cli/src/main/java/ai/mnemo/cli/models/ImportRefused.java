package ai.mnemo.cli.models;

/** Why a checkpoint is not imported: one line that names the file and what to do, printed without a stack trace. */
public class ImportRefused extends RuntimeException {

    public ImportRefused(String reason) {
        super(reason.replaceAll("\\s*\\R\\s*", " "));
    }
}
