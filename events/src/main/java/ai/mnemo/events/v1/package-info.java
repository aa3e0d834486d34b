/**
 * Version 1 of the events: one sealed interface per topic, one record per event, plus the value records they carry.
 * Within v1 only additive changes are allowed (a new optional field, a new event type); anything else is a v2
 * package and a {@code *.v2} topic. Golden JSON files in the tests freeze the wire format.
 */
package ai.mnemo.events.v1;
