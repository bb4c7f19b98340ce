import {
  formatTanggal,
  isIsoDate,
  type JenisCuti,
  LABEL_JENIS_CUTI,
  localDate,
  localTime,
  type Pesan,
  pesan,
  teks,
  type ZonaWaktu,
} from '@sigap/domain';
import type { Trx } from '../../db/database.ts';
import * as repo from './nama.repository.ts';

/*
 * The audit trail in words: who did it, and what it was done to, by name. The log stores what identified
 * a record when it was written (a NIP, an OPD code, an account or schedule id, "policy@version"); here a
 * page of entries is resolved in one batched lookup per kind of record, always inside the caller's own
 * Pemda (an explicit tenant filter besides row-level security). A record since deleted keeps its key,
 * marked "(dihapus)". Ids inside the before/after values (OPD, supervisor, employee, schedule…) are
 * resolved the same way into `rujukan`, for the page to show names in place of ids.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (s: string) => UUID.test(s);

export interface BarisAudit {
  readonly user_id: string | null;
  readonly pelaku: string;
  readonly entitas: string;
  readonly entitas_id: string | null;
  readonly sebelum: unknown;
  readonly sesudah: unknown;
}

export interface NamaAudit {
  /** Per entry: the actor's name and the record's name, in the order of the rows given. */
  readonly baris: readonly { pelaku_nama: string; entitas_nama: string | null }[];
  /** Ids found inside the before/after values, by name. */
  readonly rujukan: Record<string, string>;
}

/** Every id-shaped string inside a stored value (nested objects and lists too). */
function idDi(v: unknown, out: Set<string>): void {
  if (typeof v === 'string') {
    if (isUuid(v)) out.add(v.toLowerCase());
  } else if (Array.isArray(v)) {
    for (const x of v) idDi(x, out);
  } else if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) idDi(x, out);
  }
}

const uniq = (xs: Iterable<string | null | undefined>) => [
  ...new Set([...xs].filter((x): x is string => typeof x === 'string' && x !== '')),
];

function tanggal(d: string, lang: 'id' | 'en'): string {
  return isIsoDate(d) ? formatTanggal(d, lang, false) : d;
}

/** Names the actors, records and referenced ids of a page of audit entries, within one Pemda. */
export async function namaiAudit(
  trx: Trx,
  tenantId: string,
  rows: readonly BarisAudit[],
  lang: 'id' | 'en',
): Promise<NamaAudit> {
  const t = (p: Pesan) => teks(p, lang);
  const dihapus = (key: string) => t(pesan(`${key} (dihapus)`, `${key} (deleted)`));
  const idsOf = (...kinds: string[]) =>
    uniq(rows.filter((r) => kinds.includes(r.entitas)).map((r) => r.entitas_id));
  const nilaiIds = new Set<string>();
  for (const r of rows) {
    idDi(r.sebelum, nilaiIds);
    idDi(r.sesudah, nilaiIds);
  }
  const semuaUuid = (xs: readonly string[]) => xs.filter(isUuid).map((x) => x.toLowerCase());

  // Accounts: the actors, the account entries and account ids in values.
  const akunIds = uniq([
    ...semuaUuid(uniq(rows.map((r) => r.user_id))),
    ...semuaUuid(idsOf('akun')),
    ...nilaiIds,
  ]);
  const akun = new Map<string, string>();
  if (akunIds.length > 0) {
    for (const u of await repo.akunMenurutId(trx, tenantId, akunIds))
      akun.set(u.id, u.nama && u.nama !== u.username ? `${u.nama} (${u.username})` : u.username);
  }

  // Employees: by NIP, employee id or record id (entries keep whichever identified them).
  const pegKeys = idsOf('pegawai', 'jadwal_kunci', 'wajah');
  const pegUuid = uniq([...semuaUuid(pegKeys), ...nilaiIds]);
  const pegawai = new Map<string, string>();
  const pegawaiNama = new Map<string, string>(); // by record id
  if (pegKeys.length > 0 || pegUuid.length > 0) {
    const found = await repo.pegawaiMenurutKunci(trx, tenantId, pegKeys, pegUuid);
    for (const p of found) {
      const label = p.nip
        ? `${p.nama} (NIP ${p.nip})`
        : p.id_pegawai
          ? `${p.nama} (${p.id_pegawai})`
          : p.nama;
      pegawai.set(p.id, label);
      pegawaiNama.set(p.id, label);
      if (p.nip) pegawai.set(p.nip, label);
      if (p.id_pegawai) pegawai.set(p.id_pegawai, label);
    }
  }

  // OPDs and units: by code (entries) or record id (values); named by their latest version.
  const opdKode = uniq(idsOf('opd').map((k) => k.toUpperCase())); // codes are matched in any letter case
  const opdUuid = [...nilaiIds];
  const opd = new Map<string, string>();
  if (opdKode.length > 0 || opdUuid.length > 0) {
    const found = await repo.opdMenurutKode(trx, tenantId, opdKode, opdUuid);
    for (const o of found) {
      const label = o.nama ? `${o.nama} (${o.kode})` : o.kode;
      opd.set(o.id, label);
      opd.set(o.kode.toUpperCase(), label);
    }
  }

  // Schedules: by record id, named by their period and scope.
  const jadwalIds = uniq([...semuaUuid(idsOf('jadwal', 'jadwal_sel')), ...nilaiIds]);
  const jadwal = new Map<string, string>();
  if (jadwalIds.length > 0) {
    for (const j of await repo.jadwalMenurutId(trx, tenantId, jadwalIds)) {
      const periode = `${tanggal(j.dari, lang)} – ${tanggal(j.sampai, lang)}`;
      const cakupan = j.cakupan_opd ?? t(pesan('seluruh Pemda', 'whole Pemda'));
      jadwal.set(j.id, t(pesan(`Jadwal ${periode} (${cakupan})`, `Schedule ${periode} (${cakupan})`)));
    }
  }

  // Leave and absences: the kind, whose, and when.
  const cutiIds = uniq([...semuaUuid(idsOf('ketidakhadiran')), ...nilaiIds]);
  const cuti = new Map<string, string>();
  if (cutiIds.length > 0) {
    for (const c of await repo.ketidakhadiranMenurutId(trx, tenantId, cutiIds)) {
      const jenis = LABEL_JENIS_CUTI[c.jenis as JenisCuti];
      const siapa = c.nip ? `${c.nama} (NIP ${c.nip})` : c.nama;
      const kapan =
        c.dari === c.sampai ? tanggal(c.dari, lang) : `${tanggal(c.dari, lang)} – ${tanggal(c.sampai, lang)}`;
      cuti.set(c.id, `${jenis ? t(jenis) : c.jenis} ${siapa}, ${kapan}`);
    }
  }

  // Policies: "id@version".
  const kebijakanKeys = idsOf('kebijakan');
  const kebijakan = new Map<string, string>();
  const kebijakanDicari = kebijakanKeys
    .map((k) => /^(.+)@(\d+)$/.exec(k))
    .filter((m): m is RegExpExecArray => m !== null);
  if (kebijakanDicari.length > 0) {
    for (const k of await repo.kebijakanMenurutId(trx, tenantId, uniq(kebijakanDicari.map((m) => m[1]))))
      kebijakan.set(
        `${k.id}@${k.versi}`,
        t(
          pesan(
            `${k.judul} No. ${k.nomor}, versi ${k.versi}`,
            `${k.judul} No. ${k.nomor}, version ${k.versi}`,
          ),
        ),
      );
  }

  // Holidays (by date), import jobs (by id) and the Pemda's own settings.
  const liburKeys = idsOf('hari_libur').filter(isIsoDate);
  const libur = new Map<string, string>();
  if (liburKeys.length > 0) {
    for (const h of await repo.liburMenurutTanggal(trx, tenantId, liburKeys))
      libur.set(h.tanggal, `${h.nama} (${tanggal(h.tanggal, lang)})`);
  }
  const imporIds = semuaUuid(idsOf('impor_opd', 'impor_pegawai'));
  const impor = new Map<string, string>();
  if (imporIds.length > 0) {
    for (const j of await repo.imporMenurutId(trx, tenantId, imporIds))
      impor.set(j.id, t(pesan(`Berkas ${j.nama_berkas}`, `File ${j.nama_berkas}`)));
  }
  // Attendance: devices, extra places, corrections, official travel and reviewed check-ins, by record id.
  const namaPer = async <R extends { id: string }>(
    kinds: readonly string[],
    cari: (ids: readonly string[]) => Promise<R[]>,
    label: (r: R) => string,
  ) => {
    const ids = semuaUuid(idsOf(...kinds));
    const m = new Map<string, string>();
    if (ids.length > 0) for (const r of await cari(ids)) m.set(r.id, label(r));
    return m;
  };
  const jenisAbsen = (j: string | null) =>
    j === 'pulang' ? t(pesan('pulang', 'check-out')) : t(pesan('masuk', 'check-in'));
  const perangkat = await namaPer(
    ['perangkat'],
    (ids) => repo.perangkatMenurutId(trx, tenantId, ids),
    (r) => `${r.nama} (${r.kode})`,
  );
  const tempat = await namaPer(
    ['tempat_absen'],
    (ids) => repo.tempatMenurutId(trx, tenantId, ids),
    (r) => r.nama,
  );
  const koreksi = await namaPer(
    ['koreksi_kehadiran'],
    (ids) => repo.koreksiMenurutId(trx, tenantId, ids),
    (r) =>
      t(
        pesan(
          `Koreksi absen ${jenisAbsen(r.jenis)} ${r.nama}, ${tanggal(r.tanggal, lang)}`,
          `Correction of ${r.nama}'s ${jenisAbsen(r.jenis)}, ${tanggal(r.tanggal, lang)}`,
        ),
      ),
  );
  const dinas = await namaPer(
    ['dinas_luar'],
    (ids) => repo.dinasLuarMenurutId(trx, tenantId, ids),
    (r) =>
      t(
        pesan(
          `Dinas luar ${r.nama}, ${tanggal(r.dari, lang)} – ${tanggal(r.sampai, lang)} (${r.nomor_surat})`,
          `Official travel of ${r.nama}, ${tanggal(r.dari, lang)} – ${tanggal(r.sampai, lang)} (${r.nomor_surat})`,
        ),
      ),
  );
  const zona = rows.some((r) => r.entitas === 'kehadiran')
    ? await repo.zonaPemda(trx, tenantId)
    : 'Asia/Jakarta';
  const absen = await namaPer(
    ['kehadiran'],
    (ids) => repo.kehadiranMenurutId(trx, tenantId, ids),
    (r) => {
      const w = new Date(r.waktu);
      const tgl = localDate(w, zona as ZonaWaktu);
      return t(
        pesan(
          `Absen ${jenisAbsen(r.jenis)} ${r.nama}, ${tanggal(tgl, lang)} ${localTime(w, zona as ZonaWaktu)}`,
          `${r.nama}'s ${jenisAbsen(r.jenis)}, ${tanggal(tgl, lang)} ${localTime(w, zona as ZonaWaktu)}`,
        ),
      );
    },
  );

  const pemda = rows.some((r) => r.entitas === 'pengaturan')
    ? await repo.namaPemda(trx, tenantId)
    : undefined;

  const entitasNama = (r: BarisAudit): string | null => {
    const key = r.entitas_id;
    if (key === null) return null;
    const k = isUuid(key) ? key.toLowerCase() : key;
    const cari = (m: Map<string, string>) => m.get(k) ?? dihapus(key);
    switch (r.entitas) {
      case 'akun':
        return cari(akun);
      case 'pegawai':
      case 'jadwal_kunci':
      case 'wajah':
        return cari(pegawai);
      case 'perangkat':
        return cari(perangkat);
      case 'tempat_absen':
        return cari(tempat);
      case 'koreksi_kehadiran':
        return cari(koreksi);
      case 'dinas_luar':
        return cari(dinas);
      case 'kehadiran':
        // a reviewed check-in by its event id; a terminal import's entry keeps its import id
        return absen.get(k) ?? key;
      case 'opd':
        return opd.get(k.toUpperCase()) ?? dihapus(key);
      case 'jadwal':
      case 'jadwal_sel':
        return cari(jadwal);
      case 'ketidakhadiran':
        return cari(cuti);
      case 'kebijakan':
        return cari(kebijakan);
      case 'hari_libur':
        return libur.get(k) ?? (isIsoDate(k) ? dihapus(tanggal(k, lang)) : dihapus(key));
      case 'konteks_wilayah':
        return isIsoDate(k) ? t(pesan(`Mulai ${tanggal(k, lang)}`, `From ${tanggal(k, lang)}`)) : key;
      case 'impor_opd':
      case 'impor_pegawai':
        return cari(impor);
      case 'pengaturan':
        return pemda && k === pemda.id ? pemda.nama : dihapus(key);
      default:
        return key;
    }
  };

  const rujukan: Record<string, string> = {};
  for (const id of nilaiIds) {
    rujukan[id] =
      opd.get(id) ?? pegawaiNama.get(id) ?? akun.get(id) ?? jadwal.get(id) ?? cuti.get(id) ?? dihapus(id);
  }
  return {
    baris: rows.map((r) => ({
      pelaku_nama: r.user_id ? (akun.get(r.user_id.toLowerCase()) ?? dihapus(r.pelaku)) : r.pelaku,
      entitas_nama: entitasNama(r),
    })),
    rujukan,
  };
}
