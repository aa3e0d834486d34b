package ai.mnemo.cli.models;

import java.util.regex.Pattern;

/** The name of a model under the model root: one plain directory name, what a spec writes as {@code model.uri}. */
public final class ModelName {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private ModelName() {}

    /** @throws ImportRefused for a path (separators, {@code ..}), a hidden name or an empty one */
    public static String check(String name) {
        if (name == null || !PLAIN.matcher(name).matches() || name.contains("..")) {
            throw new ImportRefused("--name must be one plain directory name (letters, digits, '.', '_', '-'; no"
                    + " '/' or '..', not starting with '.'), not '" + name + "'");
        }
        return name;
    }
}
