package dev.tillpoint.payments;

import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The brute-force defence on codes (DESIGN.md "Offline payments"): five {@code CODE_INVALID} for
 * one user from one terminal within the window lock that pair; fifty from one terminal, whatever
 * the users, lock that terminal for every user. A lock is never user-wide: one terminal must not be
 * able to lock a customer out at the others. Wrong codes for one user from several terminals
 * instead raise {@code CODE_ATTACK_SUSPECTED} on the payment-events topic for the bank's fraud
 * systems.
 *
 * <p>Exact under any concurrency: a pair's row and its terminal's row in {@code code_lockouts} are
 * locked ({@code FOR UPDATE}) by every payment request of that pair before its code is looked at,
 * and a wrong code creates them first when missing; so the wrong codes of a pair (and of a
 * terminal) are counted one at a time, each against the count its predecessors committed, and a
 * right code waits for a lock a wrong code is setting. The counts are read from the recorded
 * declines of the window (a sliding window, no counter to drift); {@code counts_from} starts them
 * afresh after an admin's code-unlock.
 */
@ApplicationScoped
public class CodeLockouts {

    /** The user id of a terminal's own row: no user id can be "*". */
    static final String EVERY_USER = "*";

    @Inject
    EntityManager em;

    @Inject
    PaymentPolicy policy;

    @Inject
    PaymentEvents events;

    /** The pair's and the terminal's lock rows as a request found them (and now holds them). */
    record Gate(boolean locked, int rows, Instant pairCountsFrom, Instant terminalCountsFrom) {
    }

    /** Locks and reads the pair's and the terminal's rows for the rest of the transaction. */
    Gate enter(String userId, String terminalId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, locked_until, counts_from from code_lockouts"
                        + " where terminal_scope = :terminal and user_id in (:user, '*') order by user_id for update")
                .setParameter("terminal", terminalId)
                .setParameter("user", userId)
                .getResultList();
        boolean locked = false;
        Instant pairCountsFrom = null;
        Instant terminalCountsFrom = null;
        for (Object[] row : rows) {
            locked |= StoredTime.fromColumn(row[1]).isAfter(now);
            Instant countsFrom = row[2] == null ? null : StoredTime.fromColumn(row[2]);
            if (EVERY_USER.equals(row[0])) {
                terminalCountsFrom = countsFrom;
            } else {
                pairCountsFrom = countsFrom;
            }
        }
        return new Gate(locked, rows.size(), pairCountsFrom, terminalCountsFrom);
    }

    /**
     * Counts a wrong code, exactly: after it the pair or the terminal may be locked.
     *
     * @return whether the request is answered {@code CODE_INVALID} (and its decline is to be
     *         recorded); false when the limit was reached meanwhile: {@code LOCKED}, nothing recorded
     */
    boolean countWrongCode(String userId, String terminalId, Instant now, Gate gate) {
        if (gate.rows() < 2) {
            createRows(userId, terminalId);
            gate = enter(userId, terminalId, now);
            if (gate.locked()) {
                return false;
            }
        }
        Instant windowStart = now.minus(policy.codeLockoutWindow());
        Instant pairSince = later(windowStart, gate.pairCountsFrom());
        Instant terminalSince = later(windowStart, gate.terminalCountsFrom());
        Object[] counts = (Object[]) em.createNativeQuery("select"
                        + " coalesce(sum(case when user_id = :user and created_at > :pairSince then 1 else 0 end), 0),"
                        + " coalesce(sum(case when created_at > :terminalSince then 1 else 0 end), 0)"
                        + " from payment_declines where terminal_id = :terminal and code = 'CODE_INVALID'"
                        + " and created_at > :since")
                .setParameter("user", userId)
                .setParameter("pairSince", pairSince)
                .setParameter("terminalSince", terminalSince)
                .setParameter("terminal", terminalId)
                .setParameter("since", pairSince.isBefore(terminalSince) ? pairSince : terminalSince)
                .getSingleResult();
        long pairCount = ((Number) counts[0]).longValue();
        long terminalCount = ((Number) counts[1]).longValue();
        Instant until = now.plus(policy.codeLockoutLock());
        if (pairCount >= policy.codeLockoutTerminalAttempts() || terminalCount >= policy.codeLockoutTerminalWideAttempts()) {
            lock(pairCount >= policy.codeLockoutTerminalAttempts() ? userId : EVERY_USER, terminalId, until);
            return false;
        }
        if (pairCount + 1 >= policy.codeLockoutTerminalAttempts()) {
            lock(userId, terminalId, until);
        }
        if (terminalCount + 1 >= policy.codeLockoutTerminalWideAttempts()) {
            lock(EVERY_USER, terminalId, until);
        }
        if (pairCount == 0) {
            suspectAttack(userId, terminalId, windowStart, now);
        }
        return true;
    }

    /**
     * Lifts every code lock of the user's pairs and starts their counts afresh.
     *
     * @return how many pairs had a row
     */
    int unlock(String userId, Instant now) {
        return em.createNativeQuery("update code_lockouts set locked_until = :epoch, counts_from = :now"
                        + " where user_id = :user")
                .setParameter("epoch", Instant.EPOCH)
                .setParameter("now", now)
                .setParameter("user", userId)
                .executeUpdate();
    }

    /** A wrong code from a terminal new to this user's wrong codes: several such terminals are an attack. */
    private void suspectAttack(String userId, String terminalId, Instant windowStart, Instant now) {
        Number otherTerminals = (Number) em.createNativeQuery("select count(distinct terminal_id) from payment_declines"
                        + " where user_id = :user and code = :code and created_at > :since and terminal_id <> :terminal")
                .setParameter("user", userId)
                .setParameter("code", ErrorCode.CODE_INVALID.name())
                .setParameter("since", windowStart)
                .setParameter("terminal", terminalId)
                .getSingleResult();
        int terminals = otherTerminals.intValue() + 1;
        if (terminals >= policy.codeAttackTerminals()) {
            events.codeAttackSuspected(userId, terminalId, terminals, policy.codeLockoutWindow(), now);
        }
    }

    /** Rows in one order ("*" sorts first), each skipped when a concurrent request made it. */
    private void createRows(String userId, String terminalId) {
        for (String user : List.of(EVERY_USER, userId)) {
            em.createNativeQuery("insert into code_lockouts (user_id, terminal_scope, locked_until)"
                            + " values (:user, :terminal, :epoch) on conflict do nothing")
                    .setParameter("user", user)
                    .setParameter("terminal", terminalId)
                    .setParameter("epoch", Instant.EPOCH)
                    .executeUpdate();
        }
    }

    private void lock(String user, String terminalId, Instant until) {
        em.createNativeQuery("update code_lockouts set locked_until = :until where user_id = :user"
                        + " and terminal_scope = :terminal and locked_until < :until")
                .setParameter("until", until)
                .setParameter("user", user)
                .setParameter("terminal", terminalId)
                .executeUpdate();
    }

    private static Instant later(Instant one, Instant other) {
        return other != null && other.isAfter(one) ? other : one;
    }
}
