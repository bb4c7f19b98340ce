-- Sign-in throttle: failures are counted per (username, address) pair, so an outsider can slow down
-- only their own attempts, never lock a known account out. The sum over a username's
-- addresses is a higher ceiling that only slows sign-in down; an admin can clear both ("buka kunci").
-- Usernames are stored as typed (lower-cased), whether or not such an account exists, so the throttle
-- answers an unknown name exactly as it answers a known one.
CREATE TABLE login_gagal (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  username text NOT NULL,
  alamat text NOT NULL,
  gagal integer NOT NULL DEFAULT 0,
  terakhir timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, username, alamat)
);

ALTER TABLE login_gagal ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_gagal FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON login_gagal
  USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant());
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON login_gagal TO sigap_app;
  END IF;
END $$;

-- When the password was last set (own change or admin reset), for the accounts page. The old
-- per-account lock (five failures lock the account for 15 minutes) is gone with its columns.
ALTER TABLE app_user ADD COLUMN sandi_diubah timestamptz;
ALTER TABLE app_user DROP COLUMN gagal_login;
ALTER TABLE app_user DROP COLUMN terkunci_sampai;
