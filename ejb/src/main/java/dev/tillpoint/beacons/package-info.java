/**
 * Beacon pages (DESIGN.md "Beacon pages"; the patent's data devices): the beacon registry, trigger
 * instructions dispatched to devices over JMS, sighting resolution to the bound web page,
 * Eddystone-EID and the sighting statistics.
 *
 * <p>Invariants:
 * <ul>
 *   <li>A beacon's id is its Eddystone-UID, stored lower-case; page and icon URLs are https only
 *       (pages pushed to strangers' phones are a spam and phishing vector) and name a public host:
 *       no loopback, private or link-local literal address and no {@code localhost}
 *       ({@link dev.tillpoint.beacons.PublicHosts}; names are never resolved).</li>
 *   <li>A beacon is deactivated, never deleted; an inactive beacon is never resolved again and
 *       receives no instructions.</li>
 *   <li>An EID beacon is resolved only by an EID of its previous, current or next rotation period
 *       (as its own time counter has them), never by its fixed id. Its identity key is stored only
 *       encrypted and is never returned or logged.</li>
 *   <li>Resolution reads no database: every server holds the active beacons and their indexed
 *       EIDs ({@code beacon_eids}, kept ahead of the rotation by
 *       {@link dev.tillpoint.beacons.EidIndexRefresh}) in memory, in
 *       {@link dev.tillpoint.beacons.BeaconDirectory}. Every transaction that changes what a sighting
 *       resolves to (registration, page, trigger, deactivation, EID index) first takes the next
 *       value of the one-row counter {@code beacon_directory_version} and stamps the beacons it
 *       changes with it; the counter's row lock makes revisions commit in order. The server that
 *       committed loads the change before its next sighting; every other server polls the counter
 *       every second ({@code tillpoint.beacons.directory-poll-millis}, 100..1000) and loads the
 *       beacons above its last revision: <b>a change made on one server resolves on all of them
 *       within 2 s</b> (one poll interval plus the load). A broadcast window's end needs no change:
 *       each sighting compares it with the time.</li>
 *   <li>A trigger records its broadcast window and enqueues its instruction in one transaction
 *       (the outbox); the instruction's id is the trigger's, so a redelivery creates nothing.</li>
 *   <li>Statistics are derived and may lose a moment: a sighting of a known beacon is appended to
 *       an in-memory batch ({@link dev.tillpoint.beacons.SightingBatch}); every second
 *       ({@code tillpoint.beacons.sighting-flush-millis}) the batch is sent on
 *       {@code BEACON_SIGHTINGS} as {@code BEACON_SIGHTINGS} v1 messages (the analytics message for
 *       the bank's other systems, off the request's path), and the listener counts each message
 *       once per message id, one transaction per batch. <b>A crash loses the sightings not yet
 *       flushed, at most one interval's</b> (a graceful shutdown flushes); so does a broker that
 *       refuses a batch; beyond 200 000 waiting sightings new ones are dropped and logged.</li>
 * </ul>
 */
package dev.tillpoint.beacons;
