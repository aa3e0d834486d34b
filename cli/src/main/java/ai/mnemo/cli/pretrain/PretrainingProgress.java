package ai.mnemo.cli.pretrain;

import ai.mnemo.lm.train.TrainingListener;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar for pretraining: steps done of planned, the ETA, the loss and the throughput. */
final class PretrainingProgress implements TrainingListener, AutoCloseable {

    private final ProgressBar bar;
    private double smoothedLoss = Double.NaN;

    PretrainingProgress(long steps) {
        this.bar = new ProgressBarBuilder().setTaskName("pretraining").setInitialMax(steps).setUnit(" steps", 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).build();
    }

    @Override
    public void onStep(StepReport report) {
        // An exponential moving average: single batches of a corpus are noisy.
        smoothedLoss = Double.isNaN(smoothedLoss) ? report.loss() : 0.98 * smoothedLoss + 0.02 * report.loss();
        bar.stepTo(report.step());
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f, %,.0f tok/s", smoothedLoss,
                report.tokensPerSecond()));
    }

    @Override
    public void close() {
        bar.close();
    }
}
