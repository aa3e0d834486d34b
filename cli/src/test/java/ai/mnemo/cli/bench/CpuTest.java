package ai.mnemo.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpuTest {

    private static final String AVX512_MACHINE = """
            processor\t: 0
            model name\t: AMD EPYC 9R14
            flags\t\t: fpu sse2 avx fma avx2 avx512f avx512dq avx512bw avx512vl
            """;
    private static final String AVX2_MACHINE = """
            processor\t: 0
            model name\t: AMD EPYC 7B13
            flags\t\t: fpu sse2 avx fma avx2
            """;

    @Test
    void readsTheModelAndTheWidestExtension() {
        Cpu cpu = Cpu.parse(AVX512_MACHINE);
        assertEquals("AMD EPYC 9R14", cpu.model());
        assertEquals("AVX-512", cpu.vectorExtension());
        assertEquals("AVX2", Cpu.parse(AVX2_MACHINE).vectorExtension());
    }

    @Test
    void atenPicksTheWidestKernelsTheCpuHasUnlessCappedLower() {
        assertEquals("AVX512", Cpu.parse(AVX512_MACHINE).atenCapability(null));
        assertEquals("AVX2", Cpu.parse(AVX512_MACHINE).atenCapability("avx2"));
        assertEquals("AVX2", Cpu.parse(AVX2_MACHINE).atenCapability("avx512"), "a cap cannot raise the level");
        assertEquals("DEFAULT", Cpu.parse(AVX2_MACHINE).atenCapability("default"));
    }

    @Test
    void avx512WithoutBwAndVlRunsTheAvx2Kernels() {
        Cpu partial = Cpu.parse("model name\t: Knights Landing\nflags\t\t: avx2 fma avx512f avx512cd\n");
        assertEquals("AVX2", partial.atenCapability(null));
    }
}
