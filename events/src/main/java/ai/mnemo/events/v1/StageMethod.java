package ai.mnemo.events.v1;

import java.util.List;

/**
 * What a run's method changes in how one stage trains, beyond its data (mixing and replay are already in the rows):
 * a penalty term, adapters instead of full fine-tuning, or the Fisher information to keep for a later stage. Every
 * part is optional; a stage trained plainly carries no StageMethod at all.
 *
 * @param kl add {@code weight x KL(stage-start model || current model)} to the loss
 * @param ewc add the EWC penalty towards the weights of the checkpoint at {@code anchorUri}, weighted by the Fisher
 *     information saved beside it
 * @param lora train low-rank adapters on the frozen model instead of every weight
 * @param fisher after training, save the diagonal Fisher information of this stage's facts beside the checkpoint
 *     (stage 0 of an EWC run)
 */
public record StageMethod(Kl kl, Ewc ewc, Lora lora, Boolean fisher) {

    public StageMethod {
        if (kl == null && ewc == null && lora == null && !Boolean.TRUE.equals(fisher)) {
            throw new IllegalArgumentException("a stage method needs kl, ewc, lora or fisher; leave it out instead");
        }
    }

    public boolean recordsFisher() {
        return Boolean.TRUE.equals(fisher);
    }

    public record Kl(double weight) {}

    public record Ewc(double lambda, String anchorUri) {

        public Ewc {
            Require.present(anchorUri, "ewc.anchorUri");
        }
    }

    /**
     * @param targetModules short projection names: q, k, v, o, gate, up, down
     */
    public record Lora(int rank, double alpha, List<String> targetModules) {

        public Lora {
            targetModules = Require.list(targetModules, "lora.targetModules");
        }
    }
}
