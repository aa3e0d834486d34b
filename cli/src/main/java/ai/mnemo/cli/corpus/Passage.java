package ai.mnemo.cli.corpus;

/**
 * One passage of the English corpus, as a line of its JSON Lines file: the same {@code text} column as the generic
 * passages of Knowledge Pile or FineWeb exports, so REMIX can mix it and a {@code passages} stage can train on it.
 *
 * @param id where it comes from, e.g. {@code kjv-Ge1} or {@code wordnet-noun-12}
 */
public record Passage(String id, String source, String text) {}
