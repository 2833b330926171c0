-- An email written to the outbox folder (no SMTP host configured) is recorded as OUTBOX, never as SENT: nothing
-- left the host. The state column is rebuilt because its CHECK constraint has no portable name to drop.
ALTER TABLE delivery_ledger ADD COLUMN delivery_state VARCHAR(16);
UPDATE delivery_ledger SET delivery_state = state;
ALTER TABLE delivery_ledger DROP COLUMN state;
ALTER TABLE delivery_ledger RENAME COLUMN delivery_state TO state;
ALTER TABLE delivery_ledger ALTER COLUMN state SET NOT NULL;
ALTER TABLE delivery_ledger ADD CONSTRAINT delivery_ledger_state_check CHECK (state IN ('PENDING', 'SENT', 'OUTBOX'));
