package dev.tillpoint.payments;

import dev.tillpoint.shared.ErrorCode;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The brute-force defence on codes: too many {@code CODE_INVALID} for one user from one terminal,
 * or from all terminals together, within the window lock that pair, or the user everywhere, for a
 * while. Counted from the recorded declines, so nothing but the lock itself is extra state.
 */
@Stateless
public class CodeLockouts {

    /** The terminal scope of a lock on every terminal; no terminal id can be "*". */
    static final String EVERY_TERMINAL = "*";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    PaymentPolicy policy;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean isLocked(String userId, String terminalId, Instant now) {
        Number locks = (Number) em.createNativeQuery("select count(*) from code_lockouts where user_id = :user"
                        + " and terminal_scope in (:terminal, '*') and locked_until > :now")
                .setParameter("user", userId)
                .setParameter("terminal", terminalId)
                .setParameter("now", now)
                .getSingleResult();
        return locks.longValue() > 0;
    }

    /** After a wrong code's decline was written: locks what the recent wrong codes call for. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void afterWrongCode(String userId, String terminalId, Instant now) {
        em.flush();
        Instant since = now.minus(policy.codeLockoutWindow());
        Instant until = now.plus(policy.codeLockoutLock());
        if (wrongCodes(userId, terminalId, since) >= policy.codeLockoutTerminalAttempts()) {
            lock(userId, terminalId, until);
        }
        if (wrongCodes(userId, null, since) >= policy.codeLockoutUserAttempts()) {
            lock(userId, EVERY_TERMINAL, until);
        }
    }

    private long wrongCodes(String userId, String terminalId, Instant since) {
        var query = em.createNativeQuery("select count(*) from payment_declines where user_id = :user and code = :code"
                        + " and created_at > :since" + (terminalId == null ? "" : " and terminal_id = :terminal"))
                .setParameter("user", userId)
                .setParameter("code", ErrorCode.CODE_INVALID.name())
                .setParameter("since", since);
        if (terminalId != null) {
            query.setParameter("terminal", terminalId);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Insert-or-extend in two portable statements (H2 has no ON CONFLICT DO UPDATE). */
    private void lock(String userId, String scope, Instant until) {
        em.createNativeQuery("insert into code_lockouts (user_id, terminal_scope, locked_until)"
                        + " values (:user, :scope, :until) on conflict do nothing")
                .setParameter("user", userId)
                .setParameter("scope", scope)
                .setParameter("until", until)
                .executeUpdate();
        em.createNativeQuery("update code_lockouts set locked_until = :until where user_id = :user"
                        + " and terminal_scope = :scope and locked_until < :until")
                .setParameter("user", userId)
                .setParameter("scope", scope)
                .setParameter("until", until)
                .executeUpdate();
    }
}
