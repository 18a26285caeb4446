/**
 * The customer's notifications of payments, reversals and refunds.
 *
 * <p>Rules:
 * <ul>
 *   <li>Read, not written: a notification is a view of a payment, a reversal or a refund the
 *       payment path stored in its own transaction, so a customer sees it as soon as the money has
 *       moved, exactly once, and it can never disagree with the money. (The payment events still
 *       leave on the topic, through the outbox, for the bank's notification and fraud systems.)</li>
 *   <li>A customer reads only their own; the list pages like every other list, oldest first.</li>
 * </ul>
 */
package dev.tillpoint.notifications;
