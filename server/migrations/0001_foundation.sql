-- Sigap foundation: tenants, organisation registry with history, accounts, sessions, audit trail.
-- Every tenant-owned table carries tenant_id as the first column of its primary key, and every
-- foreign key between tenant-owned tables includes it, so the tables can be distributed by tenant
-- (Citus: SELECT create_distributed_table('opd', 'tenant_id'), etc.).
-- Row-level security: a request runs as role sigap_app with sigap.tenant_id set for its transaction;
-- the policies below make other tenants' rows invisible and unwritable even if a query forgets a filter.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    CREATE ROLE sigap_app NOLOGIN;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'cannot create role sigap_app; ask the DBA to create it and grant it to the owner';
END $$;

CREATE FUNCTION sigap_tenant() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('sigap.tenant_id', true), '')::uuid $$;

CREATE TABLE tenant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kode text NOT NULL UNIQUE CHECK (kode ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  nama text NOT NULL,
  jenis text NOT NULL CHECK (jenis IN ('kota', 'kabupaten', 'provinsi')),
  zona_waktu text NOT NULL CHECK (zona_waktu IN ('Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura')),
  jam_kerja jsonb NOT NULL,
  pusat_lat double precision,
  pusat_lng double precision,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE hari_libur (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  tanggal date NOT NULL,
  jenis text NOT NULL CHECK (jenis IN ('libur_nasional', 'cuti_bersama', 'libur_daerah')),
  nama text NOT NULL,
  dasar text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, tanggal)
);

CREATE TABLE opd (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kode text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX opd_kode_uq ON opd (tenant_id, upper(kode));

-- One row per period in which an OPD's attributes held; berlaku_sampai is exclusive, NULL = current.
CREATE TABLE opd_versi (
  tenant_id uuid NOT NULL,
  opd_id uuid NOT NULL,
  berlaku_dari date NOT NULL,
  berlaku_sampai date,
  nama text NOT NULL,
  jenis text NOT NULL,
  induk_id uuid,
  kelas_layanan text CHECK (kelas_layanan IN ('pelayanan', 'non_pelayanan')),
  sektor text[] NOT NULL DEFAULT '{}',
  lat double precision,
  lng double precision,
  radius_m integer,
  PRIMARY KEY (tenant_id, opd_id, berlaku_dari),
  FOREIGN KEY (tenant_id, opd_id) REFERENCES opd (tenant_id, id),
  FOREIGN KEY (tenant_id, induk_id) REFERENCES opd (tenant_id, id),
  CHECK (berlaku_sampai IS NULL OR berlaku_sampai > berlaku_dari)
);
CREATE UNIQUE INDEX opd_versi_current ON opd_versi (tenant_id, opd_id) WHERE berlaku_sampai IS NULL;

CREATE TABLE pegawai (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  nip text CHECK (nip ~ '^[0-9]{18}$'),
  id_pegawai text,
  nama text NOT NULL,
  email text,
  telepon text,
  rumah_lat double precision,
  rumah_lng double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CHECK (nip IS NOT NULL OR id_pegawai IS NOT NULL)
);
CREATE UNIQUE INDEX pegawai_nip_uq ON pegawai (tenant_id, nip);
CREATE UNIQUE INDEX pegawai_id_pegawai_uq ON pegawai (tenant_id, id_pegawai);
CREATE INDEX pegawai_nama_idx ON pegawai (tenant_id, lower(nama));

-- Placement history: unit, type, level, position, supervisor.
CREATE TABLE pegawai_versi (
  tenant_id uuid NOT NULL,
  pegawai_id uuid NOT NULL,
  berlaku_dari date NOT NULL,
  berlaku_sampai date,
  jenis_pegawai text NOT NULL CHECK (jenis_pegawai IN ('pns', 'pppk', 'pppk_paruh_waktu', 'non_asn')),
  jabatan_level text NOT NULL CHECK (jabatan_level IN ('jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana')),
  jabatan text NOT NULL DEFAULT '',
  opd_id uuid NOT NULL,
  atasan_id uuid,
  PRIMARY KEY (tenant_id, pegawai_id, berlaku_dari),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id),
  FOREIGN KEY (tenant_id, opd_id) REFERENCES opd (tenant_id, id),
  FOREIGN KEY (tenant_id, atasan_id) REFERENCES pegawai (tenant_id, id),
  CHECK (berlaku_sampai IS NULL OR berlaku_sampai > berlaku_dari)
);
CREATE UNIQUE INDEX pegawai_versi_current ON pegawai_versi (tenant_id, pegawai_id) WHERE berlaku_sampai IS NULL;
CREATE INDEX pegawai_versi_opd ON pegawai_versi (tenant_id, opd_id) WHERE berlaku_sampai IS NULL;

CREATE TABLE app_user (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  username text NOT NULL,
  nama text NOT NULL,
  password_hash text NOT NULL,
  pegawai_id uuid,
  aktif boolean NOT NULL DEFAULT true,
  gagal_login integer NOT NULL DEFAULT 0,
  terkunci_sampai timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pegawai_id) REFERENCES pegawai (tenant_id, id)
);
CREATE UNIQUE INDEX app_user_username_uq ON app_user (tenant_id, lower(username));

CREATE TABLE user_role (
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('pemda_admin', 'bkpsdm_admin', 'opd_admin', 'unit_head', 'employee', 'health_officer', 'auditor')),
  opd_id uuid,
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, opd_id) REFERENCES opd (tenant_id, id),
  CHECK ((role IN ('opd_admin', 'unit_head')) = (opd_id IS NOT NULL))
);
CREATE UNIQUE INDEX user_role_uq ON user_role (tenant_id, user_id, role, coalesce(opd_id, '00000000-0000-0000-0000-000000000000'));

CREATE TABLE session (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id text NOT NULL, -- sha-256 of the token; the token itself is only in the cookie
  user_id uuid NOT NULL,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE audit_log (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  waktu timestamptz NOT NULL DEFAULT now(),
  user_id uuid,
  pelaku text NOT NULL,
  aksi text NOT NULL,
  entitas text NOT NULL,
  entitas_id text,
  ringkasan text NOT NULL DEFAULT '',
  sebelum jsonb,
  sesudah jsonb,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_log_waktu ON audit_log (tenant_id, waktu DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log hanya bisa ditambah (append-only)';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE import_job (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  jenis text NOT NULL CHECK (jenis IN ('opd', 'pegawai', 'libur')),
  nama_berkas text NOT NULL,
  user_id uuid,
  status text NOT NULL CHECK (status IN ('berjalan', 'berhasil', 'gagal')),
  total integer NOT NULL DEFAULT 0,
  diproses integer NOT NULL DEFAULT 0,
  hasil jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);

-- Row-level security on every tenant-owned table.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['hari_libur', 'opd', 'opd_versi', 'pegawai', 'pegawai_versi', 'app_user', 'user_role', 'session', 'audit_log', 'import_job'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant())', t);
  END LOOP;
END $$;

ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
-- Tenant names are public (the sign-in page lists them); only a tenant's own row can change.
CREATE POLICY tenant_read ON tenant FOR SELECT USING (true);
CREATE POLICY tenant_write ON tenant FOR UPDATE USING (id = sigap_tenant()) WITH CHECK (id = sigap_tenant());
-- Creating tenants is a system operation (CLI/demo), outside a tenant context.
CREATE POLICY tenant_create ON tenant FOR INSERT WITH CHECK (sigap_tenant() IS NULL);

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT USAGE ON SCHEMA public TO sigap_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON hari_libur, opd, opd_versi, pegawai, pegawai_versi, app_user, user_role, session, import_job TO sigap_app;
    GRANT SELECT, INSERT, UPDATE ON tenant TO sigap_app;
    GRANT SELECT, INSERT ON audit_log TO sigap_app;
  END IF;
END $$;
