package ai.mnemo.lm.chat;

/** One training or evaluation row: the user turn and the assistant answer the model must produce. */
public record ChatExample(String user, String assistant) {

    public ChatExample {
        if (user == null || assistant == null) {
            throw new IllegalArgumentException("a chat example needs both a user turn and an assistant answer");
        }
    }
}
