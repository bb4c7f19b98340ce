-- Attendance (kehadiran): devices, terminal PIN tables, extra allowed places, official travel, and the
-- event store itself. docs/kehadiran.md.

-- Devices: hardware terminals whose logs are imported, and kiosk tablets at an entrance. `kode` is the
-- device's own name or serial as it appears in its logs (unique per Pemda, any case). A kiosk holds a
-- token; only its hash is stored. A revoked device (dicabut_pada) keeps its row: events refer to it.
CREATE TABLE perangkat (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  opd_id uuid NOT NULL,
  jenis text NOT NULL CHECK (jenis IN ('terminal', 'kiosk')),
  nama text NOT NULL CHECK (length(nama) BETWEEN 1 AND 200),
  kode text NOT NULL CHECK (kode ~ '^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$'),
  token_hash text,
  dicabut_pada timestamptz,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, opd_id) REFERENCES opd (tenant_id, id),
  CHECK (token_hash IS NULL OR jenis = 'kiosk')
);
CREATE UNIQUE INDEX perangkat_kode_uq ON perangkat (tenant_id, upper(kode));
CREATE UNIQUE INDEX perangkat_token_uq ON perangkat (tenant_id, token_hash) WHERE token_hash IS NOT NULL;

-- A terminal's PIN → person table, kept by an admin. A PIN with no row here is read as the person's NIP
-- or id_pegawai.
CREATE TABLE pin_terminal (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  perangkat_id uuid NOT NULL,
  pin text NOT NULL CHECK (pin ~ '^[0-9A-Za-z._-]{1,32}$'),
  pegawai_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, perangkat_id, pin),
  FOREIGN KEY (tenant_id, perangkat_id) REFERENCES perangkat (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id)
);
CREATE INDEX pin_terminal_pegawai ON pin_terminal (tenant_id, pegawai_id);

-- Places where attendance is allowed besides the office of the person's unit: piket posts, field units,
-- another office. A circle (lat, lng, radius_m) or a polygon ([[lat, lng], …], at least three points).
CREATE TABLE tempat_absen (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  opd_id uuid NOT NULL,
  nama text NOT NULL CHECK (length(nama) BETWEEN 1 AND 200),
  jenis text NOT NULL CHECK (jenis IN ('kantor', 'pos_piket', 'lapangan')),
  lat double precision CHECK (lat BETWEEN -11.5 AND 6.5),
  lng double precision CHECK (lng BETWEEN 94.5 AND 141.5),
  radius_m integer CHECK (radius_m BETWEEN 10 AND 5000),
  poligon jsonb CHECK (poligon IS NULL OR (jsonb_typeof(poligon) = 'array' AND jsonb_array_length(poligon) BETWEEN 3 AND 1000)),
  aktif boolean NOT NULL DEFAULT true,
  dibuat_oleh text NOT NULL DEFAULT '',
  dibuat_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, opd_id) REFERENCES opd (tenant_id, id),
  -- exactly one shape: a whole circle, or a polygon
  CHECK ((lat IS NOT NULL AND lng IS NOT NULL AND radius_m IS NOT NULL AND poligon IS NULL)
      OR (lat IS NULL AND lng IS NULL AND radius_m IS NULL AND poligon IS NOT NULL))
);
CREATE INDEX tempat_absen_opd ON tempat_absen (tenant_id, opd_id) WHERE aktif;

-- Official travel (dinas luar): a letter number and destination, asked for and decided by the supervisor.
CREATE TABLE dinas_luar (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid NOT NULL,
  dari date NOT NULL,
  sampai date NOT NULL,
  nomor_surat text NOT NULL CHECK (length(nomor_surat) BETWEEN 1 AND 200),
  tujuan text NOT NULL CHECK (length(tujuan) BETWEEN 1 AND 500),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  radius_m integer CHECK (radius_m BETWEEN 10 AND 50000),
  status text NOT NULL CHECK (status IN ('diajukan', 'disetujui', 'ditolak', 'dibatalkan')),
  diajukan_oleh text NOT NULL,
  diajukan_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  diputus_oleh text,
  diputus_pada timestamptz,
  catatan_putusan text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id),
  CHECK (sampai >= dari),
  CHECK ((lat IS NULL) = (lng IS NULL) AND (radius_m IS NULL OR lat IS NOT NULL))
);
CREATE INDEX dinas_luar_pegawai ON dinas_luar (tenant_id, pegawai_id, dari);

-- Every attendance event and attempt, accepted or not: append-only evidence.
--   waktu           when it happened. The server's own clock for what the server witnessed (phone,
--                   kiosk); for a terminal punch, the time in the terminal's log (the only evidence).
--   waktu_perangkat the device's own clock as it reported it (phone, kiosk, terminal), for comparison.
--   dicatat_pada    when this row was stored (the server's clock).
--   opd_id          the person's OPD/unit on that day (for an unmatched kiosk attempt: the kiosk's).
--   id_klien        the client's idempotency key; hash_isi the SHA-256 (hex) of the request it came with,
--                   so the same key with another body is refused (409).
--   impor_id        the terminal-log import that stored the row (its audit_log entitas_id).
--   pin             the PIN (or NIP / id_pegawai) as the terminal log wrote it.
CREATE TABLE kehadiran (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid,
  opd_id uuid,
  waktu timestamptz NOT NULL,
  waktu_perangkat timestamptz,
  dicatat_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  jenis text CHECK (jenis IN ('masuk', 'pulang')),
  sumber text NOT NULL CHECK (sumber IN ('wajah', 'kiosk', 'terminal', 'koreksi', 'admin')),
  perangkat_id uuid,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  akurasi_m real CHECK (akurasi_m >= 0),
  hasil text NOT NULL CHECK (hasil IN ('diterima', 'ditolak', 'ditinjau')),
  alasan text[] NOT NULL DEFAULT '{}',
  skor real,
  id_klien uuid,
  hash_isi text CHECK (hash_isi ~ '^[0-9a-f]{64}$'),
  impor_id uuid,
  pin text,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id),
  FOREIGN KEY (tenant_id, opd_id) REFERENCES opd (tenant_id, id),
  FOREIGN KEY (tenant_id, perangkat_id) REFERENCES perangkat (tenant_id, id),
  CHECK ((lat IS NULL) = (lng IS NULL)),
  CHECK (id_klien IS NULL OR hash_isi IS NOT NULL),
  -- a terminal punch always names its person and its device (unmatched lines are reported, not stored)
  CHECK (sumber <> 'terminal' OR (pegawai_id IS NOT NULL AND perangkat_id IS NOT NULL)),
  -- only a kiosk attempt may match nobody
  CHECK (pegawai_id IS NOT NULL OR sumber = 'kiosk')
);
-- Idempotency: one row per client key.
CREATE UNIQUE INDEX kehadiran_id_klien_uq ON kehadiran (tenant_id, id_klien) WHERE id_klien IS NOT NULL;
-- The same terminal punch (person, device, time) is stored once, whatever imports run at once
-- (INSERT … ON CONFLICT DO NOTHING on this index).
CREATE UNIQUE INDEX kehadiran_terminal_uq ON kehadiran (tenant_id, pegawai_id, perangkat_id, waktu)
  WHERE sumber = 'terminal';
-- A person's events on a day; an OPD's (or unit's) events on a day.
CREATE INDEX kehadiran_pegawai_waktu ON kehadiran (tenant_id, pegawai_id, waktu);
CREATE INDEX kehadiran_opd_waktu ON kehadiran (tenant_id, opd_id, waktu);

-- Append-only. UPDATE and TRUNCATE are always refused. DELETE is refused too, except by the retention job:
-- it sets `sigap.retensi_kehadiran` (SET LOCAL, an ISO instant) in its own transaction, and may then delete
-- only rows whose waktu lies before that instant. Nothing else may change or remove evidence.
CREATE FUNCTION kehadiran_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE batas text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    batas := nullif(current_setting('sigap.retensi_kehadiran', true), '');
    IF batas IS NOT NULL AND OLD.waktu < batas::timestamptz THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'kehadiran hanya bisa ditambah (append-only): % ditolak', TG_OP
    USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER kehadiran_no_update BEFORE UPDATE OR DELETE ON kehadiran
  FOR EACH ROW EXECUTE FUNCTION kehadiran_append_only();
CREATE TRIGGER kehadiran_no_truncate BEFORE TRUNCATE ON kehadiran
  FOR EACH STATEMENT EXECUTE FUNCTION kehadiran_append_only();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['perangkat', 'pin_terminal', 'tempat_absen', 'dinas_luar', 'kehadiran'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant())', t);
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT, UPDATE ON perangkat, tempat_absen, dinas_luar TO sigap_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON pin_terminal TO sigap_app;
    GRANT SELECT, INSERT, DELETE ON kehadiran TO sigap_app;
  END IF;
END $$;
