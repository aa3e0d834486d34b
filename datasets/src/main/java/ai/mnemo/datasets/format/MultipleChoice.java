package ai.mnemo.datasets.format;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.Seeds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The multiple-choice variant of a QA set, laid out as in the paper's code:
 * <pre>
 * {question}
 * Choices:
 * A. {option}
 * B. {option}
 * ...
 * The answer is: </pre>
 * with the target {@code {letter}. {gold}}. The options are the gold answer and up to {@value #DISTRACTORS}
 * distractors drawn uniformly, without replacement, from the pool's other distinct answers (compared ignoring case),
 * then shuffled. The draw for a fact is seeded by the fact's place in the pool ({@link Seeds#CHOICES}), so a fact has
 * the same options in every run and every method.
 */
public final class MultipleChoice {

    public static final int DISTRACTORS = 3;
    public static final long SEED = 0L;

    /** Distinct answers of the pool, keyed by lower case, in pool order. */
    private final List<String> answers;

    public MultipleChoice(List<Fact> pool) {
        Map<String, String> distinct = new LinkedHashMap<>();
        for (Fact fact : pool) {
            distinct.putIfAbsent(key(fact.answer()), fact.answer());
        }
        if (distinct.size() < 2) {
            throw new IllegalArgumentException("multiple choice needs at least two distinct answers in the pool (found "
                    + distinct.size() + ")");
        }
        this.answers = List.copyOf(distinct.values());
    }

    /** The user turn and target of the fact at {@code poolIndex}. */
    public Choice format(Fact fact, int poolIndex) {
        Random random = Seeds.random(SEED, Seeds.CHOICES, poolIndex);
        int wanted = Math.min(DISTRACTORS, answers.size() - 1);
        List<String> options = new ArrayList<>(wanted + 1);
        options.add(fact.answer());
        Set<String> taken = new HashSet<>();
        taken.add(key(fact.answer()));
        while (options.size() < wanted + 1) {
            String candidate = answers.get(random.nextInt(answers.size()));
            if (taken.add(key(candidate))) {
                options.add(candidate);
            }
        }
        Seeds.shuffle(options, random);
        StringBuilder user = new StringBuilder(fact.question()).append("\nChoices:");
        String target = null;
        for (int i = 0; i < options.size(); i++) {
            String letter = String.valueOf((char) ('A' + i));
            user.append('\n').append(letter).append(". ").append(options.get(i));
            if (target == null && options.get(i).equals(fact.answer())) {
                target = letter + ". " + fact.answer();
            }
        }
        user.append(Templates.ANSWER_IS);
        return new Choice(user.toString(), target);
    }

    private static String key(String answer) {
        return answer.strip().toLowerCase(Locale.ROOT);
    }

    /** A formatted multiple-choice fact: the user turn with its options, and the target {@code B. Paris}. */
    public record Choice(String user, String target) {
    }
}
