/**
 * The wire contract of Mnemo: topic names, the shared JSON/YAML codec, the v1 event records and the experiment spec.
 * No framework code lives here, so every service and the CLI can depend on it.
 */
package ai.mnemo.events;
