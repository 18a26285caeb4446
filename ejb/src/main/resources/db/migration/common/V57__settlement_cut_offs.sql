-- One nightly settlement run per cut-off, however many servers' timers fire for it: the run that
-- inserts the cut-off's row runs, any other finds it there and does nothing. The timer is a
-- clustered one already (WildFly's distributed timers fire on one node); this row makes "once"
-- hold also where they do not (separate servers on one database, a timer created twice in a race).
CREATE TABLE settlement_cut_offs (
    cut_off_at  timestamp with time zone NOT NULL,
    claimed_by  varchar(64)              NOT NULL,
    claimed_at  timestamp with time zone NOT NULL,
    CONSTRAINT pk_settlement_cut_offs PRIMARY KEY (cut_off_at)
);
