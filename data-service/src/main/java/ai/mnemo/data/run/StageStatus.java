package ai.mnemo.data.run;

/** Where one stage of a run stands: not begun, its job out, its checkpoint under evaluation, evaluated. */
public enum StageStatus {
    PENDING,
    TRAINING,
    TRAINED,
    EVALUATED
}
