import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import { potong } from '../../db/potong.ts';
import { jeda } from '../../pekerja/jeda.ts';

// The attendance event store and its devices (0008_kehadiran.sql). `kehadiran` is append-only: this file
// only inserts into it and reads it.

const POLA_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const kolomPerangkat = [
  'p.id',
  'p.kode',
  'p.nama',
  'p.jenis',
  'p.opd_id',
  'o.kode as opd_kode',
  'p.dicabut_pada',
  'p.created_at',
] as const;

function perangkatQuery(trx: Trx) {
  return trx
    .selectFrom('perangkat as p')
    .innerJoin('opd as o', (j) => j.onRef('o.tenant_id', '=', 'p.tenant_id').onRef('o.id', '=', 'p.opd_id'))
    .select(kolomPerangkat);
}

export type PerangkatRow = NonNullable<Awaited<ReturnType<typeof cariPerangkat>>>;

/** A device by its code (any case) or its id. */
export function cariPerangkat(trx: Trx, kodeAtauId: string) {
  const q = perangkatQuery(trx);
  return (
    POLA_UUID.test(kodeAtauId)
      ? q.where((eb) =>
          eb.or([eb('p.id', '=', kodeAtauId), eb(eb.fn('upper', ['p.kode']), '=', kodeAtauId.toUpperCase())]),
        )
      : q.where(sql<string>`upper(p.kode)`, '=', kodeAtauId.toUpperCase())
  ).executeTakeFirst();
}

/** Devices by code (any case). */
export async function perangkatByKode(trx: Trx, kodes: readonly string[]) {
  if (kodes.length === 0) return [];
  return perangkatQuery(trx)
    .where(
      sql<string>`upper(p.kode)`,
      'in',
      kodes.map((k) => k.toUpperCase()),
    )
    .execute();
}

/** Every device, or those of some OPDs/units, with whether it holds a token (never the token's hash). */
export function daftarPerangkat(trx: Trx, opdIds: ReadonlySet<string> | null) {
  let q = perangkatQuery(trx)
    .select((eb) => [eb('p.token_hash', 'is not', null).as('token_aktif'), 'p.token_dibuat_pada'])
    .orderBy('p.kode');
  if (opdIds !== null) {
    if (opdIds.size === 0) return Promise.resolve([]);
    q = q.where('p.opd_id', 'in', [...opdIds]);
  }
  return q.execute();
}

export function jumlahPin(trx: Trx, perangkatIds: readonly string[]) {
  if (perangkatIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('pin_terminal')
    .select(['perangkat_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('perangkat_id', 'in', [...perangkatIds])
    .groupBy('perangkat_id')
    .execute();
}

export async function buatPerangkat(
  trx: Trx,
  tenantId: string,
  p: { kode: string; nama: string; opdId: string; jenis: 'terminal' | 'kiosk' },
) {
  const r = await trx
    .insertInto('perangkat')
    .values({ tenant_id: tenantId, kode: p.kode, nama: p.nama, opd_id: p.opdId, jenis: p.jenis })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A device's PIN table, as pairs. */
export function pinPerangkat(trx: Trx, perangkatId: string, pins?: readonly string[]) {
  let q = trx
    .selectFrom('pin_terminal')
    .select(['pin', 'pegawai_id'])
    .where('perangkat_id', '=', perangkatId);
  if (pins) {
    if (pins.length === 0) return Promise.resolve([]);
    q = q.where('pin', 'in', [...pins]);
  }
  return q.orderBy('pin').execute();
}

/** Replaces a device's whole PIN table. */
export async function gantiPin(
  trx: Trx,
  tenantId: string,
  perangkatId: string,
  pasangan: readonly { pin: string; pegawaiId: string }[],
) {
  await trx.deleteFrom('pin_terminal').where('perangkat_id', '=', perangkatId).execute();
  for (const chunk of potong(pasangan, 500)) {
    await trx
      .insertInto('pin_terminal')
      .values(
        chunk.map((p) => ({
          tenant_id: tenantId,
          perangkat_id: perangkatId,
          pin: p.pin,
          pegawai_id: p.pegawaiId,
        })),
      )
      .execute();
  }
}

/** People whose NIP or id_pegawai is one of `kunci`. */
export async function pegawaiByKunci(trx: Trx, kunci: readonly string[]) {
  const out: { id: string; nip: string | null; id_pegawai: string | null }[] = [];
  for (const chunk of potong(new Set(kunci), 5000)) {
    out.push(
      ...(await trx
        .selectFrom('pegawai')
        .select(['id', 'nip', 'id_pegawai'])
        .where((eb) => eb.or([eb('nip', 'in', chunk), eb('id_pegawai', 'in', chunk)]))
        .execute()),
    );
  }
  return out;
}

/** Every placement of some people (to find each one's OPD/unit on a day). */
export async function penempatan(trx: Trx, ids: readonly string[]) {
  const out: { pegawai_id: string; opd_id: string; berlaku_dari: string; berlaku_sampai: string | null }[] =
    [];
  for (const chunk of potong(new Set(ids), 5000)) {
    out.push(
      ...(await trx
        .selectFrom('pegawai_versi')
        .select(['pegawai_id', 'opd_id', 'berlaku_dari', 'berlaku_sampai'])
        .where('pegawai_id', 'in', chunk)
        .execute()),
    );
  }
  return out;
}

export interface PunchBaru {
  readonly pegawaiId: string;
  readonly opdId: string;
  readonly perangkatId: string;
  /** ISO instant */
  readonly waktu: string;
  readonly jenis: 'masuk' | 'pulang' | null;
  readonly pin: string;
}

/** The key of a terminal punch: person, device, instant (milliseconds). */
export const kunciPunch = (pegawaiId: string, perangkatId: string, waktu: Date | string) =>
  `${pegawaiId}|${perangkatId}|${new Date(waktu).getTime()}`;

/**
 * Stores terminal punches, 500 rows per statement; a punch already stored (the same person, device and
 * instant, by another import too, committed or running at the same time) is skipped by the unique index
 * `kehadiran_terminal_uq`. Returns the keys of the rows this call stored.
 */
export async function simpanPunch(
  trx: Trx,
  tenantId: string,
  /** The import's id (null: a terminal's live push) */
  imporId: string | null,
  punches: readonly PunchBaru[],
): Promise<Set<string>> {
  const baru = new Set<string>();
  let pertama = true;
  for (const chunk of potong(punches, 500)) {
    if (!pertama) await jeda();
    pertama = false;
    const rows = await trx
      .insertInto('kehadiran')
      .values(
        chunk.map((p) => ({
          tenant_id: tenantId,
          pegawai_id: p.pegawaiId,
          opd_id: p.opdId,
          waktu: p.waktu,
          waktu_perangkat: p.waktu,
          jenis: p.jenis,
          sumber: 'terminal' as const,
          perangkat_id: p.perangkatId,
          hasil: 'diterima' as const,
          impor_id: imporId,
          pin: p.pin,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'pegawai_id', 'perangkat_id', 'waktu'])
          .where('sumber', '=', 'terminal')
          .doNothing(),
      )
      .returning(['pegawai_id', 'perangkat_id', 'waktu'])
      .execute();
    for (const r of rows) baru.add(kunciPunch(r.pegawai_id!, r.perangkat_id!, r.waktu));
  }
  return baru;
}

/** A person's events from `dari` (inclusive) to `sampai` (exclusive), ISO instants, oldest first. */
export function kejadianPegawai(trx: Trx, pegawaiId: string, dari: string, sampai: string) {
  return trx
    .selectFrom('kehadiran')
    .selectAll()
    .where('pegawai_id', '=', pegawaiId)
    .where('waktu', '>=', new Date(dari))
    .where('waktu', '<', new Date(sampai))
    .orderBy('waktu')
    .execute();
}

/** The events of some OPDs/units from `dari` (inclusive) to `sampai` (exclusive), oldest first. */
export function kejadianOpd(trx: Trx, opdIds: readonly string[], dari: string, sampai: string) {
  if (opdIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('kehadiran')
    .selectAll()
    .where('opd_id', 'in', [...opdIds])
    .where('waktu', '>=', new Date(dari))
    .where('waktu', '<', new Date(sampai))
    .orderBy('waktu')
    .execute();
}

/** An OPD/unit's id by its code (any case). */
export async function opdByKode(trx: Trx, kode: string) {
  return (
    await trx
      .selectFrom('opd')
      .select('id')
      .where(sql<string>`upper(kode)`, '=', kode.toUpperCase())
      .executeTakeFirst()
  )?.id;
}

export interface KejadianBaruRow {
  readonly pegawai_id: string | null;
  readonly opd_id: string | null;
  /** null: the database's clock (clock_timestamp()) */
  readonly waktu: Date | null;
  readonly waktu_perangkat: Date | null;
  readonly jenis: 'masuk' | 'pulang' | null;
  readonly sumber: 'wajah' | 'kiosk' | 'koreksi' | 'admin';
  readonly perangkat_id: string | null;
  readonly lat: number | null;
  readonly lng: number | null;
  readonly akurasi_m: number | null;
  readonly hasil: 'diterima' | 'ditolak' | 'ditinjau';
  readonly alasan: string[];
  readonly skor: number | null;
  readonly id_klien: string | null;
  readonly hash_isi: string | null;
  /** the words the person was answered with */
  readonly pesan?: { readonly id: string; readonly en: string } | null;
}

/** Inserts one event; with a client key already stored, inserts nothing and returns undefined. */
export function simpanKejadian(trx: Trx, tenantId: string, k: KejadianBaruRow) {
  return trx
    .insertInto('kehadiran')
    .values({
      ...k,
      tenant_id: tenantId,
      waktu: k.waktu ?? sql<Date>`clock_timestamp()`,
      pesan: k.pesan ? JSON.stringify(k.pesan) : null,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'id_klien']).where('id_klien', 'is not', null).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** The event stored under a client key. */
export function kejadianByIdKlien(trx: Trx, idKlien: string) {
  return trx.selectFrom('kehadiran').selectAll().where('id_klien', '=', idKlien).executeTakeFirst();
}
