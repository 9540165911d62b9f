-- Landing of one Patent record (the JSON of io.patent2tech.connectors.json.AvroJson).
--
-- A repeatable migration: Flyway re-applies it whenever this file changes.
--
-- CALL p2t_upsert_patent(json) is the only statement the landing sink sends, one per record,
-- batched. The procedure
--   * inserts a new publication with all its child rows;
--   * replaces the row and all child rows when the content hash differs and the record is not
--     older (ingest_time) than the stored one: corrections win, a replay of an old version does not;
--   * does nothing at all (no write, updated_at unchanged) when the stored content hash equals the
--     incoming one, so replays after a failure change nothing;
--   * turns a record the tables cannot hold (bad date, value too large for an index, invalid
--     JSON, ...) into a row of dead_letters instead of failing the batch and the job. Other
--     errors (connection, deadlock, serialization) propagate so the sink retries the batch.
-- The argument is text rather than jsonb so that even JSON PostgreSQL cannot read (e.g. \u0000)
-- reaches the error handler.

CREATE OR REPLACE FUNCTION p2t_localized_text(texts jsonb, language text) RETURNS text
    LANGUAGE sql IMMUTABLE AS
$$
    -- the text in the publication language, else the first one
    SELECT t.value ->> 'text'
    FROM jsonb_array_elements(coalesce(texts, '[]'::jsonb)) WITH ORDINALITY AS t(value, ord)
    ORDER BY (t.value ->> 'lang' = language) IS TRUE DESC, t.ord
    LIMIT 1
$$;

CREATE OR REPLACE PROCEDURE p2t_upsert_patent(record_json text)
    LANGUAGE plpgsql AS
$$
DECLARE
    r      jsonb;
    key    text;
    landed text;
BEGIN
    r := record_json::jsonb;
    key := r ->> 'publication_key';

    INSERT INTO patents AS p (publication_key, country, number, kind, publication_date,
                              application_key, application_number, application_date,
                              document_type, family_id, language, title, abstract,
                              content_hash, version, source_office, source_product, source_file,
                              source_entry, source_position, source_offset, ingest_time, record)
    VALUES (key,
            r -> 'publication' ->> 'country',
            r -> 'publication' ->> 'number',
            r -> 'publication' ->> 'kind',
            (r -> 'publication' ->> 'date')::date,
            r ->> 'application_key',
            r -> 'application' ->> 'number',
            (r -> 'application' ->> 'date')::date,
            r ->> 'document_type',
            r ->> 'family_id',
            r ->> 'language',
            p2t_localized_text(r -> 'titles', r ->> 'language'),
            p2t_localized_text(r -> 'abstracts', r ->> 'language'),
            r ->> 'content_hash',
            (r ->> 'version')::integer,
            r -> 'source' ->> 'office',
            r -> 'source' ->> 'product',
            r -> 'source' ->> 'file',
            r -> 'source' ->> 'entry',
            (r -> 'source' ->> 'position')::bigint,
            (r -> 'source' ->> 'offset')::bigint,
            to_timestamp((r ->> 'ingest_time')::bigint / 1000.0),
            r)
    ON CONFLICT (publication_key) DO UPDATE
        SET country            = EXCLUDED.country,
            number             = EXCLUDED.number,
            kind               = EXCLUDED.kind,
            publication_date   = EXCLUDED.publication_date,
            application_key    = EXCLUDED.application_key,
            application_number = EXCLUDED.application_number,
            application_date   = EXCLUDED.application_date,
            document_type      = EXCLUDED.document_type,
            family_id          = EXCLUDED.family_id,
            language           = EXCLUDED.language,
            title              = EXCLUDED.title,
            abstract           = EXCLUDED.abstract,
            content_hash       = EXCLUDED.content_hash,
            version            = EXCLUDED.version,
            source_office      = EXCLUDED.source_office,
            source_product     = EXCLUDED.source_product,
            source_file        = EXCLUDED.source_file,
            source_entry       = EXCLUDED.source_entry,
            source_position    = EXCLUDED.source_position,
            source_offset      = EXCLUDED.source_offset,
            ingest_time        = EXCLUDED.ingest_time,
            updated_at         = now(),
            record             = EXCLUDED.record
        WHERE p.content_hash <> EXCLUDED.content_hash
          AND p.ingest_time <= EXCLUDED.ingest_time
    RETURNING p.publication_key INTO landed;

    IF landed IS NULL THEN
        RETURN;
    END IF;

    DELETE FROM claims WHERE publication_key = key;
    DELETE FROM classifications WHERE publication_key = key;
    DELETE FROM parties WHERE publication_key = key;
    DELETE FROM citations WHERE publication_key = key;
    DELETE FROM figures WHERE publication_key = key;
    DELETE FROM related_documents WHERE publication_key = key;

    INSERT INTO claims (publication_key, sequence, claim_number, text, independent, depends_on)
    SELECT key, c.ord, (c.value ->> 'number')::integer, c.value ->> 'text',
           (c.value ->> 'independent')::boolean,
           ARRAY(SELECT d::integer FROM jsonb_array_elements_text(c.value -> 'depends_on') AS d)
    FROM jsonb_array_elements(r -> 'claims') WITH ORDINALITY AS c(value, ord);

    INSERT INTO classifications (publication_key, sequence, scheme, symbol, is_first, inventive, scheme_version)
    SELECT key, c.ord, c.value ->> 'scheme', c.value ->> 'symbol', (c.value ->> 'first')::boolean,
           (c.value ->> 'inventive')::boolean, c.value ->> 'version'
    FROM jsonb_array_elements(r -> 'classifications') WITH ORDINALITY AS c(value, ord);

    INSERT INTO parties (publication_key, role, sequence, name, organization, first_name, last_name, city, country)
    SELECT key, roles.role, p.ord, p.value ->> 'name', p.value ->> 'organization',
           p.value ->> 'first_name', p.value ->> 'last_name', p.value ->> 'city', p.value ->> 'country'
    FROM (VALUES ('applicant', 'applicants'), ('inventor', 'inventors'),
                 ('assignee', 'assignees'), ('agent', 'agents')) AS roles(role, field)
         CROSS JOIN LATERAL jsonb_array_elements(r -> roles.field) WITH ORDINALITY AS p(value, ord);

    INSERT INTO citations (publication_key, sequence, citation_type, country, number, kind, date, npl_text, cited_by)
    SELECT key, c.ord, c.value ->> 'type', c.value -> 'document' ->> 'country',
           c.value -> 'document' ->> 'number', c.value -> 'document' ->> 'kind',
           c.value -> 'document' ->> 'date', c.value ->> 'text', c.value ->> 'cited_by'
    FROM jsonb_array_elements(r -> 'citations') WITH ORDINALITY AS c(value, ord);

    INSERT INTO figures (publication_key, sequence, figure_id, file, figure_numbers, view_text)
    SELECT key, f.ord, f.value ->> 'id', f.value ->> 'file',
           ARRAY(SELECT jsonb_array_elements_text(f.value -> 'figure_numbers')),
           f.value ->> 'view_text'
    FROM jsonb_array_elements(r -> 'figures') WITH ORDINALITY AS f(value, ord);

    INSERT INTO related_documents (publication_key, sequence, relation, country, number, kind, date)
    SELECT key, d.ord, d.value ->> 'relation', d.value -> 'document' ->> 'country',
           d.value -> 'document' ->> 'number', d.value -> 'document' ->> 'kind',
           d.value -> 'document' ->> 'date'
    FROM jsonb_array_elements(r -> 'related_documents') WITH ORDINALITY AS d(value, ord);

EXCEPTION
    WHEN data_exception OR integrity_constraint_violation OR program_limit_exceeded THEN
        -- everything this call wrote is rolled back; r and key keep what they held at the error
        RAISE WARNING 'p2t_upsert_patent: record % not landed: % (SQLSTATE %)', key, SQLERRM, SQLSTATE;
        INSERT INTO dead_letters (fingerprint, source, stage, reason, error_class, source_file, entry,
                                  position, publication_key, raw, raw_size, occurred_at)
        VALUES (encode(sha256(convert_to('landing-postgres' || record_json, 'UTF8')), 'hex'),
                'patents.normalized',
                'landing-postgres',
                SQLERRM,
                'SQLSTATE ' || SQLSTATE,
                r -> 'source' ->> 'file',
                r -> 'source' ->> 'entry',
                CASE WHEN jsonb_typeof(r -> 'source' -> 'position') = 'number'
                          AND (r -> 'source' ->> 'position')::numeric BETWEEN 0 AND 9223372036854775807
                     THEN (r -> 'source' ->> 'position')::numeric::bigint END,
                key,
                convert_to(record_json, 'UTF8'),
                octet_length(record_json),
                now())
        ON CONFLICT (fingerprint) DO NOTHING;
END
$$;
