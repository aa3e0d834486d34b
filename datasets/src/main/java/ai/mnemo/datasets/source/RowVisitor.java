package ai.mnemo.datasets.source;

/** Receives the rows of an export in file order; returning false stops the reading early. */
@FunctionalInterface
public interface RowVisitor {

    boolean visit(SourceRow row);
}
