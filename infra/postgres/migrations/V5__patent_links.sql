-- Landing table for topic patents.links (Avro io.patent2tech.schema.PatentLink, issue 10): how
-- two publications belong together (levels 3 and 4 of docs/design.md section 4). Both documents
-- stay in `patents`; a row here says they share an application or a DOCDB family, that one claims
-- the priority of or continues the other, or that their texts are near-identical.
--
-- One row per link (from_key, to_key, kind). Symmetric kinds (same-application, same-family,
-- near-duplicate) are stored once, from_key < to_key, as the producer writes them; read them in
-- both directions through the view patent_link_ends. Rows are written only by the procedure
-- p2t_upsert_link (R__p2t_upsert_link.sql).
--
-- No foreign key to `patents`: the link stages and the landing of the patents are independent,
-- and to_key may name a referenced document that has not been seen yet.
-- Column meanings and example queries: docs/data-model.md.

CREATE TABLE patent_links (
    from_key    text             NOT NULL,
    to_key      text             NOT NULL,
    kind        text             NOT NULL,
    strength    text             NOT NULL CHECK (strength IN ('strong', 'weak')),
    shared_id   text,
    similarity  double precision,
    method      text             NOT NULL,
    -- when the link was first made (the earliest the producer reported)
    first_seen  timestamptz      NOT NULL,
    -- the latest first_seen the producer reported: later than first_seen when it made the link
    -- again (e.g. after its state was lost)
    last_seen   timestamptz      NOT NULL,
    -- when the row was last written; a replay of the same link does not write
    updated_at  timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (from_key, to_key, kind)
);

-- the primary key serves "links from X"; this one serves "links to X"
CREATE INDEX patent_links_to_key_idx ON patent_links (to_key, kind);

-- Every link from both of its ends: one row per (publication_key, other_key, kind), so "what is
-- X linked to" is one WHERE publication_key = X whichever way the link was stored.
CREATE VIEW patent_link_ends AS
    SELECT from_key AS publication_key, to_key AS other_key, kind, strength, shared_id, similarity,
           method, first_seen
    FROM patent_links
    UNION ALL
    SELECT to_key, from_key, kind, strength, shared_id, similarity, method, first_seen
    FROM patent_links;

-- The family of a publication: every publication reachable from it over strong same-family and
-- same-application links (any number of steps), itself included at depth 0. Near-duplicates are
-- strong links too but not the same invention's filings, so they are not family; weak links
-- (priority claims, continuations, divisionals) are not family either (docs/design.md section 4).
CREATE FUNCTION p2t_family(key text)
    RETURNS TABLE (publication_key text, depth integer)
    LANGUAGE plpgsql STABLE AS
$$
#variable_conflict use_column
DECLARE
    found    text[] := ARRAY[key];
    frontier text[] := ARRAY[key];
    steps    integer := 0;
BEGIN
    -- Breadth first over the members found so far, rather than a recursive CTE: a family is
    -- usually a clique (every member linked to every other), where a CTE that tracks paths to
    -- stop on cycles would walk every path.
    publication_key := key;
    depth := 0;
    RETURN NEXT;
    LOOP
        steps := steps + 1;
        SELECT coalesce(array_agg(DISTINCT e.other_key), '{}') INTO frontier
        FROM patent_link_ends e
        WHERE e.publication_key = ANY (frontier)
          AND e.strength = 'strong'
          AND e.kind IN ('same-family', 'same-application')
          AND NOT e.other_key = ANY (found);
        EXIT WHEN cardinality(frontier) = 0;
        found := found || frontier;
        FOREACH publication_key IN ARRAY frontier LOOP
            depth := steps;
            RETURN NEXT;
        END LOOP;
    END LOOP;
END
$$;
