package dev.tillpoint.feed;

import dev.tillpoint.customers.CustomerService;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import dev.tillpoint.shared.ValidationErrors;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/** Posts: media a user propagates. */
@Stateless
public class PostService {

    private static final String ID_PREFIX = "pst";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    CustomerService customers;

    @Inject
    Clock clock;

    /**
     * Publishes a post by the caller.
     *
     * @return the post; {@code VALIDATION_FAILED} on a field; {@code FORBIDDEN} when the caller is no customer
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<PostView> publish(String callerId, NewPost command) {
        Objects.requireNonNull(command, "command");
        ValidationErrors errors = new ValidationErrors();
        if (command.mediaType() == null) {
            errors.add("mediaType", "is required: ARTICLE, IMAGE, VIDEO or AUDIO");
        }
        errors.checkName("title", command.title(), Post.MAX_TITLE_LENGTH);
        if (!isWebUrl(command.url())) {
            errors.add("url", "must be an absolute http or https URL of at most " + Post.MAX_URL_LENGTH + " characters");
        }
        if (command.summary() != null && command.summary().length() > Post.MAX_SUMMARY_LENGTH) {
            errors.add("summary", "must be at most " + Post.MAX_SUMMARY_LENGTH + " characters");
        }
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        if (!customers.exists(callerId)) {
            return GroupService.notACustomer();
        }
        Post post = new Post(Ids.generate(ID_PREFIX), callerId, command, StoredTime.now(clock));
        em.persist(post);
        return Result.ok(post.view());
    }

    /** An absolute http(s) URL with a host; other schemes (javascript:, data:, file:) are refused. */
    static boolean isWebUrl(String url) {
        if (url == null || url.isEmpty() || url.length() > Post.MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException notAUrl) {
            return false;
        }
    }
}
