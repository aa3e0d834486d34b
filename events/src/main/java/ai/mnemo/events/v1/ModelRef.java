package ai.mnemo.events.v1;

/**
 * The model a job starts from: a built-in {@code preset} (initialised from {@code seed}) or a Hugging Face
 * checkpoint directory at {@code uri}, such as the previous stage's checkpoint. Exactly one of the two.
 */
public record ModelRef(String preset, String uri, Long seed) {

    public ModelRef {
        if ((preset == null) == (uri == null)) {
            throw new IllegalArgumentException("exactly one of preset and uri is required (got preset=" + preset
                    + ", uri=" + uri + ")");
        }
    }

    public static ModelRef preset(String preset, long seed) {
        return new ModelRef(preset, null, seed);
    }

    public static ModelRef uri(String uri) {
        return new ModelRef(null, uri, null);
    }
}
