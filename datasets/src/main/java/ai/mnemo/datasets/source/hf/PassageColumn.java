package ai.mnemo.datasets.source.hf;

import java.util.List;

/**
 * A generic-text mixing source: which column of its export holds the passage. Knowledge Pile
 * ({@code Query-of-CC/Knowledge_Pile}) keeps it in {@code content}; the arXiv part of the Pile
 * ({@code haritzpuerto/the_pile_arxiv_50k_sample}) and FineWeb (e.g. {@code kh4dien/fineweb-100m-sample}) in
 * {@code text}; {@code passages} names any other export of passages in {@code text} (Mnemo's English corpus).
 */
public record PassageColumn(String source, String column) {

    public static final List<PassageColumn> ALL = List.of(
            new PassageColumn("knowledge-pile", "content"),
            new PassageColumn("arxiv-pile", "text"),
            new PassageColumn("fineweb", "text"),
            new PassageColumn("passages", "text"));
}
