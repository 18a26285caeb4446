package dev.tillpoint.feed;

import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.ValidationErrors;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The server's preset policy (DESIGN.md "Social feed"): a post enters a group's feed when at least
 * {@code minInteractingMembers} members of that group other than the viewer interacted with it
 * within the last {@code windowHours} and their weighted score reaches {@code minScore}.
 *
 * @param weights the weight of each interaction type, all three present
 */
public record FeedPolicy(int minInteractingMembers, int windowHours, Map<InteractionType, Integer> weights, int minScore) {

    public static final int MAX_MIN_INTERACTING_MEMBERS = 1_000;
    /** One year: also how far back a joining member's interactions are fanned into the group. */
    public static final int MAX_WINDOW_HOURS = 8_760;
    public static final int MAX_WEIGHT = 1_000;
    public static final int MAX_MIN_SCORE = 1_000_000;

    public static final FeedPolicy DEFAULT = new FeedPolicy(2, 72,
            Map.of(InteractionType.LIKE, 1, InteractionType.COMMENT, 2, InteractionType.SHARE, 3), 2);

    /** @throws IllegalArgumentException for a policy {@link #validate} refuses */
    public FeedPolicy {
        Objects.requireNonNull(weights, "weights");
        weights = Map.copyOf(new EnumMap<>(weights));
        if (!valid(minInteractingMembers, windowHours, weights, minScore)) {
            throw new IllegalArgumentException("Not a valid feed policy; build one from requests with FeedPolicy.of");
        }
    }

    /** The policy, or {@code VALIDATION_FAILED} naming each field out of bounds. */
    public static Result<FeedPolicy> of(Integer minInteractingMembers, Integer windowHours,
            Map<InteractionType, Integer> weights, Integer minScore) {
        ValidationErrors errors = new ValidationErrors();
        if (minInteractingMembers == null || minInteractingMembers < 1 || minInteractingMembers > MAX_MIN_INTERACTING_MEMBERS) {
            errors.add("minInteractingMembers", "must be an integer from 1 to " + MAX_MIN_INTERACTING_MEMBERS);
        }
        if (windowHours == null || windowHours < 1 || windowHours > MAX_WINDOW_HOURS) {
            errors.add("windowHours", "must be an integer from 1 to " + MAX_WINDOW_HOURS);
        }
        if (weights == null) {
            errors.add("weights", "is required, with LIKE, COMMENT and SHARE");
        } else {
            for (InteractionType type : InteractionType.values()) {
                Integer weight = weights.get(type);
                if (weight == null || weight < 0 || weight > MAX_WEIGHT) {
                    errors.add("weights." + type.name(), "must be an integer from 0 to " + MAX_WEIGHT);
                }
            }
        }
        if (minScore == null || minScore < 0 || minScore > MAX_MIN_SCORE) {
            errors.add("minScore", "must be an integer from 0 to " + MAX_MIN_SCORE);
        }
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        return Result.ok(new FeedPolicy(minInteractingMembers, windowHours, weights, minScore));
    }

    private static boolean valid(int minInteractingMembers, int windowHours, Map<InteractionType, Integer> weights,
            int minScore) {
        boolean weightsValid = true;
        for (InteractionType type : InteractionType.values()) {
            Integer weight = weights.get(type);
            weightsValid &= weight != null && weight >= 0 && weight <= MAX_WEIGHT;
        }
        return weightsValid && weights.size() == InteractionType.values().length
                && minInteractingMembers >= 1 && minInteractingMembers <= MAX_MIN_INTERACTING_MEMBERS
                && windowHours >= 1 && windowHours <= MAX_WINDOW_HOURS
                && minScore >= 0 && minScore <= MAX_MIN_SCORE;
    }

    public int weightOf(InteractionType type) {
        return weights.get(type);
    }

    public Duration window() {
        return Duration.ofHours(windowHours);
    }
}
