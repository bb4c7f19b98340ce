import type { Trx } from '../../db/database.ts';

// The batched name lookups behind the audit page (audit.nama.ts): one query per kind of record, always
// with an explicit tenant filter besides row-level security.

/** Accounts by id. */
export function akunMenurutId(trx: Trx, tenantId: string, ids: readonly string[]) {
  return trx
    .selectFrom('app_user')
    .select(['id', 'username', 'nama'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}

/** Employees by NIP or id_pegawai (`keys`) or by record id (`ids`). */
export function pegawaiMenurutKunci(
  trx: Trx,
  tenantId: string,
  keys: readonly string[],
  ids: readonly string[],
) {
  return trx
    .selectFrom('pegawai')
    .select(['id', 'nip', 'id_pegawai', 'nama'])
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        ...(keys.length > 0 ? [eb('nip', 'in', keys), eb('id_pegawai', 'in', keys)] : []),
        ...(ids.length > 0 ? [eb('id', 'in', ids)] : []),
      ]),
    )
    .execute();
}

/** OPDs by upper-case code or record id, every version's name (oldest first). */
export function opdMenurutKode(
  trx: Trx,
  tenantId: string,
  kodeBesar: readonly string[],
  ids: readonly string[],
) {
  return trx
    .selectFrom('opd as o')
    .leftJoin('opd_versi as v', (j) =>
      j.onRef('v.tenant_id', '=', 'o.tenant_id').onRef('v.opd_id', '=', 'o.id'),
    )
    .select(['o.id', 'o.kode', 'v.nama'])
    .where('o.tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        ...(kodeBesar.length > 0 ? [eb(eb.fn<string>('upper', ['o.kode']), 'in', kodeBesar)] : []),
        ...(ids.length > 0 ? [eb('o.id', 'in', ids)] : []),
      ]),
    )
    .orderBy('v.berlaku_dari') // the latest version's name comes last
    .execute();
}

/** Schedule versions by id: period and scope. */
export function jadwalMenurutId(trx: Trx, tenantId: string, ids: readonly string[]) {
  return trx
    .selectFrom('jadwal')
    .select(['id', 'dari', 'sampai', 'cakupan_opd', 'jenis'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}

/** Absences by id, with whose they are. */
export function ketidakhadiranMenurutId(trx: Trx, tenantId: string, ids: readonly string[]) {
  return trx
    .selectFrom('ketidakhadiran as k')
    .innerJoin('pegawai as p', (j) =>
      j.onRef('p.tenant_id', '=', 'k.tenant_id').onRef('p.id', '=', 'k.pegawai_id'),
    )
    .select(['k.id', 'k.jenis', 'k.dari', 'k.sampai', 'p.nama', 'p.nip'])
    .where('k.tenant_id', '=', tenantId)
    .where('k.id', 'in', ids)
    .execute();
}

/** Every version of the policies with these ids. */
export function kebijakanMenurutId(trx: Trx, tenantId: string, ids: readonly string[]) {
  return trx
    .selectFrom('kebijakan')
    .select(['id', 'versi', 'judul', 'nomor'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}

/** Holidays by date. */
export function liburMenurutTanggal(trx: Trx, tenantId: string, tanggal: readonly string[]) {
  return trx
    .selectFrom('hari_libur')
    .select(['tanggal', 'nama'])
    .where('tenant_id', '=', tenantId)
    .where('tanggal', 'in', tanggal)
    .execute();
}

/** Import jobs by id: the file's name. */
export function imporMenurutId(trx: Trx, tenantId: string, ids: readonly string[]) {
  return trx
    .selectFrom('import_job')
    .select(['id', 'nama_berkas'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}

/** The Pemda's own name. */
export function namaPemda(trx: Trx, tenantId: string) {
  return trx.selectFrom('tenant').select(['id', 'nama']).where('id', '=', tenantId).executeTakeFirst();
}

/** The Pemda's time zone (its days are the audit filter's days). */
export async function zonaPemda(trx: Trx, tenantId: string): Promise<string> {
  const r = await trx
    .selectFrom('tenant')
    .select('zona_waktu')
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return r.zona_waktu;
}

/** Attendance devices (terminals, kiosks) by id. */
export function perangkatMenurutId(trx: Trx, tenantId: string, ids: readonly string[]) {
  return trx
    .selectFrom('perangkat')
    .select(['id', 'kode', 'nama', 'jenis'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}

/** Extra check-in places by id. */
export function tempatMenurutId(trx: Trx, tenantId: string, ids: readonly string[]) {
  return trx
    .selectFrom('tempat_absen')
    .select(['id', 'nama'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}

/** Attendance corrections by id, with whose and which day. */
export function koreksiMenurutId(trx: Trx, tenantId: string, ids: readonly string[]) {
  return trx
    .selectFrom('koreksi_kehadiran as k')
    .innerJoin('pegawai as p', (j) =>
      j.onRef('p.tenant_id', '=', 'k.tenant_id').onRef('p.id', '=', 'k.pegawai_id'),
    )
    .select(['k.id', 'k.tanggal', 'k.jenis', 'p.nama'])
    .where('k.tenant_id', '=', tenantId)
    .where('k.id', 'in', ids)
    .execute();
}

/** Official travel by id, with whose, when and the letter number. */
export function dinasLuarMenurutId(trx: Trx, tenantId: string, ids: readonly string[]) {
  return trx
    .selectFrom('dinas_luar as d')
    .innerJoin('pegawai as p', (j) =>
      j.onRef('p.tenant_id', '=', 'd.tenant_id').onRef('p.id', '=', 'd.pegawai_id'),
    )
    .select(['d.id', 'd.dari', 'd.sampai', 'd.nomor_surat', 'p.nama'])
    .where('d.tenant_id', '=', tenantId)
    .where('d.id', 'in', ids)
    .execute();
}

/** Attendance events by id (a reviewed check-in), with whose and when. */
export function kehadiranMenurutId(trx: Trx, tenantId: string, ids: readonly string[]) {
  return trx
    .selectFrom('kehadiran as k')
    .innerJoin('pegawai as p', (j) =>
      j.onRef('p.tenant_id', '=', 'k.tenant_id').onRef('p.id', '=', 'k.pegawai_id'),
    )
    .select(['k.id', 'k.waktu', 'k.jenis', 'p.nama'])
    .where('k.tenant_id', '=', tenantId)
    .where('k.id', 'in', ids)
    .execute();
}
