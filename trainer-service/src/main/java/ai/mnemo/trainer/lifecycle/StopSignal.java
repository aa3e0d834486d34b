package ai.mnemo.trainer.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Shutdown coordination between the application and the job in progress: once a stop is requested the running
 * job stops after its current step (writing a resumable checkpoint) and no new job is started, and shutdown can
 * wait until the job has let go.
 */
@ApplicationScoped
public class StopSignal {

    private boolean stopRequested;
    private int runningJobs;

    public synchronized void requestStop() {
        stopRequested = true;
    }

    public synchronized boolean stopRequested() {
        return stopRequested;
    }

    /**
     * Marks a job as running unless a stop was requested.
     *
     * @return false when the instance is stopping and must not start the job
     */
    public synchronized boolean tryStartJob() {
        if (stopRequested) {
            return false;
        }
        runningJobs++;
        return true;
    }

    public synchronized void jobEnded() {
        runningJobs--;
        notifyAll();
    }

    /** Waits until no job runs or the timeout passes; true when idle. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (runningJobs > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
