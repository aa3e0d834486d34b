package ai.mnemo.cli.results;

/** results-service refused a cancel (4xx): the experiment is unknown, has ended, or the token is not good. */
public final class CancelRefusedException extends RuntimeException {

    private final int status;

    CancelRefusedException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
