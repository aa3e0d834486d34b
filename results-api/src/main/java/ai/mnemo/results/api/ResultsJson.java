package ai.mnemo.results.api;

import ai.mnemo.events.EventCodec;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one place the JSON of the REST contract is read and written: events' {@link EventCodec} configuration (ISO
 * instants, strict number and boolean types, finite doubles), in two strictnesses.
 *
 * <p>Clients read with {@link #tolerant()}: a newer results-service may add fields (an additive change, like cost
 * was), and an older CLI should go on working against it rather than fail on every answer. Tests read with
 * {@link #strict()}: there an unknown field means the contract and its fixtures disagree (a renamed or added
 * field), which must break the build, not pass unnoticed.
 */
public final class ResultsJson {

    private static final ObjectMapper STRICT = EventCodec.json().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultsJson() {
    }

    /** For clients at run time: unknown fields (from a newer server) are ignored. */
    public static ObjectMapper tolerant() {
        return EventCodec.json();
    }

    /** For tests of the contract: an unknown field fails. */
    public static ObjectMapper strict() {
        return STRICT;
    }
}
