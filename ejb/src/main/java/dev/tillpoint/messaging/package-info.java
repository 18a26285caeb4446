/**
 * JMS messaging: the message envelope, the destinations, the transactional outbox and its relay,
 * and the record of handled message ids that makes every consumer idempotent.
 *
 * <p>Rules:
 * <ul>
 *   <li>A message that must not be lost with a database change (a trigger instruction, an
 *       interaction, a payment event) goes through {@link dev.tillpoint.messaging.Outbox#enqueue}
 *       in the transaction that makes the change. Nothing on the payment path sends to JMS inside
 *       a JTA transaction: no two-phase commit across the database and the broker.</li>
 *   <li>The relay sends after commit (woken by the commit, and by a sweep timer as the safety net)
 *       through the broker's non-XA factory, then deletes the row. Delivery is at least once, in
 *       roughly commit order; there is no ordering guarantee a consumer may rely on.</li>
 *   <li>A message that may be lost (an analytics sighting) may go through
 *       {@link dev.tillpoint.messaging.BestEffortPublisher} instead, outside the transaction.</li>
 *   <li>Every body is an {@link dev.tillpoint.messaging.Envelope}: JSON with a message id, a type and
 *       a version. A consumer calls {@link dev.tillpoint.messaging.ProcessedMessages#firstDelivery}
 *       in its own transaction and skips a message it has handled; a message it cannot read is
 *       let fail, so that after the configured attempts it rests in the dead-letter queue.</li>
 *   <li>No message carries a card number, a PIN, a code secret or a security code.</li>
 * </ul>
 */
package dev.tillpoint.messaging;
