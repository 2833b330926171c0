-- The cluster-wide lock of a job's week: Spring Integration's JdbcLockRegistry table (INT_LOCK), the same SQL on H2
-- and PostgreSQL. One row per held lock: LOCK_KEY is the UUID of "<job> <week>", CLIENT_ID names the holder
-- ("<host>/<pid>", wider than the library's CHAR(36) so that it can say who runs the week), EXPIRED_AFTER is pushed
-- forward by the holder while it runs (UTC, the holder's clock). A holder that dies stops renewing, and its row
-- expires.
CREATE TABLE IF NOT EXISTS INT_LOCK (
    LOCK_KEY       CHAR(36)     NOT NULL,
    REGION         VARCHAR(100) NOT NULL,
    CLIENT_ID      VARCHAR(255),
    CREATED_DATE   TIMESTAMP    NOT NULL,
    EXPIRED_AFTER  TIMESTAMP    NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
