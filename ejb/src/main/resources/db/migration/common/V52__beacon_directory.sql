-- The in-memory beacon directory of every server (issue 10): sightings are resolved from memory,
-- and each server catches up with the others' changes by polling one counter. Every transaction
-- that changes what a sighting resolves to (registration, page, trigger, deactivation, EID index)
-- takes the next value of the counter first and stamps it on the beacons it changes, holding the
-- counter's row lock until it commits: revisions therefore commit in order, and "the beacons with
-- a revision above the last one I loaded" never misses a change.
CREATE TABLE beacon_directory_version (
    id      integer NOT NULL,
    version bigint  NOT NULL,
    CONSTRAINT pk_beacon_directory_version PRIMARY KEY (id),
    CONSTRAINT ck_beacon_directory_version_single CHECK (id = 1)
);
INSERT INTO beacon_directory_version (id, version) VALUES (1, 0);

ALTER TABLE beacons ADD COLUMN revision bigint DEFAULT 0 NOT NULL;
CREATE INDEX ix_beacons_revision ON beacons (revision);
