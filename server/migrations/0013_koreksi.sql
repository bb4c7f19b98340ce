-- Corrections of a person's attendance day (issue 10, item 8; docs/kehadiran.md "Koreksi dan dinas luar").
-- A person asks; their supervisor (or, when they have none, their OPD admin) approves or refuses. The
-- punch the correction replaces stays in `kehadiran` untouched (append-only evidence): the correction is
-- its own row, and the day's status applies it only once approved.
--
--   tanggal        the local date of the day corrected (the Pemda's zone)
--   jenis, waktu   the punch the correction gives: check-in or check-out at that instant
--   menggantikan   id of the person's accepted kehadiran event (same day) it replaces; NULL adds a punch.
--                  No foreign key: the retention job may delete old events, and a correction kept
--                  longer must not stop it (the service checks the event when the correction is asked).
--   sebab          the kind of reason (terminal_rusak, lupa_pulang, lupa_masuk, kamera_gagal, lainnya)
--   alasan         the person's own words
CREATE TABLE koreksi_kehadiran (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid NOT NULL,
  tanggal date NOT NULL,
  jenis text NOT NULL CHECK (jenis IN ('masuk', 'pulang')),
  waktu timestamptz NOT NULL,
  menggantikan uuid,
  sebab text NOT NULL CHECK (sebab IN ('terminal_rusak', 'lupa_pulang', 'lupa_masuk', 'kamera_gagal', 'lainnya')),
  alasan text NOT NULL CHECK (length(alasan) BETWEEN 1 AND 500),
  status text NOT NULL DEFAULT 'diajukan' CHECK (status IN ('diajukan', 'disetujui', 'ditolak', 'dibatalkan')),
  diajukan_oleh text NOT NULL,
  diajukan_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  diputus_oleh text,
  diputus_pada timestamptz,
  catatan_putusan text NOT NULL DEFAULT '' CHECK (length(catatan_putusan) <= 500),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id),
  -- a pending request has no decision; a decided one says who decided and when
  CHECK ((status = 'diajukan') = (diputus_pada IS NULL))
);
CREATE INDEX koreksi_kehadiran_pegawai ON koreksi_kehadiran (tenant_id, pegawai_id, tanggal);
CREATE INDEX koreksi_kehadiran_diajukan ON koreksi_kehadiran (tenant_id, tanggal) WHERE status = 'diajukan';
-- A stored punch is replaced by one approved correction at most.
CREATE UNIQUE INDEX koreksi_kehadiran_menggantikan_uq ON koreksi_kehadiran (tenant_id, menggantikan)
  WHERE status = 'disetujui' AND menggantikan IS NOT NULL;

-- A request is decided once: only a pending row may change, and only its status and decision fields.
-- DELETE and TRUNCATE are refused, except the retention job's deletes (it sets sigap.retensi_kehadiran, an
-- ISO instant, in its own transaction, as for kehadiran) of rows asked before that instant.
CREATE FUNCTION koreksi_kehadiran_tetap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE batas text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.status = 'diajukan'
       AND (NEW.tenant_id, NEW.id, NEW.pegawai_id, NEW.tanggal, NEW.jenis, NEW.waktu, NEW.menggantikan,
            NEW.sebab, NEW.alasan, NEW.diajukan_oleh, NEW.diajukan_pada)
           IS NOT DISTINCT FROM
           (OLD.tenant_id, OLD.id, OLD.pegawai_id, OLD.tanggal, OLD.jenis, OLD.waktu, OLD.menggantikan,
            OLD.sebab, OLD.alasan, OLD.diajukan_oleh, OLD.diajukan_pada) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'koreksi yang sudah diputus tidak dapat diubah: % ditolak', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    batas := nullif(current_setting('sigap.retensi_kehadiran', true), '');
    IF batas IS NOT NULL AND OLD.diajukan_pada < batas::timestamptz THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'koreksi kehadiran disimpan sebagai bukti: % ditolak', TG_OP USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER koreksi_kehadiran_tetap BEFORE UPDATE OR DELETE ON koreksi_kehadiran
  FOR EACH ROW EXECUTE FUNCTION koreksi_kehadiran_tetap();
CREATE TRIGGER koreksi_kehadiran_no_truncate BEFORE TRUNCATE ON koreksi_kehadiran
  FOR EACH STATEMENT EXECUTE FUNCTION koreksi_kehadiran_tetap();

-- The same for dinas luar (0008): a request is decided once, and a decided one stays as it was.
CREATE FUNCTION dinas_luar_tetap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE batas text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.status = 'diajukan'
       AND (NEW.tenant_id, NEW.id, NEW.pegawai_id, NEW.dari, NEW.sampai, NEW.nomor_surat, NEW.tujuan, NEW.lat,
            NEW.lng, NEW.radius_m, NEW.diajukan_oleh, NEW.diajukan_pada)
           IS NOT DISTINCT FROM
           (OLD.tenant_id, OLD.id, OLD.pegawai_id, OLD.dari, OLD.sampai, OLD.nomor_surat, OLD.tujuan, OLD.lat,
            OLD.lng, OLD.radius_m, OLD.diajukan_oleh, OLD.diajukan_pada) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'dinas luar yang sudah diputus tidak dapat diubah: % ditolak', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    batas := nullif(current_setting('sigap.retensi_kehadiran', true), '');
    IF batas IS NOT NULL AND OLD.diajukan_pada < batas::timestamptz THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'dinas luar disimpan sebagai bukti: % ditolak', TG_OP USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER dinas_luar_tetap BEFORE UPDATE OR DELETE ON dinas_luar
  FOR EACH ROW EXECUTE FUNCTION dinas_luar_tetap();
CREATE TRIGGER dinas_luar_no_truncate BEFORE TRUNCATE ON dinas_luar
  FOR EACH STATEMENT EXECUTE FUNCTION dinas_luar_tetap();

ALTER TABLE koreksi_kehadiran ENABLE ROW LEVEL SECURITY;
ALTER TABLE koreksi_kehadiran FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON koreksi_kehadiran
  USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant());
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON koreksi_kehadiran TO sigap_app;
  END IF;
END $$;
