package ai.mnemo.lm.checkpoint;

/** Element types of safetensors files that Mnemo reads (all three) and writes (F32, BF16). */
public enum TensorDtype {
    F32(4),
    F16(2),
    BF16(2);

    private final int bytes;

    TensorDtype(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    public static TensorDtype parse(String name) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported safetensors dtype " + name + " (F32, F16, BF16 are read)");
        }
    }
}
