package dev.tillpoint.payments;

import dev.tillpoint.ledger.Ledger;
import dev.tillpoint.ledger.LedgerAccountKind;
import dev.tillpoint.shared.StoredTime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Each terminal's clearing ledger account, opened with the terminal's first payment. Payments
 * credit it rather than the merchant's account, so a busy merchant's terminals do not queue on
 * one row lock; a terminal pays one request at a time anyway. Settlement sweeps the clearing
 * accounts of a merchant into its account.
 */
@Stateless
public class ClearingAccounts {

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    /** The terminal's clearing account in the merchant's currency, opened now if it has none. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String of(String terminalId, String currency) {
        Optional<String> existing = find(terminalId);
        if (existing.isPresent()) {
            return existing.get();
        }
        // The terminal's row lock makes two first payments of one terminal open one account, not two.
        em.createNativeQuery("select id from terminals where id = :terminal for update")
                .setParameter("terminal", terminalId)
                .getResultList();
        existing = find(terminalId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String accountId = ledger.openAccount(LedgerAccountKind.CLEARING, currency).id();
        em.createNativeQuery("insert into terminal_clearing_accounts (terminal_id, ledger_account_id, currency, created_at)"
                        + " values (:terminal, :account, :currency, :now)")
                .setParameter("terminal", terminalId)
                .setParameter("account", accountId)
                .setParameter("currency", currency)
                .setParameter("now", StoredTime.now(clock))
                .executeUpdate();
        return accountId;
    }

    private Optional<String> find(String terminalId) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select ledger_account_id from terminal_clearing_accounts"
                        + " where terminal_id = :terminal")
                .setParameter("terminal", terminalId)
                .getResultList();
        return ids.stream().findFirst();
    }
}
