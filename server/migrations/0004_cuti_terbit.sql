-- Who is away (the leave register), unit heads' fixed cells, publication of schedules, in-app notices.

-- Leave and isolation: requested by the person and decided by their supervisor, or entered/imported
-- approved by an OPD admin. Rows are never deleted: a request is withdrawn (dibatalkan) or refused.
CREATE TABLE ketidakhadiran (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid NOT NULL,
  jenis text NOT NULL CHECK (jenis IN ('cuti_tahunan', 'cuti_besar', 'cuti_sakit', 'cuti_melahirkan',
    'cuti_alasan_penting', 'cuti_luar_tanggungan', 'isolasi')),
  dari date NOT NULL,
  sampai date NOT NULL,
  keterangan text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('diajukan', 'disetujui', 'ditolak', 'dibatalkan')),
  sumber text NOT NULL CHECK (sumber IN ('pengajuan', 'admin', 'impor')),
  diajukan_oleh text NOT NULL,
  diajukan_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  diputus_oleh text,
  diputus_pada timestamptz,
  catatan_putusan text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id),
  CHECK (sampai >= dari)
);
CREATE INDEX ketidakhadiran_pegawai ON ketidakhadiran (tenant_id, pegawai_id, dari);
CREATE INDEX ketidakhadiran_periode ON ketidakhadiran (tenant_id, dari, sampai) WHERE status = 'disetujui';

-- A cell a unit head (or OPD admin) set by hand: every rebuild keeps it.
CREATE TABLE jadwal_kunci (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  pegawai_id uuid NOT NULL,
  tanggal date NOT NULL,
  status text NOT NULL CHECK (status IN ('WFO', 'WFH', 'PIKET')),
  oleh text NOT NULL,
  pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, pegawai_id, tanggal),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id)
);

-- What made a schedule version, and when it was published.
ALTER TABLE jadwal ADD COLUMN jenis text NOT NULL DEFAULT 'buat'
  CHECK (jenis IN ('buat', 'ubah', 'impor', 'cuti'));
ALTER TABLE jadwal ADD COLUMN keterangan text NOT NULL DEFAULT '';
ALTER TABLE jadwal ADD COLUMN diterbitkan_oleh text;
ALTER TABLE jadwal ADD COLUMN diterbitkan_pada timestamptz;
CREATE INDEX jadwal_sel_pegawai ON jadwal_sel (tenant_id, pegawai_id, tanggal);

-- In-app notices to a person (their own account reads them).
CREATE TABLE pemberitahuan (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  pegawai_id uuid NOT NULL,
  jenis text NOT NULL,
  judul text NOT NULL,
  judul_en text NOT NULL,
  isi text NOT NULL DEFAULT '',
  isi_en text NOT NULL DEFAULT '',
  tautan text,
  dibuat_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  dibaca_pada timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id)
);
CREATE INDEX pemberitahuan_pegawai ON pemberitahuan (tenant_id, pegawai_id, dibuat_pada DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['ketidakhadiran', 'jadwal_kunci', 'pemberitahuan'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant())', t);
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT, UPDATE ON ketidakhadiran TO sigap_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON jadwal_kunci TO sigap_app;
    GRANT SELECT, INSERT, UPDATE ON pemberitahuan TO sigap_app;
  END IF;
END $$;
