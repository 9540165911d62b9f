-- Landing tables for topic patents.enriched (Avro io.patent2tech.schema.EnrichedPatent).
--
-- `patent_evaluations` holds the latest evaluation of each publication: the novelty and
-- inventive-step scores with every stage that produced them, the retrieved prior art and legal
-- passages, and what the language model answered. `patent_analyses` holds the technology analysis
-- of the same record, when it has one. Both keep the record as jsonb (without the embedding
-- vector, which Elasticsearch serves and which would make every row several kB larger).
-- Rows are written only by the procedure p2t_upsert_enrichment (R__p2t_upsert_enrichment.sql).
--
-- There is deliberately no foreign key to `patents`: the enrich job and the landing job read
-- their topics independently, so an evaluation may land before (or without) its patent row.
-- Column meanings: docs/data-model.md.

CREATE TABLE patent_evaluations (
    publication_key                 text             PRIMARY KEY,
    content_hash                    text             NOT NULL,
    patent_version                  integer          NOT NULL,
    settings_fingerprint            text             NOT NULL,
    language                        text,
    jurisdiction                    text,
    technology_field                text             NOT NULL,
    embedding_model                 text,
    features                        text[]           NOT NULL,

    novelty_rule_score              double precision NOT NULL,
    novelty_rag_score               double precision,
    novelty_llm_score               double precision,
    novelty_score                   double precision NOT NULL,
    is_novel                        boolean          NOT NULL,
    novelty_threshold               double precision NOT NULL,
    novelty_stages                  text[]           NOT NULL,
    novelty_weights                 jsonb            NOT NULL,

    inventive_rule_score            double precision NOT NULL,
    precedent_score                 double precision,
    inventive_llm_score             double precision,
    inventive_score                 double precision NOT NULL,
    has_inventive_step              boolean          NOT NULL,
    inventive_threshold             double precision NOT NULL,
    inventive_stages                text[]           NOT NULL,
    inventive_weights               jsonb            NOT NULL,

    prior_art                       jsonb            NOT NULL,
    novelty_passages                jsonb            NOT NULL,
    inventive_step_passages         jsonb            NOT NULL,
    retrieval_error                 text,

    -- the language model's answer to each question; all null when the LLM stage did not run
    novelty_llm_status              text,
    novelty_llm_model               text,
    novelty_llm_prompt_version      text,
    novelty_llm_verdict             boolean,
    novelty_llm_confidence          double precision,
    novelty_llm_reasoning           text,
    novelty_llm_key_differences     text[],
    novelty_llm_error               text,
    novelty_llm_attempts            integer,
    novelty_llm_latency_ms          bigint,
    novelty_llm_prompt_tokens       integer,
    novelty_llm_completion_tokens   integer,

    inventive_llm_status            text,
    inventive_llm_model             text,
    inventive_llm_prompt_version    text,
    inventive_llm_verdict           boolean,
    inventive_llm_confidence        double precision,
    inventive_llm_reasoning         text,
    inventive_llm_error             text,
    inventive_llm_attempts          integer,
    inventive_llm_latency_ms        bigint,
    inventive_llm_prompt_tokens     integer,
    inventive_llm_completion_tokens integer,

    enriched_time                   timestamptz      NOT NULL,
    updated_at                      timestamptz      NOT NULL DEFAULT now(),
    record                          jsonb            NOT NULL
);

-- the usual question: which patents are novel and inventive (then ordered by score)
CREATE INDEX patent_evaluations_verdict_idx ON patent_evaluations (is_novel, has_inventive_step);

-- One row per evaluation that carries an analysis; removed with its evaluation row.
CREATE TABLE patent_analyses (
    publication_key             text        PRIMARY KEY REFERENCES patent_evaluations ON DELETE CASCADE,
    content_hash                text        NOT NULL,
    status                      text        NOT NULL,
    model                       text        NOT NULL,
    prompt_version              text        NOT NULL,
    core_concepts               text[]      NOT NULL,
    implementation_feasibility  text,
    related_fields              text[]      NOT NULL,
    commercial_applications     text[]      NOT NULL,
    implementation_outline      text[]      NOT NULL,
    error                       text,
    attempts                    integer     NOT NULL,
    latency_ms                  bigint      NOT NULL,
    prompt_tokens               integer,
    completion_tokens           integer,
    updated_at                  timestamptz NOT NULL DEFAULT now(),
    record                      jsonb       NOT NULL
);
