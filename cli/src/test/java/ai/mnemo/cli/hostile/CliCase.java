package ai.mnemo.cli.hostile;

import java.util.List;

/**
 * One bad invocation of {@code mnemo} and how it must answer: the exit code, how the first line of stderr starts,
 * and a fragment it must say.
 *
 * @param args the arguments; {@code {file}} is replaced by the written spec file, {@code {url}} by the stack's
 *     results-service and {@code {token}} by a valid token
 * @param file the spec file's bytes, or null to write none
 */
record CliCase(String name, List<String> args, byte[] file, int exit, String firstLinePrefix, String says) {

    @Override
    public String toString() {
        return name;
    }
}
