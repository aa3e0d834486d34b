package ai.mnemo.cli.bench;

import java.util.Map;

/**
 * The vector kernels both sides of the trainer benchmark may use. {@code native} leaves the choice to each
 * library; {@code avx2} caps ATen ({@code ATEN_CPU_CAPABILITY}), oneMKL ({@code MKL_ENABLE_INSTRUCTIONS}) and
 * OpenBLAS ({@code OPENBLAS_CORETYPE}) at AVX2, so an AVX-512 machine shows how the code runs where AVX2 is the
 * widest, as on most laptops and CI runners. A capped run is not a real AVX2 machine (clock, caches and core
 * differ), and the output says which it was.
 */
public enum KernelLevel {
    NATIVE(Map.of()),
    AVX2(Map.of("ATEN_CPU_CAPABILITY", "avx2", "MKL_ENABLE_INSTRUCTIONS", "AVX2", "OPENBLAS_CORETYPE", "Haswell"));

    private final Map<String, String> environment;

    KernelLevel(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The variables every benchmark process gets. */
    public Map<String, String> environment() {
        return environment;
    }
}
