/**
 * The customer's notifications of payments, reversals and refunds, kept by a subscriber of the
 * payment-events topic inside the EAR (the bank's own notification and fraud systems subscribe to
 * the same topic).
 *
 * <p>Rules:
 * <ul>
 *   <li>One notification per payment event: the consumer records the event's message id in the
 *       same transaction ({@link dev.tillpoint.messaging.ProcessedMessages}), and
 *       {@code source_message_id} is unique in the database as the last word.</li>
 *   <li>Notifications are derived state: they can be rebuilt from payments and refunds, and are
 *       never the record of what happened to money.</li>
 *   <li>A customer reads only their own; the list pages like every other list.</li>
 * </ul>
 */
package dev.tillpoint.notifications;
