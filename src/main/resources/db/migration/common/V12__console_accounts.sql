-- The console's accounts, shared by every serve node: a name, a role and a password hash (Spring Security's
-- delegating encoder, "{bcrypt}..."), never the password. Repeated failed logins lock an account for a while.
CREATE TABLE IF NOT EXISTS console_account (
    name             VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash    VARCHAR(255) NOT NULL,
    role             VARCHAR(16)  NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR')),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_attempts  INT          NOT NULL DEFAULT 0,
    locked_until     TIMESTAMP WITH TIME ZONE
);
