package ai.mnemo.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Every number Mnemo reads is finite: JSON has no NaN, but {@code 1e400} overflows to Infinity and YAML writes
 * {@code .nan} and {@code .inf}; a non-finite loss, accuracy or ratio is a bug or an attack, never a value.
 */
final class FiniteDoubles extends NumberDeserializers.DoubleDeserializer {

    private FiniteDoubles(Class<Double> type, Double nullValue) {
        super(type, nullValue);
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("finite-doubles");
        module.addDeserializer(Double.class, new FiniteDoubles(Double.class, null));
        module.addDeserializer(Double.TYPE, new FiniteDoubles(Double.TYPE, 0.0));
        return module;
    }

    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        Double value = super.deserialize(parser, context);
        if (value != null && !Double.isFinite(value)) {
            throw InvalidFormatException.from(parser, "not a finite number", value, Double.class);
        }
        return value;
    }
}
