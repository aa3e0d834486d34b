package ai.mnemo.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.v1.EvalCommand;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EvalJob's optional precision: it travels, its absence means fp32, and an unknown name is refused. */
class EvalJobPrecisionTest {

    private static final List<EvalTarget> TARGETS = List.of(new EvalTarget(0, "kvr:A", "file:/a", "exact-match", 4));

    private static EvalJob job(String precision) {
        return EvalJob.of("e", "r", 0, "file:/c", TARGETS, "file:/o", precision);
    }

    @Test
    void thePrecisionSurvivesARoundTrip() {
        EvalJob job = job("mixed-fp16");

        EvalJob back = (EvalJob) EventCodec.decode(EventCodec.encode(job), EvalCommand.class);

        assertEquals(job, back);
        assertEquals("mixed-fp16", back.precision());
    }

    @Test
    void anAbsentPrecisionIsOmittedAndMeansFp32() {
        String wire = EventCodec.encode(job(null));
        assertFalse(wire.contains("precision"), wire);

        EvalJob back = (EvalJob) EventCodec.decode(wire, EvalCommand.class);

        assertNull(back.precision());
        assertEquals("fp32", back.precisionOrDefault());
    }

    @Test
    void anUnknownPrecisionIsRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> job("fp8"));
        assertTrue(e.getMessage().contains("precision") && e.getMessage().contains("fp8"), e.getMessage());

        String wire = EventCodec.encode(job("fp32")).replace("\"fp32\"", "\"fp8\"");
        EventDecodingException decoding = assertThrows(EventDecodingException.class,
                () -> EventCodec.decode(wire, EvalCommand.class));
        assertTrue(decoding.getMessage().contains("precision must be one of"), decoding.getMessage());
    }
}
