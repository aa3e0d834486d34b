package ai.mnemo.events;

import ai.mnemo.events.v1.MnemoEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way Mnemo turns events into JSON and back, so every service writes the same wire format: ISO-8601
 * instants, optional fields omitted rather than {@code null}, unknown fields ignored on read (v1 may grow
 * additively). The mappers are shared and thread-safe; do not reconfigure them, {@code copy()} them instead.
 */
public final class EventCodec {

    private static final JsonMapper JSON = configure(JsonMapper.builder()).build();
    private static final YAMLMapper YAML = configure(YAMLMapper.builder())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    private static final ObjectWriter EVENT_WRITER = JSON.writerFor(MnemoEvent.class);

    private EventCodec() {
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .addModule(new JavaTimeModule())
                .addModule(FiniteDoubles.module())
                .annotationIntrospector(new RequiredPrimitives())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A fraction where an integer belongs is a bug upstream, not something to truncate quietly.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Strict types: "8" is not the number 8, nor "true" a boolean; a producer that quotes numbers has
                // a bug worth hearing about, and a person who quotes one meant something else.
                .withCoercionConfig(LogicalType.Integer, strict -> strict.setCoercion(CoercionInputShape.String,
                        CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, strict -> strict.setCoercion(CoercionInputShape.String,
                        CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, strict -> strict.setCoercion(CoercionInputShape.String,
                        CoercionAction.Fail))
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL));
    }

    /** The shared JSON mapper, for anything else that travels with events (REST bodies, reports). */
    public static ObjectMapper json() {
        return JSON;
    }

    /** A YAML mapper configured like {@link #json()}; experiment specs are usually written in YAML. */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** The event as JSON, including its {@code type}. */
    public static String encode(MnemoEvent event) {
        try {
            return EVENT_WRITER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads one event of the topic's sealed type (or of one concrete record type).
     *
     * @throws EventDecodingException when the payload is malformed, its {@code type} is not a {@code sealedType},
     *         or a required field is missing or of the wrong kind
     */
    public static <T extends MnemoEvent> T decode(String json, Class<T> sealedType) {
        String what = "cannot decode " + sealedType.getSimpleName() + ": ";
        if (json == null || json.isBlank()) {
            throw new EventDecodingException(what + "empty payload", "$", null);
        }
        T event;
        try {
            event = JSON.readValue(json, sealedType);
        } catch (JsonProcessingException e) {
            JsonProblem problem = JsonProblem.of(e);
            String path = problem.path().isEmpty() ? "$"
                    : problem.path().startsWith("[") ? "$" + problem.path() : "$." + problem.path();
            String message = problem.message();
            if (e instanceof InvalidTypeIdException unknown && unknown.getTypeId() != null) {
                message += " (expected one of " + String.join(", ", typeNames(sealedType)) + ")";
            }
            throw new EventDecodingException(what + path + ": " + message, path, e);
        }
        if (event == null) {
            throw new EventDecodingException(what + "payload is null", "$", null);
        }
        return event;
    }

    /** The {@code type} names a sealed type accepts, which are the simple names of its records. */
    public static List<String> typeNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.isRecord()) {
            names.add(type.getSimpleName());
        } else if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                names.addAll(typeNames(permitted));
            }
        }
        return names;
    }
}
