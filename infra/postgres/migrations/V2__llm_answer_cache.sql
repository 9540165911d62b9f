-- Answers of the language model, so replays and duplicates never ask the model twice
-- (issue 3, point 6). Keyed by what determines an answer: the task (novelty, inventive-step,
-- analysis), the model, the prompt version and the content hash of the patent. Only valid answers
-- are stored; failures (timeouts, invalid JSON) are retried on the next attempt.
-- The retrieved prior art is part of the novelty prompt but not of the key: an answer stays valid
-- for a patent's content even when newer prior art lands (docs/scoring.md explains why).

CREATE TABLE llm_answer_cache (
    task               text        NOT NULL,
    model              text        NOT NULL,
    prompt_version     text        NOT NULL,
    content_hash       text        NOT NULL,
    answer             jsonb       NOT NULL,
    prompt_tokens      integer,
    completion_tokens  integer,
    latency_ms         bigint      NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (task, model, prompt_version, content_hash)
);
