-- Liveness challenges (docs/kehadiran.md §5): the server draws the steps, the answer's frames must show
-- them. A challenge is answered once: `dipakai_pada` is set by the one check-in that uses it (or when the
-- same person asks for a newer one), and it expires at `berlaku_sampai`. A kiosk's challenge has a
-- device and no person until a face is recognised.
CREATE TABLE tantangan_absen (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pegawai_id uuid,
  perangkat_id uuid,
  langkah text[] NOT NULL CHECK (
    cardinality(langkah) BETWEEN 1 AND 6
    AND langkah <@ ARRAY['toleh_kiri', 'toleh_kanan', 'lihat_atas', 'lihat_bawah']
  ),
  dibuat_pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  berlaku_sampai timestamptz NOT NULL,
  dipakai_pada timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id),
  FOREIGN KEY (tenant_id, perangkat_id) REFERENCES perangkat (tenant_id, id),
  CHECK (pegawai_id IS NOT NULL OR perangkat_id IS NOT NULL),
  CHECK (berlaku_sampai > dibuat_pada)
);
CREATE INDEX tantangan_absen_pegawai ON tantangan_absen (tenant_id, pegawai_id, dibuat_pada)
  WHERE dipakai_pada IS NULL;

ALTER TABLE tantangan_absen ENABLE ROW LEVEL SECURITY;
ALTER TABLE tantangan_absen FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tantangan_absen
  USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant());
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON tantangan_absen TO sigap_app;
  END IF;
END $$;
