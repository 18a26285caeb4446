package dev.tillpoint.api.client;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.tillpoint.api.ApiDocs;
import dev.tillpoint.feed.FeedItem;
import dev.tillpoint.feed.InteractionType;
import dev.tillpoint.shared.Page;

/** A page of the caller's feed. */
@Schema(name = "Feed")
public record FeedList(List<Item> items, @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {

    public FeedList {
        items = List.copyOf(items);
    }

    /** A post under the group where it scores highest, with that group's other members' interactions. */
    @Schema(name = "FeedItem")
    public record Item(String groupId, PostResponse post, long score,
            @Schema(description = "score / (ageHours + 2)^1.5, ageHours from the group's latest contribution to the"
                    + " first page's time") double rankScore,
            @Schema(description = "All interactions of the group's other members in the window") long interactionCount,
            @Schema(description = "The newest of them, at most 20") List<Shown> interactions) {

        static Item from(FeedItem item) {
            return new Item(item.groupId(), PostResponse.from(item.post()), item.score(), item.rankScore(),
                    item.interactionCount(), item.interactions().stream().map(Shown::from).toList());
        }
    }

    /** An interaction; {@code text} only for a comment. */
    @Schema(name = "FeedInteraction")
    public record Shown(String userId, InteractionType type, String text, Instant at) {
        static Shown from(FeedItem.Shown shown) {
            return new Shown(shown.userId(), shown.type(), shown.text(), shown.at());
        }
    }

    static FeedList from(Page<FeedItem> page) {
        return new FeedList(page.items().stream().map(Item::from).toList(), page.nextCursor().orElse(null));
    }
}
