package ai.mnemo.lm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrecisionTest {

    @Test
    void parsesTheSpecNamesAndAbsentIsFp32() {
        assertEquals(Precision.FP32, Precision.parse(null));
        for (Precision p : Precision.values()) {
            assertEquals(p, Precision.parse(p.specName()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Precision.parse("fp8"));
        assertTrue(e.getMessage().contains("fp32, bf16, mixed, mixed-fp16"), e.getMessage());
    }

    @Test
    void onlyTheMixedModesKeepAnFp32MasterAndFp32Moments() {
        assertEquals(4, Precision.FP32.optimizerStateBytes());
        assertEquals(2, Precision.BF16.optimizerStateBytes());
        assertEquals(4, Precision.MIXED.optimizerStateBytes());
        assertEquals(2, Precision.MIXED.computeBytes());
        assertFalse(Precision.BF16.masterCopy());
        assertTrue(Precision.MIXED_FP16.masterCopy());
        assertTrue(Precision.MIXED_FP16.lossScaling());
        assertFalse(Precision.MIXED.lossScaling());
    }
}
