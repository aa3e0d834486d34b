package ai.mnemo.data.run;

import java.time.Duration;

/**
 * The watchdog's limits: a started training attempt that shows no progress for {@code training}, or an evaluation
 * without an answer for {@code evaluation}, is issued again, up to {@code attempts} issues in all; then the run
 * fails. A zero duration turns that check off. A training attempt that failed on something outside the job is tried
 * again after {@code retryBackoff}, doubled for each further attempt.
 */
public record StallLimits(Duration training, Duration evaluation, int attempts, Duration retryBackoff) {

    public StallLimits {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
    }

    public StallLimits(Duration training, Duration evaluation, int attempts) {
        this(training, evaluation, attempts, Duration.ofSeconds(30));
    }

    /** How long attempt {@code next} waits after its predecessor failed: the backoff, doubled per attempt since 2. */
    Duration backoffBefore(int next) {
        return retryBackoff.multipliedBy(1L << Math.min(20, Math.max(0, next - 2)));
    }

    /** A limit in words: {@code 45 s}, {@code 30 min}, {@code 2 h}. */
    static String describe(Duration limit) {
        if (limit.toSeconds() < 60 || limit.toSeconds() % 60 != 0) {
            return limit.toSeconds() + " s";
        }
        return limit.toMinutes() % 60 == 0 ? limit.toHours() + " h" : limit.toMinutes() + " min";
    }

    static boolean exceeded(Duration limit, java.time.Instant since, java.time.Instant now) {
        return !limit.isZero() && since != null && Duration.between(since, now).compareTo(limit) > 0;
    }
}
