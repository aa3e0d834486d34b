package ai.mnemo.results.service;

/** The broker did not take an event in time; the request may simply be sent again. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
