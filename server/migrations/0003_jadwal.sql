-- The schedule recap (rekapitulasi jadwal): each generation is a version; a cell is one person on one day.

CREATE TABLE jadwal (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  dari date NOT NULL,
  sampai date NOT NULL,
  cakupan_opd text, -- kode of the OPD/unit subtree scheduled; NULL = the whole Pemda
  status text NOT NULL CHECK (status IN ('draft', 'terbit')),
  pelanggaran jsonb NOT NULL DEFAULT '[]',
  dibuat_oleh text NOT NULL,
  dibuat_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, id),
  CHECK (sampai >= dari)
);

CREATE TABLE jadwal_sel (
  tenant_id uuid NOT NULL,
  jadwal_id uuid NOT NULL,
  pegawai_id uuid NOT NULL,
  tanggal date NOT NULL,
  status text NOT NULL CHECK (status IN ('WFO', 'WFH', 'PIKET', 'CUTI', 'SAKIT', 'ISOLASI', 'LIBUR')),
  kebijakan_id text,
  kebijakan_versi integer,
  aturan_id text,
  alasan text NOT NULL,
  PRIMARY KEY (tenant_id, jadwal_id, pegawai_id, tanggal),
  FOREIGN KEY (tenant_id, jadwal_id) REFERENCES jadwal (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id)
);
CREATE INDEX jadwal_sel_tanggal ON jadwal_sel (tenant_id, tanggal, pegawai_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['jadwal', 'jadwal_sel'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant())', t);
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT, UPDATE ON jadwal TO sigap_app;
    GRANT SELECT, INSERT ON jadwal_sel TO sigap_app;
  END IF;
END $$;
