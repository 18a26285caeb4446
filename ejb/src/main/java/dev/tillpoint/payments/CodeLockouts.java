package dev.tillpoint.payments;

import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** Only for {@link #unlock}, an admin's call in a JPA transaction; the payment path uses its JDBC connection. */
    @Inject
    EntityManager em;

    @Inject
    PaymentPolicy policy;

    @Inject
    PaymentEvents events;

    /** The pair's and the terminal's lock rows as a request found them (and now holds them). */
    record Gate(boolean locked, int rows, Instant pairCountsFrom, Instant terminalCountsFrom) {
    }

    /** Locks and reads the pair's and the terminal's rows for the rest of the transaction ({@code db} is its connection). */
    Gate enter(Connection db, String userId, String terminalId, Instant now) throws SQLException {
        boolean locked = false;
        int rows = 0;
        Instant pairCountsFrom = null;
        Instant terminalCountsFrom = null;
        try (PreparedStatement select = db.prepareStatement("select user_id, locked_until, counts_from from code_lockouts"
                + " where terminal_scope = ? and user_id in (?, '*') order by user_id for update")) {
            select.setString(1, terminalId);
            select.setString(2, userId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows++;
                    locked |= Sql.getInstant(row, 2).isAfter(now);
                    Instant countsFrom = Sql.getInstant(row, 3);
                    if (EVERY_USER.equals(row.getString(1))) {
                        terminalCountsFrom = countsFrom;
                    } else {
                        pairCountsFrom = countsFrom;
                    }
                }
            }
        }
        return new Gate(locked, rows, pairCountsFrom, terminalCountsFrom);
    }

    /**
     * Counts a wrong code, exactly: after it the pair or the terminal may be locked.
     *
     * @return whether the request is answered {@code CODE_INVALID} (and its decline is to be
     *         recorded); false when the limit was reached meanwhile: {@code LOCKED}, nothing recorded
     */
    boolean countWrongCode(Connection db, String userId, String terminalId, Instant now, Gate gate) throws SQLException {
        if (gate.rows() < 2) {
            createRows(db, userId, terminalId);
            gate = enter(db, userId, terminalId, now);
            if (gate.locked()) {
                return false;
            }
        }
        Instant windowStart = now.minus(policy.codeLockoutWindow());
        Instant pairSince = later(windowStart, gate.pairCountsFrom());
        Instant terminalSince = later(windowStart, gate.terminalCountsFrom());
        long pairCount;
        long terminalCount;
        try (PreparedStatement select = db.prepareStatement("select"
                + " coalesce(sum(case when user_id = ? and created_at > ? then 1 else 0 end), 0),"
                + " coalesce(sum(case when created_at > ? then 1 else 0 end), 0)"
                + " from payment_declines where terminal_id = ? and code = 'CODE_INVALID' and created_at > ?")) {
            select.setString(1, userId);
            Sql.setInstant(select, 2, pairSince);
            Sql.setInstant(select, 3, terminalSince);
            select.setString(4, terminalId);
            Sql.setInstant(select, 5, pairSince.isBefore(terminalSince) ? pairSince : terminalSince);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                pairCount = row.getLong(1);
                terminalCount = row.getLong(2);
            }
        }
        Instant until = now.plus(policy.codeLockoutLock());
        if (pairCount >= policy.codeLockoutTerminalAttempts() || terminalCount >= policy.codeLockoutTerminalWideAttempts()) {
            lock(db, pairCount >= policy.codeLockoutTerminalAttempts() ? userId : EVERY_USER, terminalId, until);
            return false;
        }
        if (pairCount + 1 >= policy.codeLockoutTerminalAttempts()) {
            lock(db, userId, terminalId, until);
        }
        if (terminalCount + 1 >= policy.codeLockoutTerminalWideAttempts()) {
            lock(db, EVERY_USER, terminalId, until);
        }
        if (pairCount == 0) {
            suspectAttack(db, userId, terminalId, windowStart, now);
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
    private void suspectAttack(Connection db, String userId, String terminalId, Instant windowStart, Instant now)
            throws SQLException {
        int otherTerminals;
        try (PreparedStatement select = db.prepareStatement("select count(distinct terminal_id) from payment_declines"
                + " where user_id = ? and code = ? and created_at > ? and terminal_id <> ?")) {
            select.setString(1, userId);
            select.setString(2, ErrorCode.CODE_INVALID.name());
            Sql.setInstant(select, 3, windowStart);
            select.setString(4, terminalId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                otherTerminals = row.getInt(1);
            }
        }
        int terminals = otherTerminals + 1;
        if (terminals >= policy.codeAttackTerminals()) {
            events.codeAttackSuspected(db, userId, terminalId, terminals, policy.codeLockoutWindow(), now);
        }
    }

    /** Rows in one order ("*" sorts first), each skipped when a concurrent request made it. */
    private void createRows(Connection db, String userId, String terminalId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into code_lockouts (user_id, terminal_scope,"
                + " locked_until) values (?, ?, ?) on conflict do nothing")) {
            for (String user : List.of(EVERY_USER, userId)) {
                insert.setString(1, user);
                insert.setString(2, terminalId);
                Sql.setInstant(insert, 3, Instant.EPOCH);
                insert.executeUpdate();
            }
        }
    }

    private void lock(Connection db, String user, String terminalId, Instant until) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("update code_lockouts set locked_until = ?"
                + " where user_id = ? and terminal_scope = ? and locked_until < ?")) {
            Sql.setInstant(update, 1, until);
            update.setString(2, user);
            update.setString(3, terminalId);
            Sql.setInstant(update, 4, until);
            update.executeUpdate();
        }
    }

    private static Instant later(Instant one, Instant other) {
        return other != null && other.isAfter(one) ? other : one;
    }
}
