-- One row per collection run of the collect job (issue 7): an office's publication-day window,
-- fetched once per attempt. Written by the job as the run goes (upsert of absolute figures, so a
-- replay after a restart writes the same row again); see docs/sources.md.
CREATE TABLE collection_runs (
    run_id          text        PRIMARY KEY,
    office          text        NOT NULL,
    query           text,
    window_from     date        NOT NULL,
    window_to       date        NOT NULL,
    attempt         integer     NOT NULL,
    status          text        NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
    started_at      timestamptz,
    finished_at     timestamptz,
    listed          bigint      NOT NULL DEFAULT 0,
    fetched         bigint      NOT NULL DEFAULT 0,
    published       bigint      NOT NULL DEFAULT 0,
    rejected        bigint      NOT NULL DEFAULT 0,
    skipped         bigint      NOT NULL DEFAULT 0,
    requests        bigint      NOT NULL DEFAULT 0,
    bytes           bigint      NOT NULL DEFAULT 0,
    throttled_ms    bigint      NOT NULL DEFAULT 0,
    quota           text,
    error           text,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- "what ran last for this office"
CREATE INDEX collection_runs_office_started_idx ON collection_runs (office, started_at DESC);
