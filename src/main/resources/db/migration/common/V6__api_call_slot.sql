-- The vendor's frequency limit is per application and API, shared by every process that calls it: one row per
-- limit key (base URL, SDKAppID, API) with the next free call start, in microseconds of the database's clock.
CREATE TABLE IF NOT EXISTS api_call_slot (
    limit_key          VARCHAR(512) NOT NULL PRIMARY KEY,
    next_start_micros  BIGINT       NOT NULL
);
