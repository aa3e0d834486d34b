package ai.mnemo.lm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.mnemo.lm.engine.TorchRuntime;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A constant factor in the graph must still hold its value when the backward pass reads it, however much the
 * garbage collector and other allocations ran in between (NDArray.mul(Number) fails this: its scalar's Java buffer
 * is released at once and reused, which turned LoRA gradients into NaN in long runs).
 */
class ScalarLifetimeTest {

    @Test
    void scaleAndDivideKeepTheirConstantUntilTheBackwardPass() {
        try (NDManager manager = TorchRuntime.newManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3});
            x.setRequiresGradient(true);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray y = Ops.divide(Ops.scale(x, 0.25), 2).sum();
                churnDirectMemory();
                collector.backward(y);
            }
            assertArrayEquals(new float[] {0.125f, 0.125f, 0.125f}, x.getGradient().toFloatArray(), 0f);
        }
    }

    /** Collects garbage and hands out freshly freed direct memory again, filled with a value no factor has. */
    private static void churnDirectMemory() {
        List<ByteBuffer> held = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            System.gc();
            for (int i = 0; i < 200; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
                b.putFloat(0, 1e30f);
                held.add(b);
            }
        }
    }
}
