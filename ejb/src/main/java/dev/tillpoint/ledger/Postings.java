package dev.tillpoint.ledger;

import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Sql;
import dev.tillpoint.shared.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * How a transfer is posted, in plain JDBC on the caller's transaction's connection: the payment
 * path calls it directly (a plain CDI bean, no EJB call), everything else through
 * {@link Ledger#post}. Three statements for a payment: the conditional debit, the credit, the
 * transfer's row.
 *
 * <p>Each account's totals move by one targeted UPDATE, which takes the row's lock; the debit's
 * WHERE clause holds the no-overdraft rule and the currency, so "insufficient funds" is decided
 * under that lock. Pessimistic rather than optimistic: a bank's account is credited by many
 * concurrent postings, and with a version check most would fail and retry. Rows are locked in id
 * order so two opposite transfers cannot deadlock: when the debit account sorts first its
 * conditional update comes first and a refusal changes nothing; otherwise both rows are locked
 * first (one statement, in id order). Customer accounts ({@code acc...}) sort before the clearing
 * accounts they pay, so a payment takes the short way.
 */
@ApplicationScoped
public class Postings {

    private static final String TRANSFER_ID_PREFIX = "trf";

    @Inject
    Clock clock;

    /**
     * Posts {@code request} in the transaction of {@code db}.
     *
     * @throws IllegalArgumentException when an account does not exist or is not in the transfer's
     *                                  currency: the caller built a request it should not have
     */
    public PostingOutcome post(Connection db, TransferRequest request) throws SQLException {
        Objects.requireNonNull(request, "request");
        boolean debitFirst = request.debitAccountId().compareTo(request.creditAccountId()) < 0;
        if (!debitFirst) {
            int locked = 0;
            try (PreparedStatement lock = db.prepareStatement("select id from ledger_accounts where id in (?, ?)"
                    + " order by id for update")) {
                lock.setString(1, request.debitAccountId());
                lock.setString(2, request.creditAccountId());
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        locked++;
                    }
                }
            }
            if (locked != 2) {
                throw new IllegalArgumentException("No ledger account " + request.debitAccountId() + " or "
                        + request.creditAccountId());
            }
        }
        int debited;
        try (PreparedStatement debit = db.prepareStatement("update ledger_accounts set debits_posted = debits_posted + ?"
                + " where id = ? and currency = ?"
                + " and (debits_must_not_exceed_credits = false or credits_posted - debits_posted >= ?)")) {
            debit.setLong(1, request.amountMinor());
            debit.setString(2, request.debitAccountId());
            debit.setString(3, request.currency());
            debit.setLong(4, request.amountMinor());
            debited = debit.executeUpdate();
        }
        if (debited == 0) {
            requireAccount(db, request.debitAccountId(), request.currency());
            return new PostingOutcome.InsufficientFunds(request.debitAccountId());
        }
        int credited;
        try (PreparedStatement credit = db.prepareStatement("update ledger_accounts set credits_posted = credits_posted + ?"
                + " where id = ? and currency = ?")) {
            credit.setLong(1, request.amountMinor());
            credit.setString(2, request.creditAccountId());
            credit.setString(3, request.currency());
            credited = credit.executeUpdate();
        }
        if (credited == 0) {
            throw new IllegalArgumentException("No ledger account " + request.creditAccountId() + " in " + request.currency());
        }
        String id = Ids.generate(TRANSFER_ID_PREFIX);
        Instant now = StoredTime.now(clock);
        try (PreparedStatement insert = db.prepareStatement("insert into transfers (id, debit_account_id,"
                + " credit_account_id, currency, amount_minor, kind, reference, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, request.debitAccountId());
            insert.setString(3, request.creditAccountId());
            insert.setString(4, request.currency());
            insert.setLong(5, request.amountMinor());
            insert.setString(6, request.kind().name());
            Sql.setString(insert, 7, request.reference());
            Sql.setInstant(insert, 8, now);
            insert.executeUpdate();
        }
        return new PostingOutcome.Posted(new TransferView(id, request.debitAccountId(), request.creditAccountId(),
                request.currency(), request.amountMinor(), request.kind(), request.reference(), now));
    }

    /** After a refused debit: an account that is missing or in another currency is the caller's bug. */
    private static void requireAccount(Connection db, String id, String currency) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select 1 from ledger_accounts where id = ? and currency = ?")) {
            select.setString(1, id);
            select.setString(2, currency);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("No ledger account " + id + " in " + currency);
                }
            }
        }
    }
}
