package ai.mnemo.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.spec.ExperimentSpec;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.ExperimentEvent;
import ai.mnemo.events.v1.ExperimentRequested;
import ai.mnemo.events.v1.ModelRef;
import ai.mnemo.events.v1.RunEvent;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.events.v1.TrainingCommand;
import ai.mnemo.events.v1.TrainingEvent;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingStarted;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final String JOB = GoldenFilesTest.golden(TrainingJob.class);

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() throws Exception {
        ObjectNode json = (ObjectNode) EventCodec.json().readTree(JOB);
        json.put("priority", "high");
        ((ObjectNode) json.get("settings")).put("optimizer", "adamw");
        ((ObjectNode) json.get("settings").get("stopping")).putObject("patience").put("epochs", 3);

        TrainingCommand decoded = EventCodec.decode(json.toString(), TrainingCommand.class);

        assertEquals(EventCodec.decode(JOB, TrainingJob.class), decoded);
    }

    @Test
    void anUnknownTypeNamesTheTypeAndTheAcceptedOnes() {
        EventDecodingException e = assertThrows(EventDecodingException.class,
                () -> EventCodec.decode(JOB.replace("\"TrainingJob\"", "\"TrainingJobV2\""), TrainingCommand.class));

        assertEquals("cannot decode TrainingCommand: $: unknown type 'TrainingJobV2' (expected one of TrainingJob)",
                e.getMessage());
        assertEquals("$", e.path());
    }

    @Test
    void anEventOfAnotherTopicIsAnUnknownType() {
        EventDecodingException e = assertThrows(EventDecodingException.class,
                () -> EventCodec.decode(JOB, TrainingEvent.class));

        assertTrue(e.getMessage().contains("unknown type 'TrainingJob' (expected one of TrainingStarted, "
                + "TrainingProgress, StageCompleted, TrainingFailed)"), e.getMessage());
    }

    @Test
    void aMissingTypeIsReported() {
        EventDecodingException e = assertThrows(EventDecodingException.class,
                () -> EventCodec.decode(JOB.replace("\"type\": \"TrainingJob\",", ""), TrainingCommand.class));

        assertEquals("cannot decode TrainingCommand: $: missing 'type' property", e.getMessage());
    }

    @Test
    void malformedJsonSaysWhere() {
        EventDecodingException e = assertThrows(EventDecodingException.class,
                () -> EventCodec.decode("{\"type\": \"TrainingJob\", \"runId\": ", TrainingCommand.class));

        assertTrue(e.getMessage().startsWith("cannot decode TrainingCommand: $: malformed document at line 1"),
                e.getMessage());
    }

    @Test
    void anEmptyOrNullPayloadIsReported() {
        EventDecodingException blank = assertThrows(EventDecodingException.class,
                () -> EventCodec.decode(" ", RunEvent.class));
        EventDecodingException literalNull = assertThrows(EventDecodingException.class,
                () -> EventCodec.decode("null", RunEvent.class));

        assertEquals("cannot decode RunEvent: empty payload", blank.getMessage());
        assertEquals("cannot decode RunEvent: payload is null", literalNull.getMessage());
    }

    @Test
    void aMissingRequiredNumberIsNotReadAsZero() {
        EventDecodingException e = assertThrows(EventDecodingException.class,
                () -> EventCodec.decode(JOB.replace("\"stageIndex\": 0,", ""), TrainingCommand.class));

        assertEquals("cannot decode TrainingCommand: $.stageIndex: is required", e.getMessage());
        assertEquals("$.stageIndex", e.path());
    }

    @Test
    void aMissingNestedFieldIsNamedByItsPath() {
        String withoutSeed = JOB.replace("\"seed\": 0,\n    \"maxSequenceLength\"", "\"maxSequenceLength\"");
        String withoutRule = JOB.replace("\"rule\": \"memorized\",", "");
        String withoutRunId = JOB.replace("\"runId\": \"run-7f9c2d1e-remix-2.0-s0\",", "");

        assertEquals("$.settings.seed", decodeFailure(withoutSeed).path());
        assertEquals("$.settings.stopping.rule", decodeFailure(withoutRule).path());
        assertEquals("cannot decode TrainingCommand: $.runId: is required", decodeFailure(withoutRunId).getMessage());
    }

    @Test
    void aValueOfTheWrongKindIsNamedWithWhatWasThere() {
        assertEquals("cannot decode TrainingCommand: $.attempt: expected an integer (was \"first\", a string)",
                decodeFailure(JOB.replace("\"attempt\": 1", "\"attempt\": \"first\"")).getMessage());
        assertEquals("cannot decode TrainingCommand: $.attempt: expected an integer (was 1.5)",
                decodeFailure(JOB.replace("\"attempt\": 1", "\"attempt\": 1.5")).getMessage());
        assertEquals("cannot decode TrainingCommand: $.attempt: expected an integer (was null)",
                decodeFailure(JOB.replace("\"attempt\": 1", "\"attempt\": null")).getMessage());
        assertEquals("cannot decode TrainingCommand: $.occurredAt: expected an ISO-8601 instant (was \"yesterday\")",
                decodeFailure(JOB.replace("\"2025-03-14T15:09:26.535Z\"", "\"yesterday\"")).getMessage());
    }

    @Test
    void aBrokenInvariantOfAValueRecordIsReportedAtItsPath() {
        String bothModels = JOB.replace("\"preset\": \"tiny\",", "\"preset\": \"tiny\", \"uri\": \"file:/m\",");

        EventDecodingException e = decodeFailure(bothModels);

        assertEquals("$.model", e.path());
        assertTrue(e.getMessage().contains("exactly one of preset and uri"), e.getMessage());
    }

    @Test
    void instantsAreIsoStringsAndOptionalFieldsAreOmitted() throws Exception {
        EvalFailed failed = new EvalFailed(EventFixtures.id(1), Instant.parse("2025-01-02T03:04:05Z"), "e", "r", 0,
                null, "boom");

        JsonNode json = EventCodec.json().readTree(EventCodec.encode(failed));

        assertEquals("2025-01-02T03:04:05Z", json.get("occurredAt").asText());
        assertFalse(json.has("probeId"));
        assertFalse(json.toString().contains("null"), json.toString());
    }

    @Test
    void factoriesFillAFreshIdAndTheCurrentTime() {
        Instant before = Instant.now().minus(Duration.ofSeconds(1));
        TrainingStarted first = TrainingStarted.of("e", "r", 0, 1, "trainer-0", 100, 0);
        TrainingStarted second = TrainingStarted.of("e", "r", 0, 1, "trainer-0", 100, 0);

        assertEquals(4, UUID.fromString(first.eventId()).version());
        assertFalse(first.eventId().equals(second.eventId()));
        assertTrue(!first.occurredAt().isBefore(before) && !first.occurredAt().isAfter(Instant.now()));
    }

    @Test
    void constructorsRejectAMissingRequiredField() {
        MissingFieldException e = assertThrows(MissingFieldException.class,
                () -> RunPlanned.of("e", null, "naive", null, 0, "naive seed 0", List.of("kvr:A")));
        assertEquals("runId", e.field());

        MissingFieldException entry = assertThrows(MissingFieldException.class,
                () -> RunPlanned.of("e", "r", "naive", null, 0, "naive seed 0", Arrays.asList("kvr:A", null)));
        assertEquals("stages[1]", entry.field());
    }

    @Test
    void listsInEventsAreImmutableCopies() {
        List<String> stages = new ArrayList<>(List.of("kvr:A"));
        RunPlanned planned = RunPlanned.of("e", "r", "naive", null, 0, "naive seed 0", stages);
        stages.add("kvr:B");

        assertEquals(List.of("kvr:A"), planned.stages());
        assertThrows(UnsupportedOperationException.class, () -> planned.stages().add("x"));
    }

    @Test
    void aModelRefIsExactlyOneOfPresetAndUri() {
        assertThrows(IllegalArgumentException.class, () -> new ModelRef(null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ModelRef("tiny", "file:/m", 0L));
    }

    @Test
    void theSpecOfARequestSurvivesAYamlRoundTrip() throws Exception {
        ExperimentSpec spec = EventFixtures.quickstart();

        String yaml = EventCodec.yaml().writeValueAsString(spec);

        assertEquals(spec, EventCodec.yaml().readValue(yaml, ExperimentSpec.class));
        assertFalse(yaml.startsWith("---"), yaml);
    }

    @Test
    void anExperimentEventDecodesThroughItsSealedType() {
        String json = GoldenFilesTest.golden(ExperimentRequested.class);

        ExperimentEvent event = EventCodec.decode(json, ExperimentEvent.class);

        assertInstanceOf(ExperimentRequested.class, event);
    }

    private static EventDecodingException decodeFailure(String json) {
        return assertThrows(EventDecodingException.class, () -> EventCodec.decode(json, TrainingCommand.class));
    }
}
