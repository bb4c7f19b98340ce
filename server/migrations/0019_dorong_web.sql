-- Scheduled work and Web Push (issue 11, item 4; docs/wfh.md §4, docs/ARCHITECTURE.md "Penjadwal").
-- The job queue's own tables (schema pgboss) are created by pg-boss when the server starts.

-- The installation's VAPID key pair (RFC 8292): one per installation, made at the first start. Push
-- services know a sender by its public key, and every subscription is bound to the key it was made with,
-- so the pair is never replaced silently. The private key is encrypted at rest with the server's keyring
-- (SIGAP_KUNCI_WAJAH, server/src/modules/wajah/kunci.ts): AES-256-GCM, the AAD naming this row.
CREATE TABLE kunci_vapid (
  id smallint PRIMARY KEY CHECK (id = 1),
  publik text NOT NULL CHECK (publik ~ '^[A-Za-z0-9_-]{80,100}$'),
  privat_sandi bytea NOT NULL,
  privat_iv bytea NOT NULL,
  privat_kunci_id text NOT NULL,
  dibuat_pada timestamptz NOT NULL DEFAULT now()
);

-- One row per browser (device) that asked for reminders, per account: the push service's endpoint and the
-- keys the payload is encrypted to (RFC 8291). A notice for a person goes to the devices of the accounts
-- linked to that person (app_user.pegawai_id, read when it is sent). Personal data: kept until the person
-- turns reminders off, the push service answers 404/410 (the browser dropped it), or the account is
-- removed (docs/privacy.md).
CREATE TABLE langganan_dorong (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  endpoint text NOT NULL CHECK (length(endpoint) BETWEEN 12 AND 1000),
  p256dh text NOT NULL CHECK (p256dh ~ '^[A-Za-z0-9_-]{87}$'),
  auth text NOT NULL CHECK (auth ~ '^[A-Za-z0-9_-]{22}$'),
  -- the language the person used when subscribing: the notification's text follows it
  bahasa text NOT NULL DEFAULT 'id' CHECK (bahasa IN ('id', 'en')),
  dibuat_pada timestamptz NOT NULL DEFAULT now(),
  terakhir_berhasil timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, endpoint),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX langganan_dorong_user ON langganan_dorong (tenant_id, user_id);

ALTER TABLE langganan_dorong ENABLE ROW LEVEL SECURITY;
ALTER TABLE langganan_dorong FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON langganan_dorong
  USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant());

-- Once-only keys of scheduled firings and one-off jobs (server/src/penjadwal): a (task, key) pair is
-- inserted in the same transaction as its job, so two servers sharing this database enqueue it once,
-- however often a schedule fires or a start catches up. Installation-wide, like the queue itself; rows
-- older than 30 days are removed by the daily retention.
CREATE TABLE penjadwal_kunci (
  tugas text NOT NULL CHECK (length(tugas) BETWEEN 1 AND 100),
  kunci text NOT NULL CHECK (length(kunci) BETWEEN 1 AND 300),
  job_id uuid,
  dibuat_pada timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tugas, kunci)
);

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON langganan_dorong TO sigap_app;
  END IF;
END $$;
