-- Going-out notices of people working from home (issue 11, item 3; docs/wfh.md §3 "Izin keluar rumah").
-- Bogor 2020: "forbidden to go out except for urgent needs, and everyone reports". The person files the
-- notice beforehand; it takes effect at once (no approval). Their supervisor (or, when they have none,
-- their OPD admin) may object once, in words; the person may withdraw it before it starts. The notice and
-- any objection or withdrawal stay on the record: only those fields may be set, once each.
--
--   tanggal          the local date (the Pemda's zone) the notice lies in: [dari, sampai) is within it
--   jenis            the kind of urgent need (kesehatan, keluarga, kebutuhan_pokok, urusan_dinas, lainnya)
--   alasan           the person's own words
--   id_klien         the client's idempotency key (an offline queue may send it twice); hash_isi the
--                    SHA-256 (hex) of the request it came with: the same key with another request is refused
--   keberatan_*      the objection: who (account), when, as whom (atasan / admin_opd), and their words
--   dibatalkan_*     the withdrawal: who (account) and when
CREATE TABLE izin_keluar (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid NOT NULL,
  tanggal date NOT NULL,
  jenis text NOT NULL CHECK (jenis IN ('kesehatan', 'keluarga', 'kebutuhan_pokok', 'urusan_dinas', 'lainnya')),
  alasan text NOT NULL CHECK (length(alasan) BETWEEN 1 AND 500),
  dari timestamptz NOT NULL,
  sampai timestamptz NOT NULL,
  id_klien uuid NOT NULL,
  hash_isi text NOT NULL,
  diajukan_oleh text NOT NULL,
  diajukan_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  keberatan_oleh text,
  keberatan_pada timestamptz,
  keberatan_sebagai text CHECK (keberatan_sebagai IN ('atasan', 'admin_opd')),
  keberatan_catatan text CHECK (length(keberatan_catatan) BETWEEN 1 AND 500),
  dibatalkan_oleh text,
  dibatalkan_pada timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id),
  CHECK (sampai > dari AND sampai - dari <= interval '12 hours'),
  -- an objection is whole or absent; so is a withdrawal
  CHECK ((keberatan_pada IS NULL) = (keberatan_oleh IS NULL)
     AND (keberatan_pada IS NULL) = (keberatan_sebagai IS NULL)
     AND (keberatan_pada IS NULL) = (keberatan_catatan IS NULL)),
  CHECK ((dibatalkan_pada IS NULL) = (dibatalkan_oleh IS NULL))
);
CREATE UNIQUE INDEX izin_keluar_id_klien_uq ON izin_keluar (tenant_id, id_klien);
CREATE INDEX izin_keluar_pegawai ON izin_keluar (tenant_id, pegawai_id, tanggal);
CREATE INDEX izin_keluar_tanggal ON izin_keluar (tenant_id, tanggal);

-- The notice itself never changes. An objection may be set once (from nothing to whole), a withdrawal
-- likewise; once set, neither changes. DELETE and TRUNCATE are refused, except the retention job's deletes
-- (it sets sigap.retensi_kehadiran, an ISO instant, in its own transaction, as for kehadiran) of notices
-- filed before that instant.
CREATE FUNCTION izin_keluar_tetap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE batas text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (NEW.tenant_id, NEW.id, NEW.pegawai_id, NEW.tanggal, NEW.jenis, NEW.alasan, NEW.dari, NEW.sampai,
        NEW.id_klien, NEW.hash_isi, NEW.diajukan_oleh, NEW.diajukan_pada)
       IS NOT DISTINCT FROM
       (OLD.tenant_id, OLD.id, OLD.pegawai_id, OLD.tanggal, OLD.jenis, OLD.alasan, OLD.dari, OLD.sampai,
        OLD.id_klien, OLD.hash_isi, OLD.diajukan_oleh, OLD.diajukan_pada)
       AND (OLD.keberatan_pada IS NULL
            OR (NEW.keberatan_oleh, NEW.keberatan_pada, NEW.keberatan_sebagai, NEW.keberatan_catatan)
               IS NOT DISTINCT FROM
               (OLD.keberatan_oleh, OLD.keberatan_pada, OLD.keberatan_sebagai, OLD.keberatan_catatan))
       AND (OLD.dibatalkan_pada IS NULL
            OR (NEW.dibatalkan_oleh, NEW.dibatalkan_pada) IS NOT DISTINCT FROM (OLD.dibatalkan_oleh, OLD.dibatalkan_pada))
    THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'izin keluar disimpan sebagai bukti; keberatan dan pembatalan hanya diisi sekali: % ditolak', TG_OP
      USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    batas := nullif(current_setting('sigap.retensi_kehadiran', true), '');
    IF batas IS NOT NULL AND OLD.diajukan_pada < batas::timestamptz THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'izin keluar disimpan sebagai bukti: % ditolak', TG_OP USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER izin_keluar_tetap BEFORE UPDATE OR DELETE ON izin_keluar
  FOR EACH ROW EXECUTE FUNCTION izin_keluar_tetap();
CREATE TRIGGER izin_keluar_no_truncate BEFORE TRUNCATE ON izin_keluar
  FOR EACH STATEMENT EXECUTE FUNCTION izin_keluar_tetap();

ALTER TABLE izin_keluar ENABLE ROW LEVEL SECURITY;
ALTER TABLE izin_keluar FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON izin_keluar
  USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant());
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON izin_keluar TO sigap_app;
  END IF;
END $$;
