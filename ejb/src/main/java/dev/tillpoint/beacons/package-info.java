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
 *   <li>Resolution never scans the beacons: a fixed id is a primary-key lookup, an EID an index
 *       lookup in {@code beacon_eids}, which {@link dev.tillpoint.beacons.EidIndexRefresh} keeps
 *       ahead of the rotation.</li>
 *   <li>A trigger records its broadcast window and enqueues its instruction in one transaction
 *       (the outbox); the instruction's id is the trigger's, so a redelivery creates nothing.</li>
 *   <li>Statistics are derived: every sighting of a known beacon is published best-effort, off the
 *       request thread, and counted once per message id.</li>
 * </ul>
 */
package dev.tillpoint.beacons;
