package dev.tillpoint.api.client;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.api.InputRules;
import dev.tillpoint.feed.GroupService;
import dev.tillpoint.feed.NewGroup;

/**
 * Body of {@code POST /groups}.
 *
 * @param name    the group's name
 * @param members the other members' customer ids (optional); the caller is always a member
 */
@Schema(name = "NewGroup")
public record NewGroupRequest(
        @Schema(required = true, maxLength = NewGroupRequest.NAME_MAX, examples = "Climbing friends")
        @NotBlank
        @Size(max = NAME_MAX)
        String name,

        @Schema(description = "Customer ids; the caller is added in any case", maxItems = GroupService.MAX_INITIAL_MEMBERS)
        @Size(max = GroupService.MAX_INITIAL_MEMBERS)
        List<@NotNull @Pattern(regexp = InputRules.ID, message = InputRules.ID_MESSAGE) String> members) {

    static final int NAME_MAX = 100;

    NewGroup toCommand() {
        return new NewGroup(name, members);
    }
}
