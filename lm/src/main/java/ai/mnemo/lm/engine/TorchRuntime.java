package ai.mnemo.lm.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one place that starts DJL's PyTorch engine: offline (natives come from Maven, nothing is downloaded), with
 * an explicit intra-op thread count, and glibc's malloc tuned for training ({@link GlibcMalloc}).
 */
public final class TorchRuntime {

    private static Engine engine;
    private static volatile int configuredThreads; // 0: libtorch's default

    private TorchRuntime() {}

    /** Starts the engine once; {@code threads <= 0} keeps libtorch's default (one per core). */
    public static synchronized Engine start(int threads) {
        if (engine == null) {
            // Offline unless told otherwise (a GPU image lets DJL fetch the CUDA libtorch with DJL_OFFLINE=false).
            if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
                System.setProperty("ai.djl.offline", "true");
            }
            GlibcMalloc.keepStepMemory(); // before libtorch allocates anything
            engine = Engine.getEngine("PyTorch");
        }
        // Thread counts can only be set after the engine has loaded libtorch.
        if (threads > 0) {
            configuredThreads = threads;
            if (JniUtils.getNumThreads() != threads) {
                JniUtils.setNumThreads(threads);
            }
        }
        return engine;
    }

    /** A new root manager on the engine's default device. */
    public static NDManager newManager() {
        return start(0).newBaseManager();
    }

    public static int threads() {
        start(0);
        return configuredThreads > 0 ? configuredThreads : JniUtils.getNumThreads();
    }

    /**
     * Sets the intra-op threads of the calling thread, for a thread that computes its own share of the work beside
     * others. libtorch keeps a count per thread, copied from a process-wide value on the thread's first parallel
     * call, and every set writes both: so the thread takes its copy first, and the thread that started it puts the
     * process-wide value back with {@link #setProcessThreads(int)} once it is done.
     */
    public static void setThreadsOfThisThread(int threads) {
        start(0);
        JniUtils.getNumThreads(); // the thread's first call: it copies the process-wide count now, not later
        JniUtils.setNumThreads(threads);
    }

    /** Sets the process-wide intra-op count, and the calling thread's with it. */
    public static void setProcessThreads(int threads) {
        start(0);
        JniUtils.setNumThreads(threads);
    }

    /**
     * Gradient recording is per thread in libtorch and on by default for new threads: inference paths switch it
     * off for their duration with this guard.
     */
    public static Scope noGradient() {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        return () -> JniUtils.setGradMode(previous);
    }

    /** Gradient recording on for this thread until closed (DJL's collector allows one in the whole process). */
    public static Scope withGradient() {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        return () -> JniUtils.setGradMode(previous);
    }

    /** Back-propagates a scalar {@code loss} into its leaves' gradients, on the calling thread. */
    public static void backward(NDArray loss) {
        try (NDArray seed = loss.getManager().ones(loss.getShape(), loss.getDataType())) {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
        }
    }

    /** A try-with-resources scope whose close cannot fail. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
