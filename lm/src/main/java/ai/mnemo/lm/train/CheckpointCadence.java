package ai.mnemo.lm.train;

/**
 * When the loop saves a resumable checkpoint between epoch ends, so that a killed trainer loses little: after
 * {@code everySteps} steps or {@code everySeconds} seconds since the last save, whichever comes first.
 *
 * @param everySteps steps between saves; 0 means a tenth of the stage's planned steps (at least 1)
 * @param everySeconds seconds between saves; 0 means no time trigger
 */
public record CheckpointCadence(long everySteps, double everySeconds) {

    /** A kill loses at most a tenth of the stage or five minutes. */
    public static final CheckpointCadence DEFAULT = new CheckpointCadence(0, 300);
    /** Only the epoch-end and final saves. */
    public static final CheckpointCadence OFF = new CheckpointCadence(Long.MAX_VALUE, 0);

    public CheckpointCadence {
        if (everySteps < 0 || !(everySeconds >= 0) || Double.isInfinite(everySeconds)) {
            throw new IllegalArgumentException("checkpoint cadence needs steps >= 0 and finite seconds >= 0 (was "
                    + everySteps + ", " + everySeconds + ")");
        }
    }

    /** Whether a save is due {@code steps} steps and {@code seconds} seconds after the last one. */
    public boolean due(long steps, double seconds, long plannedSteps) {
        long interval = everySteps > 0 ? everySteps : Math.max(1, plannedSteps / 10);
        return steps >= interval || (everySeconds > 0 && seconds >= everySeconds);
    }
}
