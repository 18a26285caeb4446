package dev.tillpoint.feed;

import dev.tillpoint.shared.CreationOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A social group of customers; its members are rows of {@link GroupMember}. */
@Entity
@Table(name = "feed_groups")
public class FeedGroup {

    static final int MAX_NAME_LENGTH = 100;

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "name", length = MAX_NAME_LENGTH, nullable = false)
    private String name;

    @Column(name = "created_by", length = 64, nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected FeedGroup() {
        // for JPA
    }

    FeedGroup(String id, String name, String createdBy, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    String id() {
        return id;
    }

    CreationOrder position() {
        return new CreationOrder(createdAt, id);
    }

    GroupView view(List<String> members, List<String> invited) {
        return new GroupView(id, name, members, invited);
    }
}
