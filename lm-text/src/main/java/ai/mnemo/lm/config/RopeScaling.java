package ai.mnemo.lm.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Llama-3.1's scaled rotary frequencies ({@code rope_scaling} with {@code rope_type: llama3}): long wavelengths are
 * stretched by {@code factor}, short ones kept, and the band between interpolated, as Hugging Face's
 * {@code _compute_llama3_parameters}. Other rope types are refused rather than computed wrongly.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RopeScaling(
        @JsonProperty("rope_type") @JsonAlias("type") String ropeType,
        @JsonProperty("factor") double factor,
        @JsonProperty("low_freq_factor") double lowFreqFactor,
        @JsonProperty("high_freq_factor") double highFreqFactor,
        @JsonProperty("original_max_position_embeddings") int originalMaxPositionEmbeddings) {

    public static final String LLAMA3 = "llama3";

    public RopeScaling {
        if (!LLAMA3.equals(ropeType)) {
            throw new IllegalArgumentException("invalid model config: rope_scaling type " + ropeType
                    + " is not supported (llama3 only)");
        }
        if (!(factor >= 1) || !(lowFreqFactor > 0) || !(highFreqFactor > lowFreqFactor)
                || originalMaxPositionEmbeddings <= 0) {
            throw new IllegalArgumentException("invalid model config: rope_scaling needs factor >= 1, "
                    + "0 < low_freq_factor < high_freq_factor and original_max_position_embeddings > 0");
        }
    }

    /** The scaled inverse frequency of one rotary pair, from its unscaled value. */
    public double apply(double inverseFrequency) {
        double wavelength = 2 * Math.PI / inverseFrequency;
        double lowFreqWavelength = originalMaxPositionEmbeddings / lowFreqFactor;
        double highFreqWavelength = originalMaxPositionEmbeddings / highFreqFactor;
        if (wavelength < highFreqWavelength) {
            return inverseFrequency;
        }
        if (wavelength > lowFreqWavelength) {
            return inverseFrequency / factor;
        }
        double smooth = (originalMaxPositionEmbeddings / wavelength - lowFreqFactor)
                / (highFreqFactor - lowFreqFactor);
        return (1 - smooth) * inverseFrequency / factor + smooth * inverseFrequency;
    }
}
