package ai.mnemo.cli.results;

import java.util.Arrays;
import java.util.List;

/** Plain-text tables: the first column left-aligned, the others right-aligned, a rule under the header. */
final class TextTable {

    private TextTable() {}

    static String format(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            for (int i = 0; i < widths.length; i++) {
                String cell = rows.get(r)[i];
                out.append(i == 0 ? String.format("%-" + widths[i] + "s", cell)
                        : String.format("  %" + widths[i] + "s", cell));
            }
            out.append('\n');
            if (r == 0) {
                out.append("-".repeat(Arrays.stream(widths).sum() + 2 * (widths.length - 1))).append('\n');
            }
        }
        return out.toString();
    }
}
