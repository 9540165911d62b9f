-- Landing of one EnrichedPatent record (the JSON of io.patent2tech.connectors.json.AvroJson).
--
-- A repeatable migration: Flyway re-applies it whenever this file changes.
--
-- CALL p2t_upsert_enrichment(json) is the only statement the enrichment sink sends, one per
-- record, batched. The procedure
--   * inserts the evaluation of a new publication, and its analysis when the record has one;
--   * replaces both when the stored record differs from the incoming one (other content, other
--     settings, other answers) and the incoming one is not older (enriched_time); an analysis
--     row whose record has no analysis is removed, so the tables always show one evaluation;
--   * does nothing at all (no write, xmin and updated_at unchanged) when the stored record equals
--     the incoming one apart from enriched_time: a replay, or the same evaluation computed again,
--     changes nothing;
--   * turns a record the tables cannot hold (invalid JSON, a missing required value, ...) into a
--     row of dead_letters instead of failing the batch and the job. Other errors (connection,
--     deadlock, serialization) propagate so the sink retries the batch.
-- The stored record leaves out embedding.vector (embedding.model stays): the vector is served by
-- Elasticsearch and would dominate the row size. The argument is text rather than jsonb so that
-- even JSON PostgreSQL cannot read (e.g. \u0000) reaches the error handler.

CREATE OR REPLACE FUNCTION p2t_text_array(items jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE AS
$$
    -- a JSON array of strings as text[]; null when the value is absent or not an array
    SELECT CASE WHEN jsonb_typeof(items) = 'array'
                THEN ARRAY(SELECT jsonb_array_elements_text(items)) END
$$;

CREATE OR REPLACE PROCEDURE p2t_upsert_enrichment(record_json text)
    LANGUAGE plpgsql AS
$$
DECLARE
    r      jsonb;
    stored jsonb;
    key    text;
    n      jsonb;
    i      jsonb;
    a      jsonb;
    landed text;
BEGIN
    r := record_json::jsonb;
    key := r ->> 'publication_key';
    stored := CASE WHEN jsonb_typeof(r -> 'embedding') = 'object'
                   THEN jsonb_set(r, '{embedding}', (r -> 'embedding') - 'vector')
                   ELSE r END;
    n := r -> 'novelty';
    i := r -> 'inventive_step';
    a := r -> 'analysis';

    INSERT INTO patent_evaluations AS e (
        publication_key, content_hash, patent_version, settings_fingerprint, language, jurisdiction,
        technology_field, embedding_model, features,
        novelty_rule_score, novelty_rag_score, novelty_llm_score, novelty_score, is_novel,
        novelty_threshold, novelty_stages, novelty_weights,
        inventive_rule_score, precedent_score, inventive_llm_score, inventive_score, has_inventive_step,
        inventive_threshold, inventive_stages, inventive_weights,
        prior_art, novelty_passages, inventive_step_passages, retrieval_error,
        novelty_llm_status, novelty_llm_model, novelty_llm_prompt_version, novelty_llm_verdict,
        novelty_llm_confidence, novelty_llm_reasoning, novelty_llm_key_differences, novelty_llm_error,
        novelty_llm_attempts, novelty_llm_latency_ms, novelty_llm_prompt_tokens,
        novelty_llm_completion_tokens,
        inventive_llm_status, inventive_llm_model, inventive_llm_prompt_version, inventive_llm_verdict,
        inventive_llm_confidence, inventive_llm_reasoning, inventive_llm_error,
        inventive_llm_attempts, inventive_llm_latency_ms, inventive_llm_prompt_tokens,
        inventive_llm_completion_tokens,
        enriched_time, record)
    VALUES (key,
            r ->> 'content_hash',
            (r ->> 'patent_version')::integer,
            r ->> 'settings_fingerprint',
            r ->> 'language',
            r ->> 'jurisdiction',
            i ->> 'technology_field',
            r -> 'embedding' ->> 'model',
            p2t_text_array(n -> 'features'),
            (n ->> 'rule_score')::double precision,
            (n ->> 'rag_score')::double precision,
            (n ->> 'llm_score')::double precision,
            (n ->> 'final_score')::double precision,
            (n ->> 'is_novel')::boolean,
            (n ->> 'threshold')::double precision,
            p2t_text_array(n -> 'stages_used'),
            n -> 'weights',
            (i ->> 'rule_score')::double precision,
            (i ->> 'precedent_score')::double precision,
            (i ->> 'llm_score')::double precision,
            (i ->> 'final_score')::double precision,
            (i ->> 'has_inventive_step')::boolean,
            (i ->> 'threshold')::double precision,
            p2t_text_array(i -> 'stages_used'),
            i -> 'weights',
            r -> 'prior_art',
            r -> 'novelty_passages',
            r -> 'inventive_step_passages',
            r ->> 'retrieval_error',
            n -> 'llm' ->> 'status',
            n -> 'llm' ->> 'model',
            n -> 'llm' ->> 'prompt_version',
            (n -> 'llm' ->> 'verdict')::boolean,
            (n -> 'llm' ->> 'confidence')::double precision,
            n -> 'llm' ->> 'reasoning',
            p2t_text_array(n -> 'llm' -> 'key_differences'),
            n -> 'llm' ->> 'error',
            (n -> 'llm' ->> 'attempts')::integer,
            (n -> 'llm' ->> 'latency_ms')::bigint,
            (n -> 'llm' ->> 'prompt_tokens')::integer,
            (n -> 'llm' ->> 'completion_tokens')::integer,
            i -> 'llm' ->> 'status',
            i -> 'llm' ->> 'model',
            i -> 'llm' ->> 'prompt_version',
            (i -> 'llm' ->> 'verdict')::boolean,
            (i -> 'llm' ->> 'confidence')::double precision,
            i -> 'llm' ->> 'reasoning',
            i -> 'llm' ->> 'error',
            (i -> 'llm' ->> 'attempts')::integer,
            (i -> 'llm' ->> 'latency_ms')::bigint,
            (i -> 'llm' ->> 'prompt_tokens')::integer,
            (i -> 'llm' ->> 'completion_tokens')::integer,
            to_timestamp((r ->> 'enriched_time')::bigint / 1000.0),
            stored)
    ON CONFLICT (publication_key) DO UPDATE
        SET content_hash                    = EXCLUDED.content_hash,
            patent_version                  = EXCLUDED.patent_version,
            settings_fingerprint            = EXCLUDED.settings_fingerprint,
            language                        = EXCLUDED.language,
            jurisdiction                    = EXCLUDED.jurisdiction,
            technology_field                = EXCLUDED.technology_field,
            embedding_model                 = EXCLUDED.embedding_model,
            features                        = EXCLUDED.features,
            novelty_rule_score              = EXCLUDED.novelty_rule_score,
            novelty_rag_score               = EXCLUDED.novelty_rag_score,
            novelty_llm_score               = EXCLUDED.novelty_llm_score,
            novelty_score                   = EXCLUDED.novelty_score,
            is_novel                        = EXCLUDED.is_novel,
            novelty_threshold               = EXCLUDED.novelty_threshold,
            novelty_stages                  = EXCLUDED.novelty_stages,
            novelty_weights                 = EXCLUDED.novelty_weights,
            inventive_rule_score            = EXCLUDED.inventive_rule_score,
            precedent_score                 = EXCLUDED.precedent_score,
            inventive_llm_score             = EXCLUDED.inventive_llm_score,
            inventive_score                 = EXCLUDED.inventive_score,
            has_inventive_step              = EXCLUDED.has_inventive_step,
            inventive_threshold             = EXCLUDED.inventive_threshold,
            inventive_stages                = EXCLUDED.inventive_stages,
            inventive_weights               = EXCLUDED.inventive_weights,
            prior_art                       = EXCLUDED.prior_art,
            novelty_passages                = EXCLUDED.novelty_passages,
            inventive_step_passages         = EXCLUDED.inventive_step_passages,
            retrieval_error                 = EXCLUDED.retrieval_error,
            novelty_llm_status              = EXCLUDED.novelty_llm_status,
            novelty_llm_model               = EXCLUDED.novelty_llm_model,
            novelty_llm_prompt_version      = EXCLUDED.novelty_llm_prompt_version,
            novelty_llm_verdict             = EXCLUDED.novelty_llm_verdict,
            novelty_llm_confidence          = EXCLUDED.novelty_llm_confidence,
            novelty_llm_reasoning           = EXCLUDED.novelty_llm_reasoning,
            novelty_llm_key_differences     = EXCLUDED.novelty_llm_key_differences,
            novelty_llm_error               = EXCLUDED.novelty_llm_error,
            novelty_llm_attempts            = EXCLUDED.novelty_llm_attempts,
            novelty_llm_latency_ms          = EXCLUDED.novelty_llm_latency_ms,
            novelty_llm_prompt_tokens       = EXCLUDED.novelty_llm_prompt_tokens,
            novelty_llm_completion_tokens   = EXCLUDED.novelty_llm_completion_tokens,
            inventive_llm_status            = EXCLUDED.inventive_llm_status,
            inventive_llm_model             = EXCLUDED.inventive_llm_model,
            inventive_llm_prompt_version    = EXCLUDED.inventive_llm_prompt_version,
            inventive_llm_verdict           = EXCLUDED.inventive_llm_verdict,
            inventive_llm_confidence        = EXCLUDED.inventive_llm_confidence,
            inventive_llm_reasoning         = EXCLUDED.inventive_llm_reasoning,
            inventive_llm_error             = EXCLUDED.inventive_llm_error,
            inventive_llm_attempts          = EXCLUDED.inventive_llm_attempts,
            inventive_llm_latency_ms        = EXCLUDED.inventive_llm_latency_ms,
            inventive_llm_prompt_tokens     = EXCLUDED.inventive_llm_prompt_tokens,
            inventive_llm_completion_tokens = EXCLUDED.inventive_llm_completion_tokens,
            enriched_time                   = EXCLUDED.enriched_time,
            updated_at                      = now(),
            record                          = EXCLUDED.record
        -- enriched_time is left out of the comparison: computing the same evaluation again is no
        -- change, so the row keeps the time it was first computed
        WHERE e.record - 'enriched_time' <> EXCLUDED.record - 'enriched_time'
          AND e.enriched_time <= EXCLUDED.enriched_time
    RETURNING e.publication_key INTO landed;

    IF landed IS NULL THEN
        RETURN;
    END IF;

    IF jsonb_typeof(a) IS DISTINCT FROM 'object' THEN
        DELETE FROM patent_analyses WHERE publication_key = key;
        RETURN;
    END IF;

    INSERT INTO patent_analyses AS t (publication_key, content_hash, status, model, prompt_version,
                                      core_concepts, implementation_feasibility, related_fields,
                                      commercial_applications, implementation_outline, error,
                                      attempts, latency_ms, prompt_tokens, completion_tokens, record)
    VALUES (key,
            r ->> 'content_hash',
            a ->> 'status',
            a ->> 'model',
            a ->> 'prompt_version',
            p2t_text_array(a -> 'core_concepts'),
            a ->> 'implementation_feasibility',
            p2t_text_array(a -> 'related_fields'),
            p2t_text_array(a -> 'commercial_applications'),
            p2t_text_array(a -> 'implementation_outline'),
            a ->> 'error',
            (a ->> 'attempts')::integer,
            (a ->> 'latency_ms')::bigint,
            (a ->> 'prompt_tokens')::integer,
            (a ->> 'completion_tokens')::integer,
            a)
    ON CONFLICT (publication_key) DO UPDATE
        SET content_hash               = EXCLUDED.content_hash,
            status                     = EXCLUDED.status,
            model                      = EXCLUDED.model,
            prompt_version             = EXCLUDED.prompt_version,
            core_concepts              = EXCLUDED.core_concepts,
            implementation_feasibility = EXCLUDED.implementation_feasibility,
            related_fields             = EXCLUDED.related_fields,
            commercial_applications    = EXCLUDED.commercial_applications,
            implementation_outline     = EXCLUDED.implementation_outline,
            error                      = EXCLUDED.error,
            attempts                   = EXCLUDED.attempts,
            latency_ms                 = EXCLUDED.latency_ms,
            prompt_tokens              = EXCLUDED.prompt_tokens,
            completion_tokens          = EXCLUDED.completion_tokens,
            updated_at                 = now(),
            record                     = EXCLUDED.record
        -- a new evaluation (e.g. other novelty settings) often carries the same analysis
        WHERE (t.content_hash, t.record) IS DISTINCT FROM (EXCLUDED.content_hash, EXCLUDED.record);

EXCEPTION
    WHEN data_exception OR integrity_constraint_violation OR program_limit_exceeded THEN
        -- everything this call wrote is rolled back; key keeps what it held at the error
        RAISE WARNING 'p2t_upsert_enrichment: record % not landed: % (SQLSTATE %)', key, SQLERRM, SQLSTATE;
        INSERT INTO dead_letters (fingerprint, source, stage, reason, error_class, publication_key,
                                  raw, raw_size, occurred_at)
        VALUES (encode(sha256(convert_to('landing-postgres' || record_json, 'UTF8')), 'hex'),
                'patents.enriched',
                'landing-postgres',
                SQLERRM,
                'SQLSTATE ' || SQLSTATE,
                key,
                convert_to(record_json, 'UTF8'),
                octet_length(record_json),
                now())
        ON CONFLICT (fingerprint) DO NOTHING;
END
$$;
