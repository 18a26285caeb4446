package dev.tillpoint.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** Media a user (a third account, to the groups they are not in) propagates. */
@Entity
@Table(name = "feed_posts")
public class Post {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_SUMMARY_LENGTH = 2_000;
    static final int MAX_URL_LENGTH = 2_048;

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "author_id", length = 64, nullable = false, updatable = false)
    private String authorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "media_type", length = 8, nullable = false, updatable = false)
    private MediaKind mediaType;

    @Column(name = "title", length = MAX_TITLE_LENGTH, nullable = false, updatable = false)
    private String title;

    @Column(name = "url", length = MAX_URL_LENGTH, nullable = false, updatable = false)
    private String url;

    @Column(name = "summary", length = MAX_SUMMARY_LENGTH, updatable = false)
    private String summary;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Post() {
        // for JPA
    }

    Post(String id, String authorId, NewPost command, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.authorId = Objects.requireNonNull(authorId, "authorId");
        this.mediaType = Objects.requireNonNull(command.mediaType(), "mediaType");
        this.title = Objects.requireNonNull(command.title(), "title");
        this.url = Objects.requireNonNull(command.url(), "url");
        this.summary = command.summary();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    String id() {
        return id;
    }

    PostView view() {
        return new PostView(id, authorId, mediaType, title, url, summary, createdAt);
    }
}
