/**
 * The experiment spec as a user wrote it (see docs/experiment-spec.md): records with nullable fields where the doc
 * gives a default, a parser for JSON and YAML, a validator that reports every problem at once, and
 * {@code resolve()} methods that fill in the defaults from {@link ai.mnemo.events.spec.SpecDefaults}.
 */
package ai.mnemo.events.spec;
