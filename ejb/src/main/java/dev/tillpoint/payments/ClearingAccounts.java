package dev.tillpoint.payments;

import dev.tillpoint.ledger.Ledger;
import dev.tillpoint.ledger.LedgerAccountKind;
import dev.tillpoint.shared.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Each terminal's clearing ledger account, opened with the terminal's first payment. Payments
 * credit it rather than the merchant's account, so a busy merchant's terminals do not queue on
 * one row lock; a terminal pays one request at a time anyway. Settlement sweeps the clearing
 * accounts of a merchant into its account.
 */
@ApplicationScoped
public class ClearingAccounts {

    @Inject
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    /**
     * The terminal's clearing account in the merchant's currency, opened now if it has none.
     *
     * <p>No row lock guards the opening: locking the terminal row would block every transaction
     * that writes a row referencing the terminal (a foreign key check takes a share lock on it)
     * while it holds the customer's ledger row, a deadlock under load. Two first payments of one
     * terminal racing each other may therefore both open an account; the mapping's primary key
     * keeps the first, the other stays an empty, unused clearing account.
     */
    public String of(String terminalId, String currency) {
        Optional<String> existing = find(terminalId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String accountId = ledger.openAccount(LedgerAccountKind.CLEARING, currency).id();
        int mapped = em.createNativeQuery("insert into terminal_clearing_accounts (terminal_id, ledger_account_id, currency,"
                        + " created_at) values (:terminal, :account, :currency, :now) on conflict do nothing")
                .setParameter("terminal", terminalId)
                .setParameter("account", accountId)
                .setParameter("currency", currency)
                .setParameter("now", StoredTime.now(clock))
                .executeUpdate();
        if (mapped == 1) {
            return accountId;
        }
        return find(terminalId).orElseThrow(() -> new IllegalStateException(
                "Terminal " + terminalId + " lost the race for its clearing account to a transaction that rolled back"));
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
