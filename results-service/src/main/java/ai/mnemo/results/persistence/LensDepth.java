package ai.mnemo.results.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One depth of an evaluation's logit lens (a row of {@code lens_depths}). */
@Embeddable
public class LensDepth {

    /** Mean over the facts of the gold answer's first token's probability at this depth. */
    @Column(name = "mean_probability", nullable = false)
    public double meanProbability;

    /** Share of the facts whose gold token is the top-1 at this depth. */
    @Column(name = "top1_rate", nullable = false)
    public double top1Rate;

    /** Facts whose gold token is the top-1 for the first time at this depth. */
    @Column(name = "first_top1", nullable = false)
    public int firstTop1;

    public static LensDepth of(double meanProbability, double top1Rate, int firstTop1) {
        LensDepth depth = new LensDepth();
        depth.meanProbability = meanProbability;
        depth.top1Rate = top1Rate;
        depth.firstTop1 = firstTop1;
        return depth;
    }
}
