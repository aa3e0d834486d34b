package ai.mnemo.lm.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one place that starts DJL's PyTorch engine: offline (natives come from Maven, nothing is downloaded), with
 * an explicit intra-op thread count, and glibc's malloc tuned for training ({@link GlibcMalloc}).
 */
public final class TorchRuntime {

    private static Engine engine;

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
        if (threads > 0 && JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
        return engine;
    }

    /** A new root manager on the engine's default device. */
    public static NDManager newManager() {
        return start(0).newBaseManager();
    }

    public static int threads() {
        start(0);
        return JniUtils.getNumThreads();
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

    /** A try-with-resources scope whose close cannot fail. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
