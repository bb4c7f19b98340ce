-- A face check-in whose score falls between the review and the match thresholds (docs/kehadiran.md §6)
-- is stored as `kehadiran.hasil = 'ditinjau'` and waits in the OPD admin's review queue with the frames
-- the person sent. The frames are encrypted like face templates (AES-GCM, keyring SIGAP_KUNCI_WAJAH) and
-- kept only until the review is decided, or until `simpan_sampai` if nobody decides (the retention job).
-- The event itself stays append-only: the decision lives here, and the day status counts a reviewed
-- attempt as a punch only when its decision is 'diterima'.

-- The words of the answer the person was given, kept with the attempt (an id_klien replay returns them).
ALTER TABLE kehadiran ADD COLUMN pesan jsonb;

CREATE TABLE tinjau_absen (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  kehadiran_id uuid NOT NULL,
  pegawai_id uuid NOT NULL,
  opd_id uuid,
  skor real NOT NULL,
  status text NOT NULL DEFAULT 'menunggu' CHECK (status IN ('menunggu', 'diterima', 'ditolak')),
  dibuat_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  simpan_sampai timestamptz NOT NULL,
  diputus_oleh text,
  diputus_pada timestamptz,
  catatan text NOT NULL DEFAULT '' CHECK (length(catatan) <= 500),
  PRIMARY KEY (tenant_id, kehadiran_id),
  FOREIGN KEY (tenant_id, kehadiran_id) REFERENCES kehadiran (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id),
  FOREIGN KEY (tenant_id, opd_id) REFERENCES opd (tenant_id, id),
  CHECK ((status = 'menunggu') = (diputus_pada IS NULL)),
  CHECK ((diputus_oleh IS NULL) = (diputus_pada IS NULL)),
  CHECK (simpan_sampai > dibuat_pada)
);
CREATE INDEX tinjau_absen_menunggu ON tinjau_absen (tenant_id, opd_id, dibuat_pada) WHERE status = 'menunggu';

CREATE TABLE tinjau_bingkai (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL,
  kehadiran_id uuid NOT NULL,
  urutan smallint NOT NULL CHECK (urutan BETWEEN 0 AND 15),
  sandi bytea NOT NULL,
  iv bytea NOT NULL CHECK (length(iv) = 12),
  kunci_id text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, kehadiran_id, urutan),
  FOREIGN KEY (tenant_id, kehadiran_id) REFERENCES tinjau_absen (tenant_id, kehadiran_id) ON DELETE CASCADE
);
CREATE INDEX tinjau_bingkai_kunci ON tinjau_bingkai (kunci_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tinjau_absen', 'tinjau_bingkai'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant())', t);
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON tinjau_absen, tinjau_bingkai TO sigap_app;
  END IF;
END $$;
