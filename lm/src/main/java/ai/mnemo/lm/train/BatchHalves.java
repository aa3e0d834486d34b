package ai.mnemo.lm.train;

import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two threads that take the two halves of a batch side by side, each with half the intra-op threads.
 *
 * <p>Why: on a CPU, libtorch's intra-op threads gain little on a small model's small tensors (two threads run the
 * tiny model about 1.4x one), while two halves computed at once, one core each, gain nearly 2x. Why exactly two:
 * both halves add their gradients into the same parameters' gradients, under libtorch's per-parameter lock, and
 * {@code a + b == b + a} in IEEE arithmetic, so the sum is the same whichever half lands first; with three halves
 * the order would change the bits.
 */
final class BatchHalves {

    /** {@code MNEMO_TRAIN_HALVES=off} (or {@code -Dmnemo.train.halves=off}) takes every batch on one thread. */
    static final String SWITCH = "MNEMO_TRAIN_HALVES";

    private static BatchHalves shared;

    private final int threadsEach;
    private final ExecutorService first;
    private final ExecutorService second;
    private volatile Thread firstThread;

    private BatchHalves(int threadsEach) {
        int processWide = TorchRuntime.threads();
        this.threadsEach = threadsEach;
        this.first = halfThread(0);
        this.second = halfThread(1);
        // Start both now, so that they have set their own counts before the process-wide one is put back.
        both(() -> firstThread = Thread.currentThread(), () -> null);
        TorchRuntime.setProcessThreads(processWide);
    }

    private ExecutorService halfThread(int index) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(() -> {
                TorchRuntime.setThreadsOfThisThread(threadsEach);
                task.run();
            }, "mnemo-batch-half-" + index);
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether batches of {@code model} are worth halving here: on a CPU with at least two intra-op threads. */
    static boolean worthwhile(Llama model) {
        String setting = System.getProperty("mnemo.train.halves", System.getenv(SWITCH));
        return !"off".equalsIgnoreCase(setting) && !model.manager().getDevice().isGpu()
                && TorchRuntime.threads() >= 2;
    }

    /** The process's two half threads, for the configured thread count. */
    static synchronized BatchHalves shared() {
        int each = Math.max(1, TorchRuntime.threads() / 2);
        if (shared == null || shared.threadsEach != each) {
            if (shared != null) {
                shared.first.shutdown();
                shared.second.shutdown();
            }
            shared = new BatchHalves(each);
        }
        return shared;
    }

    /**
     * Runs {@code task} on the first half's thread: a whole training step runs there, so that the work between the
     * halves (clipping, the update) does not start a second team of intra-op threads that would compete with them.
     */
    <T> T onFirst(Callable<T> task) {
        return Thread.currentThread() == firstThread ? call(task) : await(first.submit(task));
    }

    /**
     * Runs both tasks at once, the first on the first half's thread (in place when called there), and returns their
     * results in order. When one fails, the other is still waited for: its arrays live on the caller's step scope,
     * which closes after this returns.
     */
    <T> List<T> both(Callable<T> firstTask, Callable<T> secondTask) {
        Future<T> b = second.submit(secondTask);
        T x = null;
        T y = null;
        RuntimeException failure = null;
        try {
            x = onFirst(firstTask);
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            y = await(b);
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw failure;
        }
        return Arrays.asList(x, y);
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a batch half failed", e);
        }
    }

    private static <T> T await(Future<T> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the half still holds the step's arrays: it must end before the caller
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("a batch half failed", cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
