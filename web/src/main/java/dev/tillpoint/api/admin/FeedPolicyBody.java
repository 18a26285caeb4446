package dev.tillpoint.api.admin;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.feed.FeedPolicy;
import dev.tillpoint.feed.InteractionType;
import dev.tillpoint.shared.Result;

/** The feed policy, as {@code GET} shows it and {@code PUT} takes it. Boxed, so a missing field is reported as missing. */
@Schema(name = "FeedPolicy")
public record FeedPolicyBody(
        @Schema(required = true, minimum = "1", maximum = "" + FeedPolicy.MAX_MIN_INTERACTING_MEMBERS, examples = "2")
        @NotNull @Min(1) @Max(FeedPolicy.MAX_MIN_INTERACTING_MEMBERS)
        Integer minInteractingMembers,

        @Schema(required = true, minimum = "1", maximum = "" + FeedPolicy.MAX_WINDOW_HOURS, examples = "72")
        @NotNull @Min(1) @Max(FeedPolicy.MAX_WINDOW_HOURS)
        Integer windowHours,

        @Schema(required = true)
        @NotNull @Valid
        Weights weights,

        @Schema(required = true, minimum = "0", maximum = "" + FeedPolicy.MAX_MIN_SCORE, examples = "2")
        @NotNull @Min(0) @Max(FeedPolicy.MAX_MIN_SCORE)
        Integer minScore) {

    /** The weight of each interaction type, named as the types are. */
    @Schema(name = "FeedPolicyWeights")
    @SuppressWarnings("checkstyle:RecordComponentName")
    public record Weights(
            @Schema(required = true, minimum = "0", maximum = "" + FeedPolicy.MAX_WEIGHT, examples = "1")
            @NotNull @Min(0) @Max(FeedPolicy.MAX_WEIGHT)
            Integer LIKE,

            @Schema(required = true, minimum = "0", maximum = "" + FeedPolicy.MAX_WEIGHT, examples = "2")
            @NotNull @Min(0) @Max(FeedPolicy.MAX_WEIGHT)
            Integer COMMENT,

            @Schema(required = true, minimum = "0", maximum = "" + FeedPolicy.MAX_WEIGHT, examples = "3")
            @NotNull @Min(0) @Max(FeedPolicy.MAX_WEIGHT)
            Integer SHARE) {
    }

    Result<FeedPolicy> toPolicy() {
        return FeedPolicy.of(minInteractingMembers, windowHours, Map.of(InteractionType.LIKE, weights.LIKE(),
                InteractionType.COMMENT, weights.COMMENT(), InteractionType.SHARE, weights.SHARE()), minScore);
    }

    static FeedPolicyBody from(FeedPolicy policy) {
        return new FeedPolicyBody(policy.minInteractingMembers(), policy.windowHours(),
                new Weights(policy.weightOf(InteractionType.LIKE), policy.weightOf(InteractionType.COMMENT),
                        policy.weightOf(InteractionType.SHARE)), policy.minScore());
    }
}
