-- One row per (application, source, task) of the store of record, locked by every transaction that replaces a
-- window of it: two processes storing windows of the same application (two jobs on one app, or two nodes) then
-- write one after the other, and the second replaces what the first stored instead of failing on a duplicate key
-- or leaving overlapping windows. Created on first use (an atomic upsert, which takes the row lock).
CREATE TABLE IF NOT EXISTS window_write_lock (
    app_id           BIGINT       NOT NULL,
    source           VARCHAR(16)  NOT NULL,  -- LossSource name: ALL_MEMBER | NORMAL
    task_id          VARCHAR(256) NOT NULL,  -- '' for overall statistics and normal push
    last_fetched_at  TIMESTAMP WITH TIME ZONE NOT NULL,  -- the fetch time of the last window written
    PRIMARY KEY (app_id, source, task_id)
);
