-- Terminal pushes stored in one statement (POST /api/perangkat/kejadian, docs/kehadiran.md "Kiriman
-- langsung dari mesin"; bench/attendance): the lines of one push, or of several pushes of one Pemda that
-- arrived together (the server's group commit, antrean-kiriman.ts), are resolved and inserted by one call,
-- so a push costs one round trip and shares its commit (one WAL flush) with the pushes beside it.
--
-- Each line: PIN → person through its device's PIN table (a PIN the table does not map is tried as a NIP,
-- then as an id_pegawai, as an imported log's is), the person's OPD/unit on that local date from their
-- placements, then INSERT … ON CONFLICT DO NOTHING on the unique punch index. It answers every line:
-- its person (null: unknown), its OPD/unit (null: not placed that day) and whether this call stored it
-- (a punch already stored, or repeated in the call, is stored once; the caller tells them apart).
--
-- Like sigap_perangkat_token (0014) it binds the Pemda itself, for its own transaction only (set_config
-- local), and drops to the application role when asked (what withTenant does), so row-level security
-- applies to every read and to the insert; it filters by that Pemda too. Called outside any transaction
-- on PostgreSQL: the statement is its own transaction, and its answer comes after its commit.
CREATE FUNCTION sigap_simpan_kiriman(p_tenant uuid, p_peran_app boolean, p_baris jsonb)
  RETURNS TABLE (ke integer, pegawai uuid, opd uuid, baru boolean)
  LANGUAGE plpgsql SET search_path = public, pg_temp SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
  IF p_peran_app THEN
    PERFORM set_config('role', 'sigap_app', true);
  END IF;
  PERFORM set_config('sigap.tenant_id', p_tenant::text, true);
  RETURN QUERY
    WITH b AS (
      SELECT x.ke, x.perangkat, x.kunci, x.jk, x.tanggal, x.waktu, x.jenis
        FROM jsonb_to_recordset(p_baris)
          AS x(ke integer, perangkat uuid, kunci text, jk text, tanggal date, waktu timestamptz, jenis text)
    ), s AS MATERIALIZED (
      SELECT b.*, COALESCE(
          CASE WHEN b.jk = 'pin' THEN
            (SELECT t.pegawai_id FROM pin_terminal t
              WHERE t.tenant_id = p_tenant AND t.perangkat_id = b.perangkat AND t.pin = b.kunci) END,
          CASE WHEN b.jk IN ('pin', 'nip') THEN
            (SELECT g.id FROM pegawai g WHERE g.tenant_id = p_tenant AND g.nip = b.kunci) END,
          CASE WHEN b.jk IN ('pin', 'id_pegawai') THEN
            (SELECT g.id FROM pegawai g WHERE g.tenant_id = p_tenant AND g.id_pegawai = b.kunci) END
        ) AS orang
        FROM b
    ), o AS (
      SELECT s.*,
             (SELECT v.opd_id FROM pegawai_versi v
               WHERE v.tenant_id = p_tenant AND v.pegawai_id = s.orang AND v.berlaku_dari <= s.tanggal
                 AND (v.berlaku_sampai IS NULL OR v.berlaku_sampai > s.tanggal)
               ORDER BY v.berlaku_dari DESC LIMIT 1) AS unit
        FROM s
    ), ins AS (
      INSERT INTO kehadiran AS k
             (tenant_id, pegawai_id, opd_id, waktu, waktu_perangkat, jenis, sumber, perangkat_id, hasil, pin)
      SELECT p_tenant, o.orang, o.unit, o.waktu, o.waktu, o.jenis, 'terminal', o.perangkat, 'diterima', o.kunci
        FROM o WHERE o.unit IS NOT NULL ORDER BY o.ke
      ON CONFLICT (tenant_id, pegawai_id, perangkat_id, waktu) WHERE sumber = 'terminal' DO NOTHING
      RETURNING k.pegawai_id, k.perangkat_id, k.waktu
    )
    SELECT o.ke, o.orang, o.unit,
           EXISTS (SELECT 1 FROM ins
                    WHERE ins.pegawai_id = o.orang AND ins.perangkat_id = o.perangkat AND ins.waktu = o.waktu)
      FROM o ORDER BY o.ke;
END $$;

-- The tokens of several pushes of one Pemda checked by one statement (antrean-token.ts): as
-- sigap_perangkat_token (0014), for a list of hashes, each row naming its hash. Called outside any
-- transaction; binds the Pemda for its own statement only.
CREATE FUNCTION sigap_perangkat_token_banyak(p_tenant uuid, p_hash text[])
  RETURNS TABLE (token_hash text, id uuid, kode text, nama text, jenis text, opd_id uuid, opd_kode text,
                 dicabut_pada timestamptz, created_at timestamptz, zona_waktu text)
  LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('sigap.tenant_id', p_tenant::text, true);
  RETURN QUERY
    SELECT p.token_hash, p.id, p.kode, p.nama, p.jenis, p.opd_id, o.kode, p.dicabut_pada, p.created_at,
           t.zona_waktu
      FROM perangkat p
      JOIN opd o ON o.tenant_id = p.tenant_id AND o.id = p.opd_id
      JOIN tenant t ON t.id = p.tenant_id
     WHERE p.tenant_id = p_tenant AND p.token_hash = ANY (p_hash);
END $$;
