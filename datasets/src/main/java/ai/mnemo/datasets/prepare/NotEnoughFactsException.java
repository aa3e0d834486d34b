package ai.mnemo.datasets.prepare;

/** A split asks for more usable facts than its pool has; the message says how many there are. */
public final class NotEnoughFactsException extends RuntimeException {

    private final int available;
    private final int needed;

    public NotEnoughFactsException(String message, int available, int needed) {
        super(message);
        this.available = available;
        this.needed = needed;
    }

    /** Usable facts in the pool (after the known-fact filter, when it ran). */
    public int available() {
        return available;
    }

    /** Usable facts the split needs: its offset plus its size. */
    public int needed() {
        return needed;
    }
}
