import {
  type EvaluasiHari,
  type ImportIssue,
  type Kebijakan,
  type MasalahDokumen,
  periksaKebijakan,
  pesan,
  type Temuan,
} from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { diPekerja } from '../../pekerja/pekerja.ts';
import { type Actor, insertAudit } from '../audit/audit.repository.ts';
import {
  type BahanEvaluasi,
  dariBaris,
  evaluasi,
  muatBahan,
  pencariOpdInduk,
} from '../evaluasi/evaluasi.service.ts';
import { inScope, resolveScope } from '../org/org.service.ts';
import * as repo from './kebijakan.repository.ts';

// The period read model (muatBahan, evaluasi …) lives in ../evaluasi; dariBaris is re-exported for
// the policy routes that already import it from here.
export { dariBaris };

function sebagaiIssue(m: MasalahDokumen): ImportIssue {
  return { baris: m.baris ?? 0, kolom: m.jalur, kode: 'KEBIJAKAN_TIDAK_SAH', pesan: m.pesan };
}

function temuanSebagaiIssue(t: Temuan): ImportIssue {
  return { baris: 0, kolom: t.jalur, kode: t.kode, pesan: t.pesan };
}

export interface HasilValidasi {
  readonly ok: boolean;
  readonly kebijakan: Kebijakan | null;
  readonly masalah: ImportIssue[];
  /** How many problems in all (the list stops after the first `MAKS_MASALAH`). */
  readonly jumlahMasalah?: number;
  readonly temuan: (Temuan & { issue: ImportIssue })[];
}

/** Schema check, then (when it passes) the checks against the organisation, calendar and other policies. */
export async function validasi(
  trx: Trx,
  tenantId: string,
  teksDokumen: string,
  tanggal: string,
): Promise<HasilValidasi> {
  // Parsing a large document takes seconds: in a worker thread, the server keeps answering.
  const p = await diPekerja('parseKebijakan', { teks: teksDokumen });
  if (!p.ok)
    return {
      ok: false,
      kebijakan: null,
      masalah: p.masalah.map(sebagaiIssue),
      jumlahMasalah: p.jumlah,
      temuan: [],
    };
  const b = await muatBahan(
    trx,
    tenantId,
    p.kebijakan.berlaku.dari ?? p.kebijakan.berlaku.tanggal?.[0] ?? tanggal,
  );
  const lain = b.kebijakan.filter((k) => k.id !== p.kebijakan.id);
  const temuan = periksaKebijakan(p.kebijakan, b.org, b.kal, lain, b.konteks);
  return {
    ok: true,
    kebijakan: p.kebijakan,
    masalah: [],
    temuan: temuan.map((t) => ({ ...t, issue: temuanSebagaiIssue(t) })),
  };
}

/**
 * Stores a document as a policy version: a new policy starts at version 1, a revision takes the next
 * number and must say why. Storing the same version again with the same content changes nothing.
 * An active version supersedes the policy's other active versions. Audited.
 */
export async function simpan(trx: Trx, tenantId: string, actor: Actor, teksDokumen: string, tanggal: string) {
  const v = await validasi(trx, tenantId, teksDokumen, tanggal);
  if (!v.ok || !v.kebijakan) {
    throw new AppError(
      'KEBIJAKAN_TIDAK_SAH',
      pesan(
        `Dokumen kebijakan tidak sah: ${v.jumlahMasalah ?? v.masalah.length} masalah; tidak ada yang disimpan`,
        `The policy document is invalid: ${v.jumlahMasalah ?? v.masalah.length} problems; nothing was stored`,
      ),
      v.masalah,
    );
  }
  const k = v.kebijakan;
  const versions = await repo.listKebijakan(trx, k.id);
  const same = versions.find((r) => r.versi === k.versi);
  if (same) {
    // jsonb does not keep key order: compare with keys sorted.
    if (stableJson(dariBaris(same)) === stableJson({ ...k, status: same.status })) {
      return { id: k.id, versi: k.versi, status: same.status, berubah: false, temuan: v.temuan };
    }
    throw new AppError(
      'KONFLIK',
      pesan(
        `Kebijakan ${k.id} versi ${k.versi} sudah tersimpan dengan isi lain; versi tidak dapat diubah — terbitkan versi ${Math.max(...versions.map((r) => r.versi)) + 1} dengan alasan_revisi`,
        `Policy ${k.id} version ${k.versi} is already stored with other content; versions are immutable — issue version ${Math.max(...versions.map((r) => r.versi)) + 1} with alasan_revisi`,
      ),
    );
  }
  const next = versions.length === 0 ? 1 : Math.max(...versions.map((r) => r.versi)) + 1;
  if (k.versi !== next) {
    throw new AppError(
      'VALIDASI',
      pesan(
        `versi: kebijakan ${k.id} berikutnya harus versi ${next}, bukan ${k.versi}`,
        `versi: the next version of ${k.id} must be ${next}, not ${k.versi}`,
      ),
    );
  }
  await repo.insertVersi(trx, tenantId, {
    id: k.id,
    versi: k.versi,
    status: k.status,
    judul: k.judul,
    nomor: k.nomor,
    tanggal: k.tanggal,
    dokumen: k,
    sumber: teksDokumen,
    oleh: actor.nama,
  });
  const diganti = k.status === 'aktif' ? await repo.supersedeOthers(trx, k.id, k.versi, actor.nama) : [];
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'buat',
      entitas: 'kebijakan',
      entitasId: `${k.id}@${k.versi}`,
      ringkasan: `Menyimpan kebijakan ${k.judul} No. ${k.nomor} versi ${k.versi} (${k.status})${diganti.length ? `; versi ${diganti.join(', ')} diganti` : ''}`,
      sesudah: k,
    },
  ]);
  return { id: k.id, versi: k.versi, status: k.status, berubah: true, diganti, temuan: v.temuan };
}

/** JSON with object keys sorted (and undefined dropped), for content comparison. */
function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : x,
  );
}

const TRANSISI: Record<string, readonly string[]> = {
  draft: ['aktif', 'dicabut'],
  aktif: ['dicabut'],
  diganti: [],
  dicabut: [],
};

/** Activates or revokes a version (drafts → active/revoked; active → revoked). Audited. */
export async function ubahStatus(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  id: string,
  versi: number,
  status: 'aktif' | 'dicabut',
) {
  const row = await repo.findVersi(trx, id, versi);
  if (!row) throw errors.notFound(`Kebijakan ${id} versi ${versi}`, `Policy ${id} version ${versi}`);
  if (row.status === status) return { id, versi, status, berubah: false, diganti: [] as number[] };
  if (!TRANSISI[row.status]?.includes(status)) {
    throw new AppError(
      'KONFLIK',
      pesan(
        `Status ${row.status} tidak dapat diubah menjadi ${status}`,
        `Status ${row.status} cannot become ${status}`,
      ),
    );
  }
  await repo.setStatus(trx, id, versi, status, actor.nama);
  const diganti = status === 'aktif' ? await repo.supersedeOthers(trx, id, versi, actor.nama) : [];
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: status === 'aktif' ? 'aktifkan' : 'cabut',
      entitas: 'kebijakan',
      entitasId: `${id}@${versi}`,
      ringkasan: `${status === 'aktif' ? 'Mengaktifkan' : 'Mencabut'} kebijakan ${row.judul} versi ${versi}${diganti.length ? `; versi ${diganti.join(', ')} diganti` : ''}`,
      sebelum: { status: row.status },
      sesudah: { status },
    },
  ]);
  return { id, versi, status, berubah: true, diganti };
}

/**
 * Which rules of which policy apply to one person on one date, and why. With a caller, people outside
 * the caller's scope are refused (an employee may ask about themselves).
 */
export async function jelaskan(trx: Trx, tenantId: string, key: string, tanggal: string, caller?: Caller) {
  const b = await muatBahan(trx, tenantId, tanggal);
  const p = b.orang.get(key);
  if (!p) {
    throw errors.notFound(
      `Pegawai dengan NIP/ID ${key} pada ${tanggal}`,
      `Employee with NIP/ID ${key} on ${tanggal}`,
    );
  }
  if (caller && !inScope(await resolveScope(trx, caller, 'read', tanggal), p.opdId, p.id))
    throw errors.outOfScope();
  const ev = evaluasi(b, tanggal);
  const d = ev.orang.get(key)!;
  const unit = b.opdKode.get(p.opdId);
  return {
    tanggal,
    hari: ev.keteranganHari,
    hariKerja: ev.hariKerja,
    pegawai: { key, nama: p.nama, id: p.id, unitKode: unit?.kode ?? null, unitNama: unit?.nama ?? null },
    kebijakanBerlaku: ev.kebijakan,
    keputusan: d,
    kelompok: ev.kelompok
      .filter((g) => d.kelompok.includes(g.id))
      .map(({ anggota, bolehPiket, ...g }) => ({
        ...g,
        jumlahAnggota: anggota.length,
        bolehPiketSaya: bolehPiket ? bolehPiket.includes(key) : undefined,
      })),
    peringatan: ev.peringatan,
  };
}

/** Per OPD for a date: how many people a policy set puts at the office, at home, free within caps, on piket. */
export function ringkasDampak(b: BahanEvaluasi, ev: EvaluasiHari) {
  const top = pencariOpdInduk(b);
  const rows = new Map<
    string,
    {
      kode: string;
      nama: string;
      total: number;
      wfo: number;
      wfh: number;
      bebas: number;
      libur: number;
      maksKantor: number;
      piket: number;
    }
  >();
  const row = (opdId: string) => {
    const t = top(opdId);
    let r = rows.get(t);
    if (!r) {
      const o = b.opdKode.get(t);
      r = {
        kode: o?.kode ?? '?',
        nama: o?.nama ?? '?',
        total: 0,
        wfo: 0,
        wfh: 0,
        bebas: 0,
        libur: 0,
        maksKantor: 0,
        piket: 0,
      };
      rows.set(t, r);
    }
    return r;
  };
  for (const [key, d] of ev.orang) {
    const p = b.orang.get(key);
    if (!p) continue;
    const r = row(p.opdId);
    r.total++;
    if (d.lokasi === 'WFO') r.wfo++;
    else if (d.lokasi === 'WFH') r.wfh++;
    else if (d.lokasi === 'BEBAS') r.bebas++;
    else r.libur++;
  }
  // Free people: at most the cap of their groups at the office; piket come in on top when not counted.
  const capped = new Set<string>();
  for (const g of ev.kelompok) {
    const first = g.anggota[0];
    const p = first ? b.orang.get(first) : undefined;
    if (!p) continue;
    if (g.jenis === 'batas_kantor') {
      const fresh = g.anggota.filter((x) => !capped.has(x));
      for (const x of fresh) capped.add(x);
      row(p.opdId).maksKantor += Math.min(g.maks ?? 0, fresh.length);
    } else if (g.jenis === 'piket') {
      row(p.opdId).piket += Math.min(g.jumlahPiket ?? 0, g.bolehPiket?.length ?? 0);
    }
  }
  for (const [key, d] of ev.orang) {
    if (d.lokasi === 'BEBAS' && !capped.has(key)) {
      const p = b.orang.get(key);
      if (p) row(p.opdId).maksKantor++;
    }
  }
  for (const r of rows.values()) r.maksKantor += r.wfo;
  return [...rows.values()].sort((a, b2) => a.kode.localeCompare(b2.kode));
}

/** The impact of a stored version (draft or not) on a date, before anyone activates it. */
export async function dampak(trx: Trx, tenantId: string, tanggal: string, id?: string, versi?: number) {
  const b = await muatBahan(trx, tenantId, tanggal);
  let pratinjau: Kebijakan | undefined;
  if (id) {
    const row = versi ? await repo.findVersi(trx, id, versi) : (await repo.listKebijakan(trx, id)).at(-1);
    if (!row) throw errors.notFound(`Kebijakan ${id}`, `Policy ${id}`);
    pratinjau = dariBaris(row as repo.KebijakanRow);
  }
  const ev = evaluasi(b, tanggal, pratinjau);
  return {
    tanggal,
    hari: ev.keteranganHari,
    hariKerja: ev.hariKerja,
    kebijakan: ev.kebijakan,
    opd: ringkasDampak(b, ev),
    peringatan: ev.peringatan,
  };
}

/** Records the zone / PPKM level in force from a date (national caps read it). Audited. */
export async function catatKonteks(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  k: { dari: string; zona: string | null; levelPpkm: number | null; dasar: string },
) {
  await repo.upsertKonteks(trx, tenantId, { ...k, oleh: actor.nama });
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'ubah',
      entitas: 'konteks_wilayah',
      entitasId: k.dari,
      ringkasan: `Mencatat konteks wilayah mulai ${k.dari}: ${k.zona ? `zona ${k.zona}` : ''}${k.levelPpkm ? ` PPKM level ${k.levelPpkm}` : ''}`,
      sesudah: k,
    },
  ]);
}

/** Every stored policy version, or every version of one policy, oldest first. */
export function daftarKebijakan(trx: Trx, id?: string) {
  return repo.listKebijakan(trx, id);
}

/** The regional context (risk zone, PPKM level) by date. */
export function daftarKonteks(trx: Trx) {
  return repo.listKonteks(trx);
}
