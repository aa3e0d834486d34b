package ai.mnemo.lm.plan;

import java.util.List;
import java.util.Locale;

/**
 * The bytes one training run holds on its device, part by part, each with the arithmetic behind it.
 *
 * @param parts the parts in table order, zero-byte parts left out
 */
public record MemoryPlan(String title, List<Part> parts) {

    /** Share of the device kept free for the CUDA context, the allocator's fragmentation and short-lived temporaries. */
    public static final double RESERVE = 0.10;

    public MemoryPlan {
        parts = List.copyOf(parts);
    }

    /** One line of the plan: what, how many bytes, and the formula with its numbers. */
    public record Part(String name, long bytes, String arithmetic) {}

    public long total() {
        return parts.stream().mapToLong(Part::bytes).sum();
    }

    /** The bytes of the part named {@code name}, 0 when the plan has none. */
    public long bytes(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).mapToLong(Part::bytes).sum();
    }

    /** Whether the plan fits a device of {@code deviceBytes} after the {@link #RESERVE}. */
    public boolean fits(long deviceBytes) {
        return total() <= usable(deviceBytes);
    }

    public static long usable(long deviceBytes) {
        return (long) (deviceBytes * (1 - RESERVE));
    }

    /** A table: part, GB (10^9 bytes), GiB. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-28s %12s %10s%n", "part", "GB", "GiB"));
        for (Part p : parts) {
            out.append(row(p.name(), p.bytes()));
        }
        return out.append(row("total", total())).toString();
    }

    /** Every part's arithmetic, one line each, then the total. */
    public String explanation() {
        StringBuilder out = new StringBuilder(title).append('\n');
        for (Part p : parts) {
            out.append(String.format(Locale.ROOT, "  %s: %s = %s%n", p.name(), p.arithmetic(), gb(p.bytes())));
        }
        return out.append("  total: ").append(gb(total())).append('\n').toString();
    }

    /** The verdict against a device: fits or not, with the numbers. */
    public String verdict(long deviceBytes) {
        return String.format(Locale.ROOT, "%s: needs %s of %s usable (%s device less %.0f%% reserve)",
                fits(deviceBytes) ? "fits" : "does not fit", gb(total()), gb(usable(deviceBytes)), gb(deviceBytes),
                RESERVE * 100);
    }

    static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    private static String row(String name, long bytes) {
        return String.format(Locale.ROOT, "%-28s %12.2f %10.2f%n", name, bytes / 1e9, bytes / (double) (1L << 30));
    }
}
