package dev.tillpoint.feed;

import java.time.Instant;

/** A pending invitation as its invitee sees it (DESIGN.md "Social feed"). */
public record InvitationView(String groupId, String groupName, String invitedBy, Instant at) {
}
