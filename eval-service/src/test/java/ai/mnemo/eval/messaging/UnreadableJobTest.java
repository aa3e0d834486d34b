package ai.mnemo.eval.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.EventDecodingException;
import ai.mnemo.events.v1.EvalCommand;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.EvalFailed;
import org.junit.jupiter.api.Test;

class UnreadableJobTest {

    @Test
    void anEvalJobThatNamesItsRunIsAnsweredWithTheDecodingError() {
        String payload = "{\"type\":\"EvalJob\",\"eventId\":\"e1\",\"occurredAt\":\"2025-01-01T00:00:00Z\","
                + "\"experimentId\":\"exp-1\",\"runId\":\"run-1\",\"stageIndex\":2,\"checkpointUri\":\"file:/x\","
                + "\"outputUri\":\"file:/y\"}";
        EvalEvent event = UnreadableJob.failure(payload, decodingError(payload)).orElseThrow();

        EvalFailed failed = assertInstanceOf(EvalFailed.class, event);
        assertEquals("exp-1", failed.experimentId());
        assertEquals("run-1", failed.runId());
        assertEquals(2, failed.stageIndex());
        assertTrue(failed.reason().contains("$.targets"), failed.reason());
    }

    @Test
    void aProbeJobThatNamesItsProbeIsAnsweredWithTheDecodingError() {
        String payload = "{\"type\":\"ProbeJob\",\"experimentId\":\"exp-1\",\"probeId\":\"p-1\",\"fewShot\":\"x\"}";
        EvalFailed failed = assertInstanceOf(EvalFailed.class,
                UnreadableJob.failure(payload, decodingError(payload)).orElseThrow());

        assertEquals("p-1", failed.probeId());
        assertEquals(null, failed.runId());
        assertTrue(failed.reason().startsWith("the ProbeJob could not be read"), failed.reason());
    }

    @Test
    void anythingElseGetsNoAnswer() {
        for (String payload : new String[] {"not json", "{\"type\":\"ProbeJob\",\"experimentId\":\"e\"}",
            "{\"type\":\"EvalJob\",\"experimentId\":\"e\",\"stageIndex\":1}",
            "{\"type\":\"EvalJob\",\"experimentId\":\"e\",\"runId\":\"r\",\"stageIndex\":\"one\"}"}) {
            assertTrue(UnreadableJob.failure(payload, decodingError(payload)).isEmpty(), payload);
        }
    }

    private static EventDecodingException decodingError(String payload) {
        try {
            EventCodec.decode(payload, EvalCommand.class);
        } catch (EventDecodingException e) {
            return e;
        }
        throw new AssertionError("expected " + payload + " not to decode");
    }
}
