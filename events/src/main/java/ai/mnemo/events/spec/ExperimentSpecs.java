package ai.mnemo.events.spec;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.JsonProblem;
import ai.mnemo.events.Utf8;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads experiment specs written by people, in JSON or YAML. Stricter than event decoding: an unknown or repeated
 * key is an error here, because in a hand-written file it is almost always a typo that would otherwise fall back
 * to a default without anyone noticing.
 */
public final class ExperimentSpecs {

    private static final ObjectReader JSON = strictReader(EventCodec.json());
    private static final ObjectReader YAML = strictReader(EventCodec.yaml());

    private ExperimentSpecs() {
    }

    private static ObjectReader strictReader(ObjectMapper mapper) {
        return mapper.readerFor(ExperimentSpec.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Parses a spec; JSON if the first non-blank character is <code>{</code>, YAML otherwise. Only reads: call
     * {@link SpecValidator#validate} or {@link #requireValid} next.
     *
     * @throws InvalidSpecException if the text is empty, malformed, has an unknown key or a value of the wrong kind
     */
    public static ExperimentSpec parse(String text) {
        String trimmed = text == null ? "" : text.replaceFirst("^\uFEFF", "").strip();
        if (trimmed.isEmpty()) {
            throw invalid("", "the document is empty");
        }
        ExperimentSpec spec;
        try {
            spec = (trimmed.charAt(0) == '{' ? JSON : YAML).readValue(trimmed);
        } catch (JsonProcessingException e) {
            JsonProblem problem = JsonProblem.of(e);
            throw invalid(problem.path(), problem.message());
        }
        if (spec == null) {
            throw invalid("", "the document is empty");
        }
        return spec;
    }

    /**
     * Parses a spec sent as bytes, which must be UTF-8: a malformed byte is refused rather than replaced, so what
     * is stored is what was sent.
     */
    public static ExperimentSpec parse(byte[] utf8) {
        return parse(Utf8.decode(utf8).orElseThrow(offset -> invalid("", "the document is not valid UTF-8 (byte "
                + offset + ")")));
    }

    /** Parses a spec file (UTF-8). */
    public static ExperimentSpec parse(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read experiment spec " + file, e);
        }
    }

    /**
     * Returns the spec if it validates.
     *
     * @throws InvalidSpecException with every violation otherwise
     */
    public static ExperimentSpec requireValid(ExperimentSpec spec) {
        List<Violation> violations = SpecValidator.validate(spec);
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        return spec;
    }

    private static InvalidSpecException invalid(String field, String message) {
        return new InvalidSpecException(List.of(new Violation(field, message)));
    }
}
