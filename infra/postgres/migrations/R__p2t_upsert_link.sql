-- Landing of one PatentLink record (topic patents.links) into patent_links (V5__patent_links.sql).
--
-- A repeatable migration: Flyway re-applies it whenever this file changes.
--
-- CALL p2t_upsert_link(from_key, to_key, kind, strength, shared_id, similarity, method, first_seen)
-- is the only statement the link sink sends, one per record, batched. The procedure
--   * inserts a new link;
--   * for a link it holds, keeps the earliest first_seen and the latest last_seen, and takes the
--     incoming strength, shared id, similarity and method (the producer's latest word: e.g. a
--     near-duplicate verified again with another similarity);
--   * does nothing at all (no write, xmin and updated_at unchanged) when that changes no value: a
--     replay of the same link, or the same link made again earlier than the latest time stored.
-- Errors propagate (the values are typed and the table takes every PatentLink), so the sink
-- retries a batch a lost connection or a deadlock aborted.

CREATE OR REPLACE PROCEDURE p2t_upsert_link(link_from text, link_to text, link_kind text, link_strength text,
                                            link_shared_id text, link_similarity double precision,
                                            link_method text, link_first_seen timestamptz)
    LANGUAGE sql AS
$$
    INSERT INTO patent_links AS l (from_key, to_key, kind, strength, shared_id, similarity, method,
                                   first_seen, last_seen)
    VALUES (link_from, link_to, link_kind, link_strength, link_shared_id, link_similarity, link_method,
            link_first_seen, link_first_seen)
    ON CONFLICT (from_key, to_key, kind) DO UPDATE
        SET strength   = EXCLUDED.strength,
            shared_id  = EXCLUDED.shared_id,
            similarity = EXCLUDED.similarity,
            method     = EXCLUDED.method,
            first_seen = least(l.first_seen, EXCLUDED.first_seen),
            last_seen  = greatest(l.last_seen, EXCLUDED.first_seen),
            updated_at = now()
        WHERE (l.strength, l.shared_id, l.similarity, l.method)
                  IS DISTINCT FROM (EXCLUDED.strength, EXCLUDED.shared_id, EXCLUDED.similarity, EXCLUDED.method)
           OR EXCLUDED.first_seen < l.first_seen
           OR EXCLUDED.first_seen > l.last_seen
$$;
