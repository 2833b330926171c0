-- The delivery ledger: one row per job, report week and set of recipients that the weekly email was (or is
-- being) sent to. A row is inserted as PENDING and committed before the message is handed to SMTP, and marked
-- SENT afterwards, so a re-run never sends a SENT week again and a crash in between resends the SAME Message-ID.
CREATE TABLE IF NOT EXISTS delivery_ledger (
    job_name         VARCHAR(128)  NOT NULL,
    report_week      VARCHAR(8)    NOT NULL,  -- ISO week, e.g. 2026-W46
    recipients_hash  CHAR(64)      NOT NULL,  -- SHA-256 hex of the sorted, lower-cased to/cc/bcc addresses
    message_id       VARCHAR(255)  NOT NULL,  -- <...@...>, generated before the first attempt
    state            VARCHAR(16)   NOT NULL CHECK (state IN ('PENDING', 'SENT')),
    attempts         INT           NOT NULL DEFAULT 0,   -- SMTP attempts for this Message-ID
    recipient_count  INT           NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(1024),                      -- operator-facing, never a stack trace
    PRIMARY KEY (job_name, report_week, recipients_hash)
);

CREATE UNIQUE INDEX IF NOT EXISTS delivery_ledger_by_message_id ON delivery_ledger (message_id);
