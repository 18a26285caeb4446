package dev.tillpoint.api.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.feed.MediaKind;
import dev.tillpoint.feed.NewPost;
import dev.tillpoint.shared.FreeText;

/** Body of {@code POST /posts}; the service checks the URL fully (absolute, http or https, a host). */
@Schema(name = "NewPost")
public record NewPostRequest(
        @Schema(required = true, examples = "ARTICLE")
        @NotNull
        MediaKind mediaType,

        @Schema(required = true, maxLength = NewPostRequest.TITLE_MAX, examples = "How to climb safely")
        @NotBlank
        @Size(max = TITLE_MAX)
        String title,

        @Schema(required = true, description = "An http or https URL", maxLength = NewPostRequest.URL_MAX,
                examples = "https://media.example/articles/42")
        @NotNull
        @Size(max = URL_MAX)
        @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http or https URL")
        String url,

        @Schema(maxLength = NewPostRequest.SUMMARY_MAX)
        @Size(max = SUMMARY_MAX)
        @FreeText
        String summary) {

    static final int TITLE_MAX = 200;
    static final int URL_MAX = 2048;
    static final int SUMMARY_MAX = 2000;

    NewPost toCommand() {
        return new NewPost(mediaType, title, url, summary);
    }
}
