-- Policies (work-system circulars) as versioned documents, and the regional context national caps read.

CREATE TABLE kebijakan (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id text NOT NULL,
  versi integer NOT NULL CHECK (versi >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'aktif', 'dicabut', 'diganti')),
  judul text NOT NULL,
  nomor text NOT NULL,
  tanggal date NOT NULL,
  dokumen jsonb NOT NULL, -- the validated document (status inside is overridden by the column)
  sumber text NOT NULL, -- the YAML/JSON text exactly as submitted
  dibuat_oleh text NOT NULL,
  dibuat_pada timestamptz NOT NULL DEFAULT now(),
  status_oleh text,
  status_pada timestamptz,
  PRIMARY KEY (tenant_id, id, versi)
);

CREATE TABLE konteks_wilayah (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  dari date NOT NULL,
  zona text CHECK (zona IN ('tidak_terdampak', 'rendah', 'sedang', 'tinggi')),
  level_ppkm smallint CHECK (level_ppkm BETWEEN 1 AND 4),
  dasar text NOT NULL DEFAULT '',
  dicatat_oleh text NOT NULL,
  dicatat_pada timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, dari),
  CHECK (zona IS NOT NULL OR level_ppkm IS NOT NULL)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['kebijakan', 'konteks_wilayah'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant())', t);
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT, INSERT, UPDATE ON kebijakan TO sigap_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON konteks_wilayah TO sigap_app;
  END IF;
END $$;
