package dev.tillpoint.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each group's members, held in memory by the group's version: what a feed read needs of
 * membership beyond the viewer's own groups (the author rule, and the preparation of the group's
 * summaries), so that the read's statement returns the viewer's groups, not every member of them.
 *
 * <p>Exact by version, on every server: a member joins or leaves only through
 * {@link Contributions#fanIn} or {@link Contributions#dropMember}, whose transaction raises the
 * group's version, and a group is loaded with its version in one statement, so what is held under
 * a version is the membership at that version. A read uses what is held when it is at the version
 * its own statement found or later (a later one only when another read loaded it meanwhile: then
 * the read runs concurrently with the change). At most {@link #MAX_GROUPS} groups are held; beyond,
 * everything is dropped and loaded again on demand.
 */
@ApplicationScoped
public class GroupMembers {

    static final int MAX_GROUPS = 20_000;
    /** Groups loaded per statement at most (bounded IN lists). */
    private static final int CHUNK = 100;

    /** A group's members at one version. */
    record Held(long version, Set<String> members) {
    }

    @Inject
    EntityManager em;

    private final Map<String, Held> groups = new ConcurrentHashMap<>();

    /**
     * The members of each group, at least as of the given version (a group without a version row
     * is read from the database, not held): from memory, those not held so in one statement.
     */
    Map<String, Held> of(Map<String, Long> versions) {
        Map<String, Held> found = new HashMap<>(versions.size() * 2);
        List<String> missing = new ArrayList<>();
        versions.forEach((groupId, version) -> {
            Held held = groups.get(groupId);
            if (version != null && held != null && held.version() >= version) {
                found.put(groupId, held);
            } else {
                missing.add(groupId);
            }
        });
        for (int from = 0; from < missing.size(); from += CHUNK) {
            load(missing.subList(from, Math.min(missing.size(), from + CHUNK)), found);
        }
        return found;
    }

    private void load(List<String> groupIds, Map<String, Held> found) {
        Map<String, Long> versions = new HashMap<>();
        Map<String, Set<String>> members = new HashMap<>();
        for (Object row : em.createNativeQuery("select m.group_id, g.version, m.member_id from feed_group_members m"
                        + " left join feed_group_versions g on g.group_id = m.group_id where m.group_id in :groupIds")
                .setParameter("groupIds", groupIds)
                .getResultList()) {
            Object[] c = (Object[]) row;
            String groupId = (String) c[0];
            versions.put(groupId, c[1] == null ? null : ((Number) c[1]).longValue());
            members.computeIfAbsent(groupId, group -> new HashSet<>()).add((String) c[2]);
        }
        for (String groupId : groupIds) {
            Long version = versions.get(groupId);
            Held loaded = new Held(version == null ? -1 : version, Set.copyOf(members.getOrDefault(groupId, Set.of())));
            found.put(groupId, loaded);
            if (version != null) {
                if (groups.size() >= MAX_GROUPS) {
                    groups.clear();
                }
                groups.merge(groupId, loaded, (kept, fresh) -> kept.version() >= fresh.version() ? kept : fresh);
            }
        }
    }
}
