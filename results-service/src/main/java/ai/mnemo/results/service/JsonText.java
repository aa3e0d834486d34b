package ai.mnemo.results.service;

import ai.mnemo.events.EventCodec;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Values as JSON text, for the JSON columns (manifest, settings, model, spec). */
final class JsonText {

    private JsonText() {
    }

    /** The value as the wire's JSON (the events' codec, so what is stored reads like what was sent). */
    static String of(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return EventCodec.json().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
