package ai.mnemo.datasets.mixing;

import ai.mnemo.datasets.PreparedRow;
import java.util.List;
import java.util.Random;

/**
 * Where a stage's REMIX rows come from: random dictionary-word sequences or passages of generic text. Rows are
 * named {@code mix-0 .. mix-(count-1)} and drawn from {@code random} only, so the same generator state gives the same
 * rows.
 */
public interface MixingSource {

    /** @throws IllegalArgumentException (or a {@code SourceException}) when the source cannot give {@code count} rows */
    List<PreparedRow> rows(int count, Random random);

    /** The file a manifest names for this source ({@code classpath:...} for the word list). */
    String sourcePath();

    /** SHA-256 of that file. */
    String sourceSha256();
}
