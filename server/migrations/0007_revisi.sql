-- What a schedule's policy evaluation reads (the organisation, the calendar, working hours, the regional
-- context, the policies) changes rarely and is costly to evaluate for a whole Pemda over a month, so the
-- server keeps the evaluation of a period in memory. This log tells it when to drop it: every statement
-- that changes one of those tables adds one row per Pemda it touched. The number of a Pemda's rows is
-- its revision: it grows with every committed change, whatever order transactions commit in, and adding a
-- row takes no lock another writer waits for (a counter row would make every writer wait for a long
-- import's commit). Rows are only ever added by the trigger function below, which runs as the owner.
CREATE TABLE revisi_data (
  tenant_id uuid NOT NULL REFERENCES tenant (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  tabel text NOT NULL,
  pada timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, id)
);

-- Row-level security as on every tenant table. The trigger functions run as the owner (SECURITY
-- DEFINER: the application role may only read the log), and the rows they add carry the tenant_id of the
-- rows just written, which those tables' own policies already held to the bound Pemda.
ALTER TABLE revisi_data ENABLE ROW LEVEL SECURITY;
ALTER TABLE revisi_data FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON revisi_data USING (tenant_id = sigap_tenant()) WITH CHECK (tenant_id = sigap_tenant());

-- The changed rows are named `baris` in every trigger (the new rows of an INSERT or UPDATE, the old rows of
-- a DELETE), so one function serves all three.
CREATE FUNCTION sigap_revisi() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO revisi_data (tenant_id, tabel) SELECT DISTINCT tenant_id, TG_TABLE_NAME FROM baris;
  RETURN NULL;
END $$;

-- The tenant row itself (working hours, time zone) has no tenant_id column: its id is the Pemda.
CREATE FUNCTION sigap_revisi_tenant() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO revisi_data (tenant_id, tabel) SELECT DISTINCT id, TG_TABLE_NAME FROM baris;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['hari_libur', 'opd', 'opd_versi', 'pegawai', 'pegawai_versi', 'kebijakan', 'konteks_wilayah'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS baris FOR EACH STATEMENT EXECUTE FUNCTION sigap_revisi()', t || '_revisi_i', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS baris FOR EACH STATEMENT EXECUTE FUNCTION sigap_revisi()', t || '_revisi_u', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS baris FOR EACH STATEMENT EXECUTE FUNCTION sigap_revisi()', t || '_revisi_d', t);
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sigap_app') THEN
    GRANT SELECT ON revisi_data TO sigap_app;
  END IF;
END $$;

CREATE TRIGGER tenant_revisi_u AFTER UPDATE ON tenant REFERENCING NEW TABLE AS baris
  FOR EACH STATEMENT EXECUTE FUNCTION sigap_revisi_tenant();
