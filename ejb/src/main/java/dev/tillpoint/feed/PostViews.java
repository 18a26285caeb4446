package dev.tillpoint.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The posts a feed page shows, held in memory: a post never changes once published (every column
 * is written once, and none is ever deleted), so a view once read stays right on every server and
 * needs no invalidation. At most {@link #MAX_POSTS} are held; beyond, all are dropped and read
 * again on demand.
 */
@ApplicationScoped
public class PostViews {

    static final int MAX_POSTS = 50_000;

    private final Map<String, PostView> posts = new ConcurrentHashMap<>();

    /** The views of these posts by id; those not held are read with {@code load} in one go. */
    Map<String, PostView> of(Collection<String> ids, Function<List<String>, List<PostView>> load) {
        Map<String, PostView> found = new HashMap<>();
        List<String> missing = ids.stream().filter(id -> {
            PostView view = posts.get(id);
            if (view != null) {
                found.put(id, view);
            }
            return view == null;
        }).toList();
        if (!missing.isEmpty()) {
            if (posts.size() + missing.size() > MAX_POSTS) {
                posts.clear();
            }
            for (PostView view : load.apply(missing)) {
                posts.put(view.id(), view);
                found.put(view.id(), view);
            }
        }
        return found;
    }
}
