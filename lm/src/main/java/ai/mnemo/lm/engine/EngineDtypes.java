package ai.mnemo.lm.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.mnemo.lm.config.Precision;

/**
 * Engine dtypes of the precision modes, and what DJL 0.36's PyTorch engine can hold.
 *
 * <p>Its JNI layer maps Java dtypes to libtorch's through a table that has no bf16 entry: any call that passes
 * bf16 ({@code toType}, {@code create}, {@code zerosLike}, ...) ends the process with {@code std::terminate}, on
 * every device. bf16 is therefore refused here with a message, unless {@value #BF16_PROPERTY} is true (for an engine
 * build whose table has the entry). fp16 works (CPU: conversion, matmul, backward, the Adam kernel).
 */
public final class EngineDtypes {

    public static final String BF16_PROPERTY = "mnemo.lm.bf16";

    private EngineDtypes() {}

    /** The dtype of weights, gradients and activations in the forward and backward passes. */
    public static DataType compute(Precision precision) {
        return switch (precision) {
            case FP32 -> DataType.FLOAT32;
            case BF16, MIXED -> DataType.BFLOAT16;
            case MIXED_FP16 -> DataType.FLOAT16;
        };
    }

    /**
     * @throws UnsupportedOperationException for bf16 on this engine, naming what to use instead; the engine
     *     would abort the JVM instead of throwing
     */
    public static DataType requireSupported(DataType type) {
        if (type == DataType.BFLOAT16 && !Boolean.getBoolean(BF16_PROPERTY)) {
            throw new UnsupportedOperationException("bf16 cannot run on DJL 0.36's PyTorch engine: its JNI layer "
                    + "has no bf16 dtype and aborts the process; train with precision mixed-fp16 or fp32 (or set -D"
                    + BF16_PROPERTY + "=true with an engine build that maps bf16)");
        }
        return type;
    }

    /** The compute dtype of {@code precision}, refused where the engine cannot hold it. */
    public static DataType supportedCompute(Precision precision) {
        return requireSupported(compute(precision));
    }

    /**
     * {@code x} in FP32 for reading on the host or summing without overflow: x itself when it already is. Outside
     * autograd only: the engine's conversion detaches (see {@code Ops.float32} for the differentiable one).
     */
    public static NDArray float32(NDArray x) {
        return x.getDataType() == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
    }
}
