package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * What every layer needs besides its input for one forward call: rotary tables for the positions of the tokens and
 * the additive attention mask.
 */
public record ForwardContext(RotaryEmbedding.Tables rope, NDArray mask) {

    /**
     * The context of the queries at positions {@code from..T-1} only, for a layer that computes no other queries:
     * the query tables and the mask's query rows are cut, the key tables are kept. {@code groups} query heads share
     * each key/value head (the mask stacks its rows per group).
     */
    public ForwardContext queriesFrom(int from, int groups) {
        return from == 0 ? this : cut(from, groups, false);
    }

    /**
     * The context of the tokens at positions {@code from..T-1}, whose queries attend to the keys of every position
     * (the earlier ones come from {@link KeyValues}): the query and key tables and the mask's query rows are cut.
     */
    public ForwardContext positionsFrom(int from, int groups) {
        return from == 0 ? this : cut(from, groups, true);
    }

    private ForwardContext cut(int from, int groups, boolean keys) {
        NDIndex tail = new NDIndex(":, :, {}:, :", from);
        RotaryEmbedding.Tables tables = new RotaryEmbedding.Tables(rope.queryCos().get(tail),
                rope.querySin().get(tail), keys ? rope.keyCos().get(tail) : rope.keyCos(),
                keys ? rope.keySin().get(tail) : rope.keySin());
        return new ForwardContext(tables, groupRows(mask, from, groups));
    }

    /** Rows {@code from..T-1} of each group of a (B, 1, G*T, Tk) mask. */
    private static NDArray groupRows(NDArray mask, int from, int groups) {
        if (groups == 1) {
            return mask.get(new NDIndex(":, :, {}:, :", from));
        }
        long b = mask.getShape().get(0);
        long rows = mask.getShape().get(2) / groups;
        long keys = mask.getShape().get(3);
        return mask.reshape(b, 1, groups, rows, keys).get(new NDIndex(":, :, :, {}:, :", from))
                .reshape(b, 1, groups * (rows - from), keys);
    }
}
