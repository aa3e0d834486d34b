package ai.mnemo.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.StageCompleted;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The golden files freeze the v1 wire format: a change that breaks one of them is a breaking change. */
class GoldenFilesTest {

    static Stream<MnemoEvent> fixtures() {
        return EventFixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void encodesExactlyAsTheGoldenFile(MnemoEvent event) throws IOException {
        JsonNode expected = EventCodec.json().readTree(golden(event.getClass()));
        JsonNode actual = EventCodec.json().readTree(EventCodec.encode(event));

        assertEquals(expected, actual, "wire format of " + event.getClass().getSimpleName() + " changed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decodesTheGoldenFileWithItsTopicsType(MnemoEvent event) {
        Class<? extends MnemoEvent> topicType = Topics.eventType(Topics.of(event));

        assertEquals(event, EventCodec.decode(golden(event.getClass()), topicType));
        assertEquals(event, EventCodec.decode(golden(event.getClass()), MnemoEvent.class));
    }

    @Test
    void everyEventTypeHasAFixtureAndAGoldenFile() {
        Set<String> types = new TreeSet<>(EventCodec.typeNames(MnemoEvent.class));
        Set<String> fixtures = EventFixtures.all().stream()
                .map(event -> event.getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(19, types.size(), "the catalogue lists 19 events");
        assertEquals(types, fixtures);
        for (String type : types) {
            assertNotNull(GoldenFilesTest.class.getResource("/golden/" + type + ".json"), "golden/" + type + ".json");
        }
    }

    @Test
    void theTypeNameOnTheWireIsTheRecordsSimpleName() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (MnemoEvent event : EventFixtures.all()) {
            String type = EventCodec.json().readTree(EventCodec.encode(event)).get("type").asText();
            if (!type.equals(event.getClass().getSimpleName())) {
                mismatches.add(event.getClass().getSimpleName() + " -> " + type);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    /** cost is an additive v1 field: what producers wrote before it still decodes, with no cost. */
    @Test
    void stageAndEvalCompletedWithoutCostStillDecode() throws IOException {
        for (Class<? extends MnemoEvent> type : List.of(StageCompleted.class, EvalCompleted.class)) {
            ObjectNode older = (ObjectNode) EventCodec.json().readTree(golden(type));
            older.remove("cost");

            MnemoEvent decoded = EventCodec.decode(older.toString(), MnemoEvent.class);

            assertNull(type == StageCompleted.class ? ((StageCompleted) decoded).cost()
                    : ((EvalCompleted) decoded).cost(), type.getSimpleName());
        }
    }

    static String golden(Class<?> type) {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + type.getSimpleName() + ".json")) {
            assertNotNull(in, "missing golden/" + type.getSimpleName() + ".json");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
