package ai.mnemo.data.service;

/** A request that must not be planned; becomes an ExperimentRejected with this message and field. */
public final class RequestRejectedException extends RuntimeException {

    private final String field;

    public RequestRejectedException(String reason, String field) {
        super(reason);
        this.field = field;
    }

    /** The offending spec field, or null. */
    public String field() {
        return field;
    }
}
