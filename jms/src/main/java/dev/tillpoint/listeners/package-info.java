/**
 * Message-driven beans: one thin MDB per queue, each turning a JSON text message (with a
 * {@code version} field) into one call of one service in the ejb module.
 *
 * <p>Rules: an MDB holds no logic of its own; it is idempotent by message id, because delivery
 * is at least once (the outbox relays after commit and may relay again after a crash); it lets
 * a failure propagate so that the broker redelivers and, after the configured attempts, moves the
 * message to {@code jms.queue.tillpoint.dlq} where the console shows it. This module depends on
 * the ejb module, never the other way round.
 */
package dev.tillpoint.listeners;
