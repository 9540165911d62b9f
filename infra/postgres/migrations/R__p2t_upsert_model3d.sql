-- Landing of one Model3d record (topic patents.models3d) into models_3d (V6__models_3d.sql).
--
-- A repeatable migration: Flyway re-applies it whenever this file changes.
--
-- CALL p2t_upsert_model3d(...) is the only statement the models sink sends, one per record,
-- batched. The procedure inserts a new set's outcome, replaces an outcome whose content changed
-- (a new content hash, or the same inputs made again with another outcome, e.g. on a GPU after the
-- CPU), keeps the earliest made_at of the same content, and does nothing at all (no write, xmin
-- and updated_at unchanged) when nothing changes: a replay of the same record. Timings are not
-- compared: the same model made again is the same model, however long it took.

CREATE OR REPLACE PROCEDURE p2t_upsert_model3d(m_key text, m_set text, m_status text, m_reason text,
                                               m_method text, m_device text, m_views jsonb,
                                               m_grid_size integer, m_grid_dims integer[],
                                               m_vertices bigint, m_triangles bigint,
                                               m_volume double precision, m_bbox double precision[],
                                               m_files jsonb, m_timings jsonb, m_hash text,
                                               m_made_at timestamptz)
    LANGUAGE sql AS
$$
    INSERT INTO models_3d AS m (publication_key, figure_set, status, reason, method, device, views_used,
                                grid_size, grid_dims, vertex_count, triangle_count, volume, bounding_box,
                                files, timings_ms, content_hash, made_at)
    VALUES (m_key, m_set, m_status, m_reason, m_method, m_device, m_views, m_grid_size, m_grid_dims,
            m_vertices, m_triangles, m_volume, m_bbox, m_files, m_timings, m_hash, m_made_at)
    ON CONFLICT (publication_key, figure_set) DO UPDATE
        SET status         = EXCLUDED.status,
            reason         = EXCLUDED.reason,
            method         = EXCLUDED.method,
            device         = EXCLUDED.device,
            views_used     = EXCLUDED.views_used,
            grid_size      = EXCLUDED.grid_size,
            grid_dims      = EXCLUDED.grid_dims,
            vertex_count   = EXCLUDED.vertex_count,
            triangle_count = EXCLUDED.triangle_count,
            volume         = EXCLUDED.volume,
            bounding_box   = EXCLUDED.bounding_box,
            files          = EXCLUDED.files,
            timings_ms     = EXCLUDED.timings_ms,
            content_hash   = EXCLUDED.content_hash,
            made_at        = CASE WHEN m.content_hash = EXCLUDED.content_hash
                                  THEN least(m.made_at, EXCLUDED.made_at) ELSE EXCLUDED.made_at END,
            updated_at     = now()
        WHERE (m.status, m.reason, m.method, m.device, m.views_used, m.grid_size, m.grid_dims, m.vertex_count,
               m.triangle_count, m.volume, m.bounding_box, m.files, m.content_hash)
                  IS DISTINCT FROM
              (EXCLUDED.status, EXCLUDED.reason, EXCLUDED.method, EXCLUDED.device, EXCLUDED.views_used,
               EXCLUDED.grid_size, EXCLUDED.grid_dims, EXCLUDED.vertex_count, EXCLUDED.triangle_count,
               EXCLUDED.volume, EXCLUDED.bounding_box, EXCLUDED.files, EXCLUDED.content_hash)
           OR EXCLUDED.made_at < m.made_at
$$;
