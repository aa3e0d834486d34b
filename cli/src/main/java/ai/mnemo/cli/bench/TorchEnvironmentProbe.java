package ai.mnemo.cli.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.mnemo.lm.engine.GlibcMalloc;
import ai.mnemo.lm.engine.TorchRuntime;
import java.util.TreeSet;

/**
 * Mnemo's side of the benchmark's environment report, in its own JVM as the workload runs: DJL's libtorch version,
 * its build features, its thread settings, and one matrix product so that oneMKL, run with {@code MKL_VERBOSE=1},
 * prints the version and the instruction set it dispatches to.
 *
 * <p>Argument: threads.
 */
public final class TorchEnvironmentProbe {

    private TorchEnvironmentProbe() {}

    public static void main(String[] args) {
        Engine engine = TorchRuntime.start(Integer.parseInt(args[0]));
        Cpu cpu = Cpu.current();
        System.out.printf("ENV side=mnemo libtorch=%s djl=%s cpu_capability=%s (from the CPU flags%s)%n",
                engine.getVersion(), Engine.getDjlVersion(), cpu.atenCapability(System.getenv("ATEN_CPU_CAPABILITY")),
                System.getenv("ATEN_CPU_CAPABILITY") == null ? "" : " and ATEN_CPU_CAPABILITY");
        System.out.printf("ENV side=mnemo intra_op_threads=%d inter_op_threads=%d build=%s%n", JniUtils.getNumThreads(),
                JniUtils.getNumInteropThreads(), String.join(",", new TreeSet<>(JniUtils.getFeatures())));
        System.out.println("ENV side=mnemo malloc=" + (GlibcMalloc.keepStepMemory()
                ? "glibc tuned (mmap threshold 32 MiB, no trim, top pad 128 MiB)" : "defaults"));
        try (NDManager manager = TorchRuntime.newManager()) {
            NDArray a = manager.ones(new Shape(64, 64));
            System.out.flush();
            a.matMul(a).sum().getFloat();
        }
    }
}
