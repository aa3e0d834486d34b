package ai.mnemo.lm.plan;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A device memory size as written on the command line: {@code 80GiB}, {@code 80GB}, {@code 141 GB}, {@code 24GiB}. */
public final class GpuMemory {

    private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(GiB|GB|MiB|MB)\\s*");

    private GpuMemory() {}

    public static long parse(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read memory size '" + text + "' (examples: 80GiB, 141GB)");
        }
        double value = Double.parseDouble(m.group(1));
        double unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "GIB" -> 1L << 30;
            case "GB" -> 1e9;
            case "MIB" -> 1L << 20;
            default -> 1e6;
        };
        return (long) (value * unit);
    }
}
