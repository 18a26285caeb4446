package dev.tillpoint.feed;

import dev.tillpoint.customers.CustomerService;
import dev.tillpoint.shared.CreationOrder;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Page;
import dev.tillpoint.shared.PageCursors;
import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import dev.tillpoint.shared.ValidationErrors;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Social groups: creating one, listing the caller's, adding a member, leaving. Every change of
 * membership updates only the aggregates it affects: a joining member's interactions are fanned
 * into that group, a leaving member's contributions there are dropped.
 */
@Stateless
public class GroupService {

    /** Members named in one creation request, besides the caller. */
    public static final int MAX_INITIAL_MEMBERS = 200;

    private static final String ID_PREFIX = "grp";
    private static final String GROUP_LIST = "groups";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    CustomerService customers;

    @Inject
    Contributions contributions;

    @Inject
    PageCursors cursors;

    @Inject
    Clock clock;

    /**
     * Creates a group of the caller and {@code command.members()}.
     *
     * @return the group; {@code VALIDATION_FAILED} on name or members; {@code UNKNOWN_REFERENCE} when
     *         a member is no customer; {@code FORBIDDEN} when the caller is no customer
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<GroupView> create(String callerId, NewGroup command) {
        Objects.requireNonNull(command, "command");
        List<String> named = command.members() == null ? List.of() : command.members();
        ValidationErrors errors = new ValidationErrors();
        errors.checkName("name", command.name(), FeedGroup.MAX_NAME_LENGTH);
        if (named.size() > MAX_INITIAL_MEMBERS) {
            errors.add("members", "must name at most " + MAX_INITIAL_MEMBERS + " members");
        } else if (named.stream().anyMatch(member -> !Ids.isValid(member))) {
            errors.add("members", "must be customer ids matching " + Ids.REGEX);
        }
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        if (!customers.exists(callerId)) {
            return notACustomer();
        }
        TreeSet<String> members = new TreeSet<>(named);
        members.add(callerId);
        for (String member : members) {
            if (!customers.exists(member)) {
                return Result.failure(ErrorCode.UNKNOWN_REFERENCE, "A member is not a customer of the bank.");
            }
        }
        Instant now = StoredTime.now(clock);
        FeedGroup group = new FeedGroup(Ids.generate(ID_PREFIX), command.name(), callerId, now);
        em.persist(group);
        em.flush();
        for (String member : members) {
            join(group.id(), member, now);
        }
        return Result.ok(group.view(List.copyOf(members)));
    }

    /** The caller's groups, oldest first, one page at a time. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Result<Page<GroupView>> groupsOf(String callerId, PageRequest request) {
        PageCursors.Scope scope = new PageCursors.Scope(GROUP_LIST, callerId);
        return cursors.startOf(request, scope, CreationOrder::fromCursorFields).map(after -> {
            List<FeedGroup> rows = CreationOrder.pageQuery(em, FeedGroup.class, "g",
                            "g.id in (select m.groupId from GroupMember m where m.memberId = :callerId)",
                            after, request.limit())
                    .setParameter("callerId", callerId)
                    .getResultList();
            Page<FeedGroup> page = Page.fromLookAhead(rows, request.limit(),
                    last -> cursors.issue(scope, last.position().cursorFields()));
            Map<String, List<String>> members = membersOf(page.items().stream().map(FeedGroup::id).toList());
            return page.map(group -> group.view(members.getOrDefault(group.id(), List.of())));
        });
    }

    /**
     * Adds {@code userId} to a group of the caller's; a member already in it changes nothing.
     *
     * @return the group; {@code NOT_FOUND} unless the caller is a member; {@code UNKNOWN_REFERENCE}
     *         when the user is no customer
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<GroupView> addMember(String callerId, String groupId, String userId) {
        if (!Ids.isValid(userId)) {
            return Result.invalid("userId", "must match " + Ids.REGEX);
        }
        Optional<FeedGroup> group = lockedGroupOf(groupId, callerId);
        if (group.isEmpty()) {
            return notFound();
        }
        if (!customers.exists(userId)) {
            return Result.failure(ErrorCode.UNKNOWN_REFERENCE, "The user is not a customer of the bank.");
        }
        if (em.find(GroupMember.class, new GroupMember.Key(groupId, userId)) == null) {
            join(groupId, userId, StoredTime.now(clock));
        }
        return Result.ok(group.get().view(membersOf(List.of(groupId)).getOrDefault(groupId, List.of())));
    }

    /**
     * The caller leaves the group; their contributions there go with them.
     *
     * @return {@code NOT_FOUND} unless the caller is a member
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<String> leave(String callerId, String groupId) {
        if (lockedGroupOf(groupId, callerId).isEmpty()) {
            return notFound();
        }
        em.remove(em.find(GroupMember.class, new GroupMember.Key(groupId, callerId)));
        em.flush();
        contributions.dropMember(groupId, callerId);
        return Result.ok(groupId);
    }

    /** The ids of the member's groups, in id order: where their interactions fan out to. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<String> groupIdsOf(String memberId) {
        return em.createQuery("select m.groupId from GroupMember m where m.memberId = :memberId order by m.groupId",
                        String.class)
                .setParameter("memberId", memberId)
                .getResultList();
    }

    private void join(String groupId, String memberId, Instant now) {
        em.persist(new GroupMember(groupId, memberId, now));
        em.flush();
        contributions.fanIn(groupId, memberId, now.minus(Duration.ofHours(FeedPolicy.MAX_WINDOW_HOURS)));
    }

    /**
     * The group when {@code memberId} is in it, locked: two changes of one group's membership never
     * interleave, so "already a member?" and the insert that follows cannot race.
     */
    private Optional<FeedGroup> lockedGroupOf(String groupId, String memberId) {
        if (!Ids.isValid(groupId) || !Ids.isValid(memberId)) {
            return Optional.empty();
        }
        FeedGroup group = em.find(FeedGroup.class, groupId, LockModeType.PESSIMISTIC_WRITE);
        if (group == null || em.find(GroupMember.class, new GroupMember.Key(groupId, memberId)) == null) {
            return Optional.empty();
        }
        return Optional.of(group);
    }

    private Map<String, List<String>> membersOf(List<String> groupIds) {
        Map<String, List<String>> members = new HashMap<>();
        if (groupIds.isEmpty()) {
            return members;
        }
        em.createQuery("select m.groupId, m.memberId from GroupMember m where m.groupId in :groupIds"
                        + " order by m.groupId, m.memberId", Object[].class)
                .setParameter("groupIds", groupIds)
                .getResultList()
                .forEach(row -> members.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add((String) row[1]));
        return members;
    }

    static <T> Result<T> notACustomer() {
        return Result.failure(ErrorCode.FORBIDDEN, "The caller is not a customer of the bank.");
    }

    private static <T> Result<T> notFound() {
        return Result.failure(ErrorCode.NOT_FOUND, "No such group among the caller's.");
    }
}
