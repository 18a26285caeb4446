package dev.tillpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tillpoint.notifications.NotificationService;
import dev.tillpoint.notifications.NotificationType;
import dev.tillpoint.notifications.NotificationView;
import dev.tillpoint.payments.PaymentView;
import dev.tillpoint.payments.RefundCommand;
import dev.tillpoint.payments.RefundView;
import dev.tillpoint.shared.Page;
import dev.tillpoint.shared.PageRequest;
import dev.tillpoint.shared.Result;
import jakarta.ejb.EJB;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The customer's notifications (DESIGN.md "Settlement", payment events): read from what the payment
 * path stored, so an approval, a reversal and a refund show at once after their commit, each exactly
 * once, with no consumer transaction of their own; and paged like every list.
 */
class PaymentNotificationsIT extends InsideEarPayments {

    @Deployment
    static EnterpriseArchive ear() {
        return InsideEar.with(PaymentNotificationsIT.class, InsideEarServices.class, InsideEarPayments.class, Cards.class);
    }

    @EJB(lookup = EJB_MODULE + "NotificationService")
    NotificationService notifications;

    @Test
    void approvalsReversalsAndRefundsAreTheCustomersNotificationsAtOnce() {
        AuthorizedAccount payer = authorizedAccount(10_000);
        String terminal = terminalOf(merchant("Notifying merchant"));
        PaymentView refunded = pay(terminal, payer, payer.code(-1), 1_250);
        Result<RefundView> refund = payments.refund(caller(terminal), refunded.id(), UUID.randomUUID().toString(),
                new RefundCommand(300L));
        RefundView refundView = ((Result.Ok<RefundView>) assertInstanceOf(Result.Ok.class, refund)).value();
        PaymentView reversed = pay(terminal, payer, payer.code(0), 900);
        assertInstanceOf(Result.Ok.class, payments.reverse(caller(terminal), reversed.id()));

        List<NotificationView> shown = notificationsOf(payer.customerId(), 50);
        assertEquals(List.of(NotificationType.PAYMENT_APPROVED, NotificationType.PAYMENT_REFUNDED,
                NotificationType.PAYMENT_APPROVED, NotificationType.PAYMENT_REVERSED),
                shown.stream().map(NotificationView::type).toList(), shown::toString);
        NotificationView approval = shown.get(0);
        assertEquals(refunded.id(), approval.id());
        assertEquals(refunded.id(), approval.paymentId());
        assertEquals(1_250, approval.amountMinor());
        assertEquals("EUR", approval.currency());
        assertEquals(refunded.merchantId(), approval.merchantId());
        assertEquals(refunded.createdAt(), approval.createdAt());
        assertEquals(refundView.id(), shown.get(1).id());
        assertEquals(300, shown.get(1).amountMinor());
        assertEquals(reversed.id(), shown.get(3).paymentId());
        assertEquals(900, shown.get(3).amountMinor());
    }

    @Test
    void aDeclineIsNoNotificationAndPagesHoldEveryNotificationOnce() {
        AuthorizedAccount payer = authorizedAccount(10_000);
        String terminal = terminalOf(merchant("Paging merchant"));
        for (int step = -2; step <= 1; step++) {
            pay(terminal, payer, payer.code(step), 100 + step);
        }
        assertInstanceOf(Result.Failure.class, payments.pay(caller(terminal), UUID.randomUUID().toString(),
                new dev.tillpoint.payments.PaymentCommand(payer.customerId(), payer.code(2), 20_000L, "EUR")));
        List<NotificationView> pagedByThree = notificationsOf(payer.customerId(), 3);
        assertEquals(notificationsOf(payer.customerId(), 50), pagedByThree);
        assertEquals(4, pagedByThree.size(), pagedByThree::toString);
    }

    private List<NotificationView> notificationsOf(String customerId, int limit) {
        List<NotificationView> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Result<Page<NotificationView>> page = notifications.notificationsOf(customerId,
                    new PageRequest(limit, cursor.orElse(null)));
            Page<NotificationView> items = ((Result.Ok<Page<NotificationView>>) assertInstanceOf(Result.Ok.class, page)).value();
            all.addAll(items.items());
            cursor = items.nextCursor();
        } while (cursor.isPresent());
        return all;
    }
}
