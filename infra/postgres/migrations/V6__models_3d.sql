-- Landing table for topic patents.models3d (Avro io.patent2tech.schema.Model3d, issue 11): what
-- the 3D reconstruction made of each orthographic figure set of a patent (docs/reconstruction.md),
-- including the sets it could not reconstruct and why.
--
-- One row per (publication_key, figure_set). Rows are written only by the procedure
-- p2t_upsert_model3d (R__p2t_upsert_model3d.sql): a replay of the same outcome writes nothing.
-- No foreign key to `patents`: the drawings path and the landing of the patents are independent.
-- Column meanings and example queries: docs/data-model.md.

CREATE TABLE models_3d (
    publication_key text             NOT NULL,
    figure_set      text             NOT NULL,
    status          text             NOT NULL CHECK (status IN ('made', 'not-made', 'failed')),
    reason          text,
    method          text,
    device          text,
    -- [{"view": "front", "figure": "2", "image_file": "...TIF"}, ...]
    views_used      jsonb            NOT NULL DEFAULT '[]',
    grid_size       integer,
    grid_dims       integer[],
    vertex_count    bigint,
    triangle_count  bigint,
    volume          double precision,
    -- min x, min y, min z, max x, max y, max z (model units: the longest side is 1.0)
    bounding_box    double precision[],
    -- {"directory": "...", "stl": "model.stl", "ply": ..., "obj": ..., "glb": ..., "preview": "preview.png"}
    files           jsonb,
    -- {"decode": 12, "analyse": 40, "register": 1, "carve": 300, "surface": 90, "write": 30, "total": 473}
    timings_ms      jsonb            NOT NULL DEFAULT '{}',
    content_hash    text             NOT NULL,
    made_at         timestamptz      NOT NULL,
    -- when the row was last written; a replay of the same outcome does not write
    updated_at      timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (publication_key, figure_set)
);

-- "which sets were not made, and why" for the dashboards and operators
CREATE INDEX models_3d_status_idx ON models_3d (status, reason);
