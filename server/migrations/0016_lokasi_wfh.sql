-- Location reports from home (issue 11, item 2; docs/wfh.md §2): the Pemda's rules, each report as
-- received (append-only evidence), and each person's home location, proposed from their first reports and
-- confirmed by the OPD admin (never accepted silently). Defaults: domain/src/wfh/laporan.ts
-- ATURAN_LAPORAN_BAKU and slot.ts TEPAT_MENIT_BAKU.
ALTER TABLE tenant
  ADD COLUMN wfh_radius_rumah_m integer NOT NULL DEFAULT 150 CHECK (wfh_radius_rumah_m BETWEEN 25 AND 2000),
  ADD COLUMN wfh_kecepatan_maks_kmj integer NOT NULL DEFAULT 120
    CHECK (wfh_kecepatan_maks_kmj BETWEEN 5 AND 1000),
  ADD COLUMN wfh_tepat_menit integer NOT NULL DEFAULT 30 CHECK (wfh_tepat_menit BETWEEN 5 AND 720),
  ADD COLUMN wfh_tunda_maks_menit integer NOT NULL DEFAULT 60 CHECK (wfh_tunda_maks_menit BETWEEN 5 AND 1440),
  ADD COLUMN wfh_selisih_jam_maks_menit integer NOT NULL DEFAULT 5
    CHECK (wfh_selisih_jam_maks_menit BETWEEN 1 AND 120),
  ADD COLUMN wfh_usul_rumah_laporan integer NOT NULL DEFAULT 3 CHECK (wfh_usul_rumah_laporan BETWEEN 1 AND 20),
  ADD COLUMN wfh_simpan_lokasi_hari integer NOT NULL DEFAULT 90 CHECK (wfh_simpan_lokasi_hari BETWEEN 7 AND 400);

-- One location report, as received.
--   waktu_terima    the server's clock when it arrived
--   waktu_perangkat the phone's clock when the report was made
--   waktu_kirim     the phone's clock when it was sent (a report from the offline queue); NULL: sent at once
--   waktu_dihitung  the instant it counts at (laporan.ts waktuDihitung); tanggal its local date
--   tanda           flags raised when received: tertunda (held long in the queue), jam_perangkat_beda
--   id_klien        the client's idempotency key (one report per key and person); hash_isi the SHA-256 of
--                   the request, so the same key with another body is refused (409)
--   jawaban         the answer given, replayed for the same key
CREATE TABLE laporan_lokasi (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid NOT NULL,
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  akurasi_m real NOT NULL CHECK (akurasi_m >= 0 AND akurasi_m <= 100000),
  waktu_terima timestamptz NOT NULL,
  waktu_perangkat timestamptz NOT NULL,
  waktu_kirim timestamptz,
  waktu_dihitung timestamptz NOT NULL,
  tanggal date NOT NULL,
  tanda text[] NOT NULL DEFAULT '{}',
  id_klien uuid NOT NULL,
  hash_isi text NOT NULL CHECK (hash_isi ~ '^[0-9a-f]{64}$'),
  jawaban jsonb NOT NULL,
  dikirim_oleh text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id),
  CHECK (waktu_dihitung <= waktu_terima)
);
CREATE UNIQUE INDEX laporan_lokasi_id_klien_uq ON laporan_lokasi (tenant_id, pegawai_id, id_klien);
CREATE INDEX laporan_lokasi_hari ON laporan_lokasi (tenant_id, pegawai_id, tanggal);
CREATE INDEX laporan_lokasi_tanggal ON laporan_lokasi (tenant_id, tanggal);

-- A person's home location.
--   asal          usulan: proposed from their reports (dasar: those reports); admin: entered by the OPD admin
--   berlaku_sejak from when it judges reports (an usulan: its first report; see laporan.ts rumahPada)
--   status        diusulkan → dikonfirmasi | ditolak, once; an admin entry is dikonfirmasi from the start.
--                 The admin may move the point when confirming (lat/lng change only then).
CREATE TABLE rumah_pegawai (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid NOT NULL,
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  asal text NOT NULL CHECK (asal IN ('usulan', 'admin')),
  dasar uuid[] NOT NULL DEFAULT '{}',
  berlaku_sejak timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('diusulkan', 'dikonfirmasi', 'ditolak')),
  dibuat_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  diputus_oleh text,
  diputus_pada timestamptz,
  catatan text NOT NULL DEFAULT '' CHECK (length(catatan) <= 500),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id),
  CHECK ((status = 'diusulkan') = (diputus_pada IS NULL)),
  CHECK (asal = 'usulan' OR status = 'dikonfirmasi')
);
-- At most one proposal waits per person.
CREATE UNIQUE INDEX rumah_pegawai_usulan_uq ON rumah_pegawai (tenant_id, pegawai_id) WHERE status = 'diusulkan';
CREATE INDEX rumah_pegawai_pegawai ON rumah_pegawai (tenant_id, pegawai_id, berlaku_sejak);

-- Reports are evidence: never changed; deleted only by the retention job (it sets sigap.retensi_lokasi, an
-- ISO instant, in its own transaction) for rows received before that instant.
CREATE FUNCTION laporan_lokasi_tetap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE batas text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    batas := nullif(current_setting('sigap.retensi_lokasi', true), '');
    IF batas IS NOT NULL AND OLD.waktu_terima < batas::timestamptz THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'laporan lokasi disimpan sebagai bukti: % ditolak', TG_OP USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER laporan_lokasi_tetap BEFORE UPDATE OR DELETE ON laporan_lokasi
  FOR EACH ROW EXECUTE FUNCTION laporan_lokasi_tetap();
CREATE TRIGGER laporan_lokasi_no_truncate BEFORE TRUNCATE ON laporan_lokasi
  FOR EACH STATEMENT EXECUTE FUNCTION laporan_lokasi_tetap();

-- A home is decided once: a proposal may be confirmed (its point moved) or refused; nothing else changes.
CREATE FUNCTION rumah_pegawai_tetap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'diusulkan'
     AND (NEW.tenant_id, NEW.id, NEW.pegawai_id, NEW.asal, NEW.dasar, NEW.berlaku_sejak, NEW.dibuat_pada)
         IS NOT DISTINCT FROM
         (OLD.tenant_id, OLD.id, OLD.pegawai_id, OLD.asal, OLD.dasar, OLD.berlaku_sejak, OLD.dibuat_pada)
     AND (NEW.status = 'dikonfirmasi' OR (NEW.lat, NEW.lng) IS NOT DISTINCT FROM (OLD.lat, OLD.lng)) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'lokasi rumah yang sudah diputus tidak dapat diubah: % ditolak', TG_OP USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER rumah_pegawai_tetap BEFORE UPDATE OR DELETE ON rumah_pegawai
  FOR EACH ROW EXECUTE FUNCTION rumah_pegawai_tetap();
CREATE TRIGGER rumah_pegawai_no_truncate BEFORE TRUNCATE ON rumah_pegawai
  FOR EACH STATEMENT EXECUTE FUNCTION rumah_pegawai_tetap();

ALTER TABLE laporan_lokasi ENABLE ROW LEVEL SECURITY;
ALTER TABLE laporan_lokasi FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON laporan_lokasi
  USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant());
ALTER TABLE rumah_pegawai ENABLE ROW LEVEL SECURITY;
ALTER TABLE rumah_pegawai FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rumah_pegawai
  USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant());
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON laporan_lokasi, rumah_pegawai TO sigap_app;
  END IF;
END $$;
