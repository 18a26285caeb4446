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
 * Social groups by invitation: creating one (the caller its only member), inviting, the caller's
 * invitations, accepting (joining) or declining, listing the caller's groups, leaving. Nobody
 * joins a group without accepting, so no group can read the interactions of someone who did not
 * join it; an invitation takes any well-formed id, so no answer tells who is a customer. Every change of
 * membership updates only the aggregates it affects: a joining member's interactions are fanned
 * into that group, a leaving member's contributions there are dropped.
 */
@Stateless
public class GroupService {

    /** Members named in one creation request, besides the caller. */
    public static final int MAX_INITIAL_MEMBERS = 200;

    private static final String ID_PREFIX = "grp";
    private static final String GROUP_LIST = "groups";
    private static final String INVITATION_LIST = "group-invitations";
    private static final String INVITATION_PREFIX = "inv";

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
     * Creates a group whose only member is the caller, and invites everyone else named. An id that
     * is no customer is invited the same way (and never joins), so the answer never tells who is a
     * customer.
     *
     * @return the group; {@code VALIDATION_FAILED} on name or members; {@code FORBIDDEN} when the
     *         caller is no customer
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
        Instant now = StoredTime.now(clock);
        FeedGroup group = new FeedGroup(Ids.generate(ID_PREFIX), command.name(), callerId, now);
        em.persist(group);
        em.flush();
        // Raised by every change of the group's summaries; feed reads reload them when it moves.
        em.createNativeQuery("insert into feed_group_versions (group_id, version) values (:groupId, 0)")
                .setParameter("groupId", group.id())
                .executeUpdate();
        join(group.id(), callerId, now);
        TreeSet<String> invited = new TreeSet<>(named);
        invited.remove(callerId);
        for (String invitee : invited) {
            invite(group.id(), invitee, callerId, now);
        }
        return Result.ok(group.view(List.of(callerId), List.copyOf(invited)));
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
            List<String> groupIds = page.items().stream().map(FeedGroup::id).toList();
            Map<String, List<String>> members = membersOf(groupIds);
            Map<String, List<String>> invited = invitedTo(groupIds);
            return page.map(group -> group.view(members.getOrDefault(group.id(), List.of()),
                    invited.getOrDefault(group.id(), List.of())));
        });
    }

    /**
     * Invites {@code userId} into a group of the caller's; inviting twice, or inviting a member,
     * changes nothing. Any well-formed id is invited alike, customer or not.
     *
     * @return the group; {@code NOT_FOUND} unless the caller is a member
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<GroupView> invite(String callerId, String groupId, String userId) {
        if (!Ids.isValid(userId)) {
            return Result.invalid("userId", "must match " + Ids.REGEX);
        }
        Optional<FeedGroup> group = lockedGroupOf(groupId, callerId);
        if (group.isEmpty()) {
            return notFound();
        }
        if (em.find(GroupMember.class, new GroupMember.Key(groupId, userId)) == null) {
            invite(groupId, userId, callerId, StoredTime.now(clock));
        }
        return Result.ok(viewOf(group.get()));
    }

    /** The caller's pending invitations, oldest first, one page at a time. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Result<Page<InvitationView>> invitationsOf(String callerId, PageRequest request) {
        PageCursors.Scope scope = new PageCursors.Scope(INVITATION_LIST, callerId);
        return cursors.startOf(request, scope, CreationOrder::fromCursorFields).map(after -> {
            List<GroupInvitation> rows = CreationOrder.pageQuery(em, GroupInvitation.class, "i",
                            "i.inviteeId = :callerId", after, request.limit())
                    .setParameter("callerId", callerId)
                    .getResultList();
            Page<GroupInvitation> page = Page.fromLookAhead(rows, request.limit(),
                    last -> cursors.issue(scope, last.position().cursorFields()));
            Map<String, String> names = new HashMap<>();
            if (!page.items().isEmpty()) {
                em.createQuery("select g.id, g.name from FeedGroup g where g.id in :ids", Object[].class)
                        .setParameter("ids", page.items().stream().map(GroupInvitation::groupId).toList())
                        .getResultList()
                        .forEach(row -> names.put((String) row[0], (String) row[1]));
            }
            return page.map(invitation -> invitation.view(names.get(invitation.groupId())));
        });
    }

    /**
     * The caller accepts an invitation: they join, and their interactions of the last
     * {@link FeedPolicy#MAX_WINDOW_HOURS} hours are fanned into the group.
     *
     * @return the group; {@code NOT_FOUND} without a pending invitation; {@code FORBIDDEN} when the
     *         caller is no customer
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<GroupView> accept(String callerId, String groupId) {
        Optional<FeedGroup> group = lockedInvitedGroup(groupId, callerId);
        if (group.isEmpty()) {
            return noInvitation();
        }
        if (!customers.exists(callerId)) {
            return notACustomer();
        }
        dropInvitation(groupId, callerId);
        if (em.find(GroupMember.class, new GroupMember.Key(groupId, callerId)) == null) {
            join(groupId, callerId, StoredTime.now(clock));
        }
        return Result.ok(viewOf(group.get()));
    }

    /**
     * The caller declines an invitation.
     *
     * @return {@code NOT_FOUND} without a pending invitation
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<String> decline(String callerId, String groupId) {
        if (lockedInvitedGroup(groupId, callerId).isEmpty()) {
            return noInvitation();
        }
        dropInvitation(groupId, callerId);
        return Result.ok(groupId);
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

    /** An invitation; a pending one for the same invitee is kept (an insert that skips the duplicate). */
    private void invite(String groupId, String inviteeId, String invitedBy, Instant now) {
        em.createNativeQuery("insert into feed_group_invitations (id, group_id, invitee_id, invited_by, created_at)"
                        + " values (:id, :groupId, :inviteeId, :invitedBy, :createdAt) on conflict do nothing")
                .setParameter("id", Ids.generate(INVITATION_PREFIX))
                .setParameter("groupId", groupId)
                .setParameter("inviteeId", inviteeId)
                .setParameter("invitedBy", invitedBy)
                .setParameter("createdAt", now)
                .executeUpdate();
    }

    private void dropInvitation(String groupId, String inviteeId) {
        em.createQuery("delete from GroupInvitation i where i.groupId = :groupId and i.inviteeId = :inviteeId")
                .setParameter("groupId", groupId)
                .setParameter("inviteeId", inviteeId)
                .executeUpdate();
    }

    /** The group when {@code inviteeId} has a pending invitation into it, locked like {@link #lockedGroupOf}. */
    private Optional<FeedGroup> lockedInvitedGroup(String groupId, String inviteeId) {
        if (!Ids.isValid(groupId) || !Ids.isValid(inviteeId)) {
            return Optional.empty();
        }
        FeedGroup group = em.find(FeedGroup.class, groupId, LockModeType.PESSIMISTIC_WRITE);
        boolean invited = group != null && !em.createQuery("select i.id from GroupInvitation i"
                        + " where i.groupId = :groupId and i.inviteeId = :inviteeId", String.class)
                .setParameter("groupId", groupId)
                .setParameter("inviteeId", inviteeId)
                .getResultList().isEmpty();
        return invited ? Optional.of(group) : Optional.empty();
    }

    private GroupView viewOf(FeedGroup group) {
        List<String> ids = List.of(group.id());
        return group.view(membersOf(ids).getOrDefault(group.id(), List.of()),
                invitedTo(ids).getOrDefault(group.id(), List.of()));
    }

    private Map<String, List<String>> invitedTo(List<String> groupIds) {
        Map<String, List<String>> invited = new HashMap<>();
        if (groupIds.isEmpty()) {
            return invited;
        }
        em.createQuery("select i.groupId, i.inviteeId from GroupInvitation i where i.groupId in :groupIds"
                        + " order by i.groupId, i.inviteeId", Object[].class)
                .setParameter("groupIds", groupIds)
                .getResultList()
                .forEach(row -> invited.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add((String) row[1]));
        return invited;
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

    private static <T> Result<T> noInvitation() {
        return Result.failure(ErrorCode.NOT_FOUND, "No pending invitation into that group.");
    }

    private static <T> Result<T> notFound() {
        return Result.failure(ErrorCode.NOT_FOUND, "No such group among the caller's.");
    }
}
