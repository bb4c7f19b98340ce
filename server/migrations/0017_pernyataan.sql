-- The stay-home statement (surat pernyataan) a person signs when a policy's kewajiban_wfh rule asks for it
-- (issue 11, item 1; docs/wfh.md §2). One row per signed statement: a person signs once per policy version.
-- A statement not signed yet is not stored: it is worded from the policy and the person when shown.
--
--   kebijakan_id, kebijakan_versi  the policy version that asked for it (no foreign key: the statement is
--                                  evidence kept as signed, whatever later happens to the policy's rows)
--   teks_id, teks_en               the exact text signed (Indonesian) and its English rendering
--   bagian                         the same text in its parts ({id, en}: title, identity lines, points…)
--   masukan                        what the text was made of (person, policy words, dates), as JSON
--   versi_teks                     the wording's version (domain VERSI_TEKS_PERNYATAAN)
--   hash                           SHA-256 (hex) of versi_teks, teks_id and teks_en: the verification code
--   ditandatangani_pada            the server's clock at signing
--   user_id, username              the account that signed
--   user_agent, perangkat, ip      the device: its user agent, the label the app gave, the address
--   id_klien, hash_isi             the client's idempotency key and the SHA-256 of the request it came with
CREATE TABLE pernyataan_wfh (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid NOT NULL,
  kebijakan_id text NOT NULL CHECK (length(kebijakan_id) BETWEEN 1 AND 80),
  kebijakan_versi integer NOT NULL CHECK (kebijakan_versi >= 1),
  teks_id text NOT NULL CHECK (length(teks_id) BETWEEN 1 AND 20000),
  teks_en text NOT NULL CHECK (length(teks_en) BETWEEN 1 AND 20000),
  bagian jsonb NOT NULL,
  masukan jsonb NOT NULL,
  versi_teks integer NOT NULL,
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  ditandatangani_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  user_id uuid,
  username text NOT NULL,
  user_agent text NOT NULL DEFAULT '' CHECK (length(user_agent) <= 500),
  perangkat text NOT NULL DEFAULT '' CHECK (length(perangkat) <= 100),
  ip text NOT NULL DEFAULT '' CHECK (length(ip) <= 100),
  id_klien uuid,
  hash_isi text,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id),
  UNIQUE (tenant_id, pegawai_id, kebijakan_id, kebijakan_versi),
  CHECK (id_klien IS NULL OR hash_isi IS NOT NULL)
);
CREATE INDEX pernyataan_wfh_kebijakan ON pernyataan_wfh (tenant_id, kebijakan_id, kebijakan_versi);
CREATE UNIQUE INDEX pernyataan_wfh_id_klien_uq ON pernyataan_wfh (tenant_id, id_klien) WHERE id_klien IS NOT NULL;

-- A signed statement is evidence: never changed, never deleted (as koreksi_kehadiran in 0013).
CREATE FUNCTION pernyataan_wfh_tetap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'surat pernyataan yang ditandatangani disimpan sebagai bukti: % ditolak', TG_OP
    USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER pernyataan_wfh_tetap BEFORE UPDATE OR DELETE ON pernyataan_wfh
  FOR EACH ROW EXECUTE FUNCTION pernyataan_wfh_tetap();
CREATE TRIGGER pernyataan_wfh_no_truncate BEFORE TRUNCATE ON pernyataan_wfh
  FOR EACH STATEMENT EXECUTE FUNCTION pernyataan_wfh_tetap();

ALTER TABLE pernyataan_wfh ENABLE ROW LEVEL SECURITY;
ALTER TABLE pernyataan_wfh FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pernyataan_wfh
  USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant());
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT ON pernyataan_wfh TO sigap_app;
  END IF;
END $$;
