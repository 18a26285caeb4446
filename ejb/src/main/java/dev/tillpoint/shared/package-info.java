/**
 * What every capability shares: result and error codes, ids, the clock, money-adjacent value
 * objects, and the field keys with the ciphers and hashes built on them.
 *
 * <p>Rules that hold in this package:
 * <ul>
 *   <li>A card number or PIN only ever travels as {@link dev.tillpoint.shared.CardNumber} or
 *       {@link dev.tillpoint.shared.Pin}; their {@code toString()} is masked and their digits
 *       are readable only inside this package, so no other package can log or return them.</li>
 *   <li>Keys are read once from MicroProfile Config by {@link dev.tillpoint.shared.FieldKeys}; a
 *       missing or short key fails the deployment, and error messages name the config property,
 *       never its value.</li>
 *   <li>Server-generated ids match {@link dev.tillpoint.shared.Ids#PATTERN}, like ids the API
 *       accepts from callers.</li>
 *   <li>Time is read from the injected {@link java.time.Clock}, never from the system directly,
 *       so that tests and timers can fix it.</li>
 *   <li>Lists page by keyset (e.g. {@link dev.tillpoint.shared.CreationOrder}), never by OFFSET,
 *       answering a {@link dev.tillpoint.shared.PageRequest} with a {@link dev.tillpoint.shared.Page}.
 *       Cursors are signed by {@link dev.tillpoint.shared.PageCursors} and bound to their list and
 *       caller; a cursor that is not one of them is an expected {@code VALIDATION_FAILED} on
 *       {@code cursor}, never an exception.</li>
 *   <li>A fault is logged as one line with a reference by {@link dev.tillpoint.shared.Faults}
 *       (exception types and SQLState, never messages, SQL or a stack above FINE), for requests,
 *       messages and timers alike.</li>
 * </ul>
 */
package dev.tillpoint.shared;
