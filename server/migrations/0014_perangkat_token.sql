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

-- The terminal holding a current token, in one statement (a push checks its token before its body is read,
-- on every request: one round trip instead of a transaction's four). It binds the Pemda itself, for this
-- statement only (set_config local to the statement's own transaction), so row-level security still
-- applies, and it filters by that Pemda too. Called outside any transaction (token.repository.ts).
CREATE FUNCTION sigap_perangkat_token(p_tenant uuid, p_hash text)
  RETURNS TABLE (id uuid, kode text, nama text, jenis text, opd_id uuid, opd_kode text,
                 dicabut_pada timestamptz, created_at timestamptz, zona_waktu text)
  LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('sigap.tenant_id', p_tenant::text, true);
  RETURN QUERY
    SELECT p.id, p.kode, p.nama, p.jenis, p.opd_id, o.kode, p.dicabut_pada, p.created_at, t.zona_waktu
      FROM perangkat p
      JOIN opd o ON o.tenant_id = p.tenant_id AND o.id = p.opd_id
      JOIN tenant t ON t.id = p.tenant_id
     WHERE p.tenant_id = p_tenant AND p.token_hash = p_hash;
END $$;
