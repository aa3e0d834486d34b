package ai.mnemo.results.service;

/** A spec over the size this deployment or Kafka takes: 413, not "try again". */
public class SpecTooLargeException extends RuntimeException {

    public SpecTooLargeException(String message) {
        super(message);
    }
}
