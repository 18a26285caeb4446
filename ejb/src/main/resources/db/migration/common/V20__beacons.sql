-- Beacon pages (DESIGN.md "Beacon pages"): the registry, the Eddystone-EID index, trigger windows and
-- the instructions they send to devices, and the sighting statistics the analytics listener keeps.
-- Portable: PostgreSQL 15 and H2 2.2 in PostgreSQL mode.

-- A registered beacon. Its id is the Eddystone-UID (10-byte namespace + 6-byte instance) in lower-case
-- hex. An EID beacon also has its identity key (AES-GCM ciphertext, never the key itself), its
-- rotation exponent and the offset of its own time counter from Unix time; eid_next_roll_at is when
-- its current rotation period ends, so the index timer finds the beacons that are due by an index.
CREATE TABLE beacons (
    id                          varchar(32)              NOT NULL,
    merchant_id                 varchar(64),
    preset_distance_meters      double precision         NOT NULL,
    tx_power                    integer                  NOT NULL,
    channels                    varchar(32)              NOT NULL,
    page_url                    varchar(2048)            NOT NULL,
    page_title                  varchar(200)             NOT NULL,
    page_description            varchar(2000),
    page_icon_url               varchar(2048),
    eid_identity_key_ciphertext varchar(128),
    eid_rotation_exponent       integer,
    eid_counter_offset_seconds  bigint,
    eid_next_roll_at            timestamp with time zone,
    broadcast_until             timestamp with time zone,
    current_trigger_id          varchar(64),
    active                      boolean                  NOT NULL,
    created_at                  timestamp with time zone NOT NULL,
    page_updated_at             timestamp with time zone NOT NULL,
    deactivated_at              timestamp with time zone,
    CONSTRAINT pk_beacons PRIMARY KEY (id),
    CONSTRAINT fk_beacons_merchant FOREIGN KEY (merchant_id) REFERENCES merchants (id),
    CONSTRAINT ck_beacons_id CHECK (id ~ '^[0-9a-f]{32}$'),
    CONSTRAINT ck_beacons_preset_distance CHECK (preset_distance_meters > 0 AND preset_distance_meters <= 1000),
    CONSTRAINT ck_beacons_tx_power CHECK (tx_power BETWEEN -100 AND 20),
    CONSTRAINT ck_beacons_page_url CHECK (page_url LIKE 'https://%'),
    CONSTRAINT ck_beacons_page_icon_url CHECK (page_icon_url IS NULL OR page_icon_url LIKE 'https://%'),
    -- An EID beacon has all three EID columns, a UID-only beacon none.
    CONSTRAINT ck_beacons_eid CHECK (
        (eid_identity_key_ciphertext IS NULL AND eid_rotation_exponent IS NULL
            AND eid_counter_offset_seconds IS NULL AND eid_next_roll_at IS NULL)
        OR (eid_identity_key_ciphertext IS NOT NULL AND eid_rotation_exponent IS NOT NULL
            AND eid_counter_offset_seconds IS NOT NULL)),
    CONSTRAINT ck_beacons_eid_rotation_exponent CHECK (eid_rotation_exponent BETWEEN 0 AND 15),
    CONSTRAINT ck_beacons_deactivation CHECK (
        (active AND deactivated_at IS NULL) OR (NOT active AND deactivated_at IS NOT NULL))
);
CREATE INDEX ix_beacons_eid_next_roll_at ON beacons (eid_next_roll_at);
CREATE INDEX ix_beacons_merchant ON beacons (merchant_id);

-- The EIDs an EID beacon broadcasts in the rotation periods around now (its own period numbers):
-- what a sighting's eid is looked up in, by index, instead of computing every beacon's EID.
CREATE TABLE beacon_eids (
    eid       varchar(16) NOT NULL,
    beacon_id varchar(32) NOT NULL,
    period    bigint      NOT NULL,
    CONSTRAINT pk_beacon_eids PRIMARY KEY (beacon_id, period),
    CONSTRAINT fk_beacon_eids_beacon FOREIGN KEY (beacon_id) REFERENCES beacons (id),
    CONSTRAINT ck_beacon_eids_eid CHECK (eid ~ '^[0-9a-f]{16}$'),
    CONSTRAINT ck_beacon_eids_period CHECK (period >= 0)
);
CREATE INDEX ix_beacon_eids_eid ON beacon_eids (eid);

-- Every trigger: the broadcast window it opened. Its id is the id of the instruction it sends.
CREATE TABLE beacon_triggers (
    id              varchar(64)              NOT NULL,
    beacon_id       varchar(32)              NOT NULL,
    broadcast_until timestamp with time zone NOT NULL,
    created_at      timestamp with time zone NOT NULL,
    CONSTRAINT pk_beacon_triggers PRIMARY KEY (id),
    CONSTRAINT fk_beacon_triggers_beacon FOREIGN KEY (beacon_id) REFERENCES beacons (id),
    CONSTRAINT ck_beacon_triggers_window CHECK (broadcast_until > created_at)
);
CREATE INDEX ix_beacon_triggers_beacon ON beacon_triggers (beacon_id, created_at);

-- What the trigger listener delivered to the device. The primary key is the trigger's id, so a
-- redelivered trigger message can create no second instruction.
CREATE TABLE beacon_instructions (
    id              varchar(64)              NOT NULL,
    beacon_id       varchar(32)              NOT NULL,
    type            varchar(16)              NOT NULL,
    broadcast_until timestamp with time zone NOT NULL,
    delivered_at    timestamp with time zone NOT NULL,
    acknowledged_at timestamp with time zone,
    CONSTRAINT pk_beacon_instructions PRIMARY KEY (id),
    CONSTRAINT fk_beacon_instructions_trigger FOREIGN KEY (id) REFERENCES beacon_triggers (id),
    CONSTRAINT fk_beacon_instructions_beacon FOREIGN KEY (beacon_id) REFERENCES beacons (id),
    CONSTRAINT ck_beacon_instructions_type CHECK (type IN ('BROADCAST'))
);
CREATE INDEX ix_beacon_instructions_beacon ON beacon_instructions (beacon_id);

-- Derived statistics, rebuilt at will from the sightings: one row per beacon, created with it.
CREATE TABLE beacon_stats (
    beacon_id       varchar(32)              NOT NULL,
    sightings       bigint                   NOT NULL DEFAULT 0,
    unique_visitors bigint                   NOT NULL DEFAULT 0,
    last_seen_at    timestamp with time zone,
    CONSTRAINT pk_beacon_stats PRIMARY KEY (beacon_id),
    CONSTRAINT fk_beacon_stats_beacon FOREIGN KEY (beacon_id) REFERENCES beacons (id),
    CONSTRAINT ck_beacon_stats_counts CHECK (unique_visitors >= 0 AND unique_visitors <= sightings)
);

-- The distinct customers who sighted a beacon: a first sighting inserts, later ones find the row.
CREATE TABLE beacon_visitors (
    beacon_id     varchar(32)              NOT NULL,
    customer_id   varchar(64)              NOT NULL,
    first_seen_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_beacon_visitors PRIMARY KEY (beacon_id, customer_id),
    CONSTRAINT fk_beacon_visitors_beacon FOREIGN KEY (beacon_id) REFERENCES beacons (id)
);
