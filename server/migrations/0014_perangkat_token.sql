-- Terminals that push their punches live (POST /api/perangkat/kejadian, docs/kehadiran.md "Kiriman
-- langsung dari mesin"): a terminal may now hold a device token too, not only a kiosk. Only the token's
-- SHA-256 (hex) is stored; the token itself is printed once when issued (`sigap attendance terminal
-- <kode> --token`).

-- 0008 allowed a token only on a kiosk (CHECK (token_hash IS NULL OR jenis = 'kiosk')): both kinds may
-- hold one now, so the rule goes; what remains is that a stored hash is a SHA-256.
ALTER TABLE perangkat DROP CONSTRAINT perangkat_check;
ALTER TABLE perangkat ADD CONSTRAINT perangkat_token_hash_sha256
  CHECK (token_hash IS NULL OR token_hash ~ '^[0-9a-f]{64}$');
-- When the current token was issued.
ALTER TABLE perangkat ADD COLUMN token_dibuat_pada timestamptz;

-- Tokens no longer valid: replaced by a new one (diganti) or revoked (dicabut). Kept so that a device
-- still sending one is told in words that its token was revoked, and when, instead of "unknown token".
CREATE TABLE perangkat_token_lama (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  perangkat_id uuid NOT NULL,
  alasan text NOT NULL CHECK (alasan IN ('diganti', 'dicabut')),
  dibuat_pada timestamptz,
  dicabut_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, perangkat_id) REFERENCES perangkat (tenant_id, id)
);

ALTER TABLE perangkat_token_lama ENABLE ROW LEVEL SECURITY;
ALTER TABLE perangkat_token_lama FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON perangkat_token_lama
  USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant());
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT ON perangkat_token_lama TO sigap_app;
  END IF;
END $$;
