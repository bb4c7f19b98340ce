-- Face enrolment: consent, encrypted face templates and (only when the Pemda turns it on) encrypted
-- photos for a stated period. Face templates are specific (sensitive) personal data under UU 27/2022;
-- docs/privacy.md is the DPIA that explains every column below.

-- How many days enrolment photos are kept (encrypted) after enrolment; 0 = photos are never kept,
-- only the templates computed from them.
ALTER TABLE tenant ADD COLUMN simpan_foto_hari integer NOT NULL DEFAULT 0
  CHECK (simpan_foto_hari BETWEEN 0 AND 365);

-- Consent, one row per grant (history kept): who gave it, how it was recorded, for what purpose and on
-- which basis. Withdrawal marks the row (dicabut_pada/dicabut_oleh); a new grant is a new row.
CREATE TABLE wajah_persetujuan (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid NOT NULL,
  diberikan_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- the account that recorded it (NULL: the command line / system), and its name as the audit shows it
  dicatat_oleh uuid,
  dicatat_nama text NOT NULL,
  -- mandiri: the person in the app; petugas: an admin in person; massal: bulk from official photos
  cara text NOT NULL CHECK (cara IN ('mandiri', 'petugas', 'massal')),
  tujuan text NOT NULL CHECK (length(tujuan) BETWEEN 1 AND 500),
  dasar text NOT NULL CHECK (length(dasar) BETWEEN 1 AND 500),
  -- who recorded it and how (required for petugas and massal: "signed form no. ..., witnessed by ...")
  keterangan text NOT NULL DEFAULT '' CHECK (length(keterangan) <= 500),
  dicabut_pada timestamptz,
  dicabut_oleh text,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id),
  CHECK ((dicabut_pada IS NULL) = (dicabut_oleh IS NULL)),
  CHECK (cara = 'mandiri' OR length(keterangan) > 0)
);
-- At most one consent in force per person.
CREATE UNIQUE INDEX wajah_persetujuan_aktif ON wajah_persetujuan (tenant_id, pegawai_id)
  WHERE dicabut_pada IS NULL;

-- Face templates: the face-description vector (float32) encrypted with AES-256-GCM. The tenant, the
-- template id, the model and the dimension are bound as additional authenticated data, so a ciphertext
-- copied to another row or tenant does not decrypt. Deleted (really deleted) on withdrawal.
CREATE TABLE wajah_template (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  pegawai_id uuid NOT NULL,
  model text NOT NULL CHECK (length(model) BETWEEN 1 AND 200),
  dimensi integer NOT NULL CHECK (dimensi BETWEEN 8 AND 4096),
  sandi bytea NOT NULL, -- ciphertext followed by the 16-byte GCM tag
  iv bytea NOT NULL CHECK (length(iv) = 12),
  kunci_id text NOT NULL, -- which key of the keyring encrypted it (SIGAP_KUNCI_WAJAH)
  kualitas jsonb NOT NULL DEFAULT '{}', -- the photo's quality figures; never the image
  sumber text NOT NULL CHECK (sumber IN ('kamera', 'petugas', 'massal')),
  dibuat_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id)
);
CREATE INDEX wajah_template_pegawai ON wajah_template (tenant_id, pegawai_id, model);
CREATE INDEX wajah_template_kunci ON wajah_template (kunci_id);

-- Enrolment photos, kept only when tenant.simpan_foto_hari > 0, encrypted like the templates, until
-- simpan_sampai (the retention job deletes them after it; withdrawal deletes them at once).
CREATE TABLE wajah_foto (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  pegawai_id uuid NOT NULL,
  jenis text NOT NULL CHECK (jenis IN ('image/jpeg', 'image/png', 'image/webp')),
  sandi bytea NOT NULL,
  iv bytea NOT NULL CHECK (length(iv) = 12),
  kunci_id text NOT NULL,
  dibuat_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  simpan_sampai timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id),
  CHECK (simpan_sampai >= dibuat_pada)
);
CREATE INDEX wajah_foto_pegawai ON wajah_foto (tenant_id, pegawai_id);
CREATE INDEX wajah_foto_sampai ON wajah_foto (simpan_sampai);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['wajah_persetujuan', 'wajah_template', 'wajah_foto'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant())', t);
  END LOOP;
END $$;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    -- Consent rows are history: marked on withdrawal, never deleted by the application.
    GRANT SELECT, INSERT, UPDATE ON wajah_persetujuan TO sigap_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON wajah_template, wajah_foto TO sigap_app;
  END IF;
END $$;
