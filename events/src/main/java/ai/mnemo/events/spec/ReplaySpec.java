package ai.mnemo.events.spec;

/** Replay of D_A: {@code fraction} (0 < f <= 1) is the share of D_A's facts mixed into each later stage. */
public record ReplaySpec(Double fraction) {
}
