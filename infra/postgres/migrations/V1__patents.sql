-- Landing tables for topic patents.normalized (Avro io.patent2tech.schema.Patent).
--
-- One row per publication in `patents`, keyed by the publication key (US-8930553-B2), with the
-- whole record as jsonb; child tables hold the repeated parts in source order (`sequence`, from 1).
-- Rows are written only by the procedure p2t_upsert_patent (R__p2t_upsert_patent.sql), which
-- replaces a patent and all its children in one step, so readers never see half a record.
-- Column meanings: docs/data-model.md.

CREATE TABLE patents (
    publication_key     text        PRIMARY KEY,
    country             text        NOT NULL,
    number              text        NOT NULL,
    kind                text,
    publication_date    date,
    application_key     text,
    application_number  text,
    application_date    date,
    document_type       text,
    family_id           text,
    language            text,
    title               text,
    abstract            text,
    content_hash        text        NOT NULL,
    version             integer     NOT NULL,
    source_office       text        NOT NULL,
    source_product      text,
    source_file         text        NOT NULL,
    source_entry        text,
    source_position     bigint      NOT NULL,
    source_offset       bigint,
    ingest_time         timestamptz NOT NULL,
    first_seen          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    record              jsonb       NOT NULL
);

CREATE INDEX patents_application_key_idx ON patents (application_key);
CREATE INDEX patents_family_id_idx ON patents (family_id) WHERE family_id IS NOT NULL;
CREATE INDEX patents_publication_date_idx ON patents (publication_date);

CREATE TABLE claims (
    publication_key text    NOT NULL REFERENCES patents ON DELETE CASCADE,
    sequence        integer NOT NULL,
    claim_number    integer NOT NULL,
    text            text    NOT NULL,
    independent     boolean NOT NULL,
    depends_on      integer[] NOT NULL,
    PRIMARY KEY (publication_key, sequence)
);

CREATE TABLE classifications (
    publication_key text    NOT NULL REFERENCES patents ON DELETE CASCADE,
    sequence        integer NOT NULL,
    scheme          text    NOT NULL,
    symbol          text    NOT NULL,
    is_first        boolean NOT NULL,
    inventive       boolean,
    scheme_version  text,
    PRIMARY KEY (publication_key, sequence)
);

CREATE INDEX classifications_symbol_idx ON classifications (scheme, symbol);

CREATE TABLE parties (
    publication_key text    NOT NULL REFERENCES patents ON DELETE CASCADE,
    role            text    NOT NULL CHECK (role IN ('applicant', 'inventor', 'assignee', 'agent')),
    sequence        integer NOT NULL,
    name            text    NOT NULL,
    organization    text,
    first_name      text,
    last_name       text,
    city            text,
    country         text,
    PRIMARY KEY (publication_key, role, sequence)
);

CREATE INDEX parties_name_idx ON parties (lower(name));

CREATE TABLE citations (
    publication_key text    NOT NULL REFERENCES patents ON DELETE CASCADE,
    sequence        integer NOT NULL,
    citation_type   text    NOT NULL,
    country         text,
    number          text,
    kind            text,
    -- as the office gives it; USPTO citation dates are often partial (2010-11)
    date            text,
    npl_text        text,
    cited_by        text,
    PRIMARY KEY (publication_key, sequence)
);

CREATE INDEX citations_document_idx ON citations (country, number) WHERE number IS NOT NULL;

CREATE TABLE figures (
    publication_key text    NOT NULL REFERENCES patents ON DELETE CASCADE,
    sequence        integer NOT NULL,
    figure_id       text    NOT NULL,
    file            text,
    figure_numbers  text[]  NOT NULL,
    view_text       text,
    PRIMARY KEY (publication_key, sequence)
);

CREATE TABLE related_documents (
    publication_key text    NOT NULL REFERENCES patents ON DELETE CASCADE,
    sequence        integer NOT NULL,
    relation        text    NOT NULL,
    country         text    NOT NULL,
    number          text    NOT NULL,
    kind            text,
    date            text,
    PRIMARY KEY (publication_key, sequence)
);

CREATE INDEX related_documents_document_idx ON related_documents (country, number);

-- Inputs that could not be landed (Avro io.patent2tech.schema.DeadLetter). `fingerprint` names
-- the failed input (e.g. sha256 of stage and raw bytes) so that a replay adds no second row:
-- writers insert with ON CONFLICT (fingerprint) DO NOTHING.
CREATE TABLE dead_letters (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fingerprint     text        NOT NULL UNIQUE,
    source          text        NOT NULL,
    stage           text        NOT NULL,
    reason          text        NOT NULL,
    error_class     text,
    source_file     text,
    entry           text,
    position        bigint,
    source_offset   bigint,
    publication_key text,
    raw             bytea,
    raw_size        bigint,
    raw_pointer     text,
    occurred_at     timestamptz NOT NULL,
    landed_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX dead_letters_stage_idx ON dead_letters (stage, occurred_at);
CREATE INDEX dead_letters_publication_key_idx ON dead_letters (publication_key) WHERE publication_key IS NOT NULL;
