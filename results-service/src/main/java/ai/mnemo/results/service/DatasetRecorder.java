package ai.mnemo.results.service;

import ai.mnemo.events.v1.DatasetEvent;
import ai.mnemo.events.v1.DatasetFailed;
import ai.mnemo.events.v1.DatasetPrepared;
import ai.mnemo.results.persistence.Stage;
import ai.mnemo.results.persistence.StageStatus;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies mnemo.datasets.v1: a stage's prepared rows and their manifest, or why they could not be prepared. */
@ApplicationScoped
public class DatasetRecorder {

    private final LineageRows rows;

    public DatasetRecorder(LineageRows rows) {
        this.rows = rows;
    }

    public boolean record(DatasetEvent event) {
        Stage stage = rows.stage(rows.run(event.experimentId(), event.runId(), event.occurredAt()), event.stageIndex());
        if (event instanceof DatasetPrepared prepared) {
            stage.dataset = prepared.dataset();
            stage.datasetUri = prepared.uri();
            stage.manifestJson = JsonText.of(prepared.manifest());
            stage.advance(StageStatus.PREPARED);
        } else if (event instanceof DatasetFailed failed) {
            if (stage.dataset == null) {
                stage.dataset = failed.dataset();
            }
            stage.fail(failed.field() == null ? failed.reason()
                    : failed.reason() + " (spec field " + failed.field() + ")");
        }
        return true;
    }
}
