package dev.tillpoint.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An immutable posting: one amount, debited from one account and credited to another of the same
 * currency. It has no setters and Hibernate never updates it; on PostgreSQL a trigger also refuses
 * any UPDATE or DELETE.
 */
@Entity
@Immutable
@Table(name = "transfers")
public class Transfer {

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "debit_account_id", length = 64, nullable = false, updatable = false)
    private String debitAccountId;

    @Column(name = "credit_account_id", length = 64, nullable = false, updatable = false)
    private String creditAccountId;

    @Column(name = "currency", length = 3, nullable = false, updatable = false)
    private String currency;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR) // a plain varchar with a CHECK on every database, not H2's native enum
    @Column(name = "kind", length = 16, nullable = false, updatable = false)
    private TransferKind kind;

    @Column(name = "reference", length = TransferRequest.MAX_REFERENCE_LENGTH, updatable = false)
    private String reference;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Transfer() {
        // for JPA
    }

    private Transfer(String id, TransferRequest request, Instant createdAt) {
        this.id = id;
        this.debitAccountId = request.debitAccountId();
        this.creditAccountId = request.creditAccountId();
        this.currency = request.currency();
        this.amountMinor = request.amountMinor();
        this.kind = request.kind();
        this.reference = request.reference();
        this.createdAt = createdAt;
    }

    /**
     * Applies {@code request} to the two accounts and returns the transfer that records it.
     *
     * @throws IllegalArgumentException when the accounts are not the request's or not in its currency
     * @throws IllegalStateException    when the debit would overdraw an account that must not be
     *                                  overdrawn (callers check {@link LedgerAccount#canDebit} first)
     */
    static Transfer post(String id, TransferRequest request, LedgerAccount debitAccount,
                         LedgerAccount creditAccount, Instant createdAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        requireAccountsOf(request, debitAccount, creditAccount);
        debitAccount.debit(request.amountMinor());
        creditAccount.credit(request.amountMinor());
        return new Transfer(id, request, createdAt);
    }

    /** @throws IllegalArgumentException when the accounts are not the request's or not all in its currency */
    static void requireAccountsOf(TransferRequest request, LedgerAccount debitAccount, LedgerAccount creditAccount) {
        if (!debitAccount.id().equals(request.debitAccountId()) || !creditAccount.id().equals(request.creditAccountId())) {
            throw new IllegalArgumentException("The accounts are not the ones the transfer names");
        }
        if (!debitAccount.currency().equals(request.currency()) || !creditAccount.currency().equals(request.currency())) {
            throw new IllegalArgumentException("A transfer in " + request.currency() + " cannot post between accounts in "
                    + debitAccount.currency() + " and " + creditAccount.currency());
        }
    }

    TransferView view() {
        return new TransferView(id, debitAccountId, creditAccountId, currency, amountMinor, kind, reference, createdAt);
    }
}
