package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tillpoint.customers.AccountView;
import dev.tillpoint.customers.NewAccount;
import dev.tillpoint.ledger.LedgerAccountKind;
import dev.tillpoint.ledger.PostingOutcome;
import dev.tillpoint.ledger.TransferKind;
import dev.tillpoint.ledger.TransferRequest;
import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Result;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The ledger under contention, inside the server with real transactions on H2 and PostgreSQL:
 * concurrent postings from one account neither overdraw it nor lose an update, and concurrent
 * openings of one card end in exactly one account (the race that only the unique constraint sees,
 * which on PostgreSQL aborts the loser's transaction).
 */
class LedgerConcurrencyIT extends InsideEarServices {

    private static final int THREADS = 8;

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(LedgerConcurrencyIT.class, InsideEarServices.class, Cards.class);
    }

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Test
    void concurrentPostingsNeverOverdrawAnAccountNorLoseAnUpdate() throws Exception {
        long openingMinor = 1_000;
        long amountMinor = 10;
        int attemptsPerThread = 25; // 200 attempts for funds that cover 100 of them
        AccountView account = openAccount(openingMinor);
        String merchantAccount = ledger.openAccount(LedgerAccountKind.MERCHANT, "EUR").id();

        List<PostingOutcome> outcomes = race(() -> {
            List<PostingOutcome> mine = new ArrayList<>();
            for (int i = 0; i < attemptsPerThread; i++) {
                mine.add(postInOwnTransaction(new TransferRequest(account.id(), merchantAccount, "EUR",
                        amountMinor, TransferKind.PAYMENT, "concurrency-it")));
            }
            return mine;
        }).stream().flatMap(List::stream).toList();

        long posted = outcomes.stream().filter(PostingOutcome.Posted.class::isInstance).count();
        long refused = outcomes.stream().filter(PostingOutcome.InsufficientFunds.class::isInstance).count();
        assertEquals(openingMinor / amountMinor, posted, "postings the funds covered");
        assertEquals(THREADS * attemptsPerThread - posted, refused, "postings refused for lack of funds");
        assertEquals(0L, ledger.account(account.id()).orElseThrow().balanceMinor());
        assertEquals(openingMinor, ledger.account(merchantAccount).orElseThrow().balanceMinor());
        assertTrue(ledger.trialBalance().balanced(), "trial balance after the race");
    }

    @Test
    void concurrentOpeningsOfOneCardMakeExactlyOneAccount() throws Exception {
        String card = Cards.luhnValid(16);
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            owners.add(customer());
        }
        List<Result<AccountView>> results = new ArrayList<>();
        List<Callable<Result<AccountView>>> openings = new ArrayList<>();
        for (String owner : owners) {
            openings.add(() -> accounts.open(new NewAccount(owner, card, "EUR", 100, PIN)));
        }
        for (Future<Result<AccountView>> opened : startTogether(openings)) {
            results.add(opened.get(60, TimeUnit.SECONDS));
        }

        assertEquals(1, results.stream().filter(Result.Ok.class::isInstance).count(), () -> "results: " + results);
        assertTrue(results.stream().filter(Result.Failure.class::isInstance)
                        .allMatch(failure -> ((Result.Failure<AccountView>) failure).code() == ErrorCode.DUPLICATE),
                () -> "every other opening is a DUPLICATE: " + results);
        assertTrue(ledger.trialBalance().balanced(), "the losers' opening balances were rolled back");
    }

    private PostingOutcome postInOwnTransaction(TransferRequest request) throws Exception {
        return inTransaction(() -> ledger.post(request));
    }

    /** Runs the same work on every thread at once and collects each thread's result. */
    private <T> List<T> race(Callable<T> work) throws Exception {
        List<Callable<T>> copies = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            copies.add(work);
        }
        List<T> results = new ArrayList<>();
        for (Future<T> result : startTogether(copies)) {
            results.add(result.get(120, TimeUnit.SECONDS));
        }
        return results;
    }

    /** Submits the tasks held at a gate, then opens it, so that they contend from the first statement. */
    private <T> List<Future<T>> startTogether(List<Callable<T>> tasks) {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(executor.submit(() -> {
                gate.await();
                return task.call();
            }));
        }
        gate.countDown();
        return futures;
    }
}
