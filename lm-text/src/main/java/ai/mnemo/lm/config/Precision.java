package ai.mnemo.lm.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How training stores and computes with numbers, as the spec's {@code training.precision} names it. Each mode says
 * the bytes of one element of what training holds per trainable parameter; the lm module maps it to engine dtypes
 * and the memory planner to bytes.
 */
public enum Precision {
    /** FP32 weights, gradients and AdamW state (the default). */
    FP32("fp32", 4, false, false),
    /** The paper's pure bf16: bf16 weights, gradients and AdamW state, no FP32 copy. */
    BF16("bf16", 2, false, false),
    /** bf16 weights and gradients for compute; an FP32 master copy and FP32 AdamW state. */
    MIXED("mixed", 2, true, false),
    /** As {@link #MIXED} with fp16 compute, whose narrow range needs dynamic loss scaling. */
    MIXED_FP16("mixed-fp16", 2, true, true);

    private final String specName;
    private final int computeBytes;
    private final boolean masterCopy;
    private final boolean lossScaling;

    Precision(String specName, int computeBytes, boolean masterCopy, boolean lossScaling) {
        this.specName = specName;
        this.computeBytes = computeBytes;
        this.masterCopy = masterCopy;
        this.lossScaling = lossScaling;
    }

    /** The name in a spec and on the wire. */
    public String specName() {
        return specName;
    }

    /** Bytes of one weight, gradient or activation element as the forward and backward passes use it. */
    public int computeBytes() {
        return computeBytes;
    }

    /** Bytes of one AdamW moment element: FP32 unless the mode is pure bf16. */
    public int optimizerStateBytes() {
        return masterCopy ? 4 : computeBytes;
    }

    /** Whether an FP32 master copy of the trained weights is what the optimizer updates. */
    public boolean masterCopy() {
        return masterCopy;
    }

    /** Whether the loss is scaled before the backward pass (fp16's narrow range). */
    public boolean lossScaling() {
        return lossScaling;
    }

    /** The mode a spec names; null (absent) is {@link #FP32}. */
    public static Precision parse(String name) {
        if (name == null) {
            return FP32;
        }
        for (Precision p : values()) {
            if (p.specName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + name + "' (known: "
                + Arrays.stream(values()).map(Precision::specName).collect(Collectors.joining(", ")) + ")");
    }
}
