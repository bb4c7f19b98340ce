-- What people ask for: work from the office or from home on a given day. The solver honours it where
-- the policies and the Pemda's higher-ranked goals allow (the last soft goal by default).
CREATE TABLE permintaan_jadwal (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  pegawai_id uuid NOT NULL,
  tanggal date NOT NULL,
  lokasi text NOT NULL CHECK (lokasi IN ('WFO', 'WFH')),
  alasan text NOT NULL DEFAULT '',
  dibuat_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, pegawai_id, tanggal),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id)
);

ALTER TABLE permintaan_jadwal ENABLE ROW LEVEL SECURITY;
ALTER TABLE permintaan_jadwal FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON permintaan_jadwal
  USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant());
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON permintaan_jadwal TO sigap_app;
  END IF;
END $$;
