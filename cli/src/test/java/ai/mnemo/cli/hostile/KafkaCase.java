package ai.mnemo.cli.hostile;

/**
 * One hostile record on a topic and what every consumer group of that topic must do with it: dead-letter it with
 * a reason containing {@code reason}, or ignore it (an event type this version does not know).
 *
 * @param groups how many consumer groups read the topic (each dead-letters on its own)
 */
record KafkaCase(String name, String topic, byte[] value, int groups, boolean ignored, String reason) {

    @Override
    public String toString() {
        return name + " on " + topic;
    }
}
