package ai.mnemo.service.messaging;

/**
 * The broker refused an event for good (too large, not authorized, no such topic): sending it again cannot help,
 * so {@link EventPublisher#publish} does not retry it.
 */
public final class PublishRefusedException extends IllegalStateException {

    public PublishRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
