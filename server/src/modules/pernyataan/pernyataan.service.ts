import { createHash } from 'node:crypto';
import {
  addDays,
  allows,
  dateRange,
  formatWaktu,
  type Kebijakan,
  kodeVerifikasi,
  localDate,
  localDayStart,
  type MasukanPernyataan,
  pesan,
  rentangBerlaku,
  type TeksPernyataan,
  teksPernyataan,
  teksPolos,
  tempatDariPemda,
  VERSI_TEKS_PERNYATAAN,
  type ZonaWaktu,
} from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as evalRepo from '../evaluasi/evaluasi.repository.ts';
import { dariBaris, evaluasiPeriode, orangDalam, pencariOpdInduk } from '../evaluasi/evaluasi.service.ts';
import * as jadwalRepo from '../jadwal/jadwal.repository.ts';
import { cekOpdDalamLingkup } from '../jadwal/lingkup.ts';
import * as orgRepo from '../org/org.repository.ts';
import { lingkupTanggal } from '../org/org.service.ts';
import { getSettings } from '../pengaturan/pengaturan.service.ts';
import type { DokumenPernyataan } from './pernyataan.pdf.ts';
import * as repo from './pernyataan.repository.ts';

// The stay-home statement (issue 11, item 1; docs/wfh.md §2). A person needs one per policy version whose
// `kewajiban_wfh` rule asks for it (`surat_pernyataan: true`), once they have a published WFH day on which the
// policy evaluation applies that rule to them. The statement is worded when shown (domain teksPernyataan) and
// stored only when signed: the exact text, its parts, what it was made of and its SHA-256, so a later revision
// of the policy never changes a signed statement.

/** The longest period evaluated at once (as the day status, MAKS_HARI_STATUS). */
const JENDELA = 62;
/**
 * How many days of a policy's span are looked at for WFH days: all of a dated policy up to a year; of an
 * open-ended one (or a longer one) the last year up to 62 days after today.
 */
export const MAKS_HARI_PINDAI = 366;

type KewajibanAturan = Extract<Kebijakan['aturan'][number]['hasil'], { jenis: 'kewajiban_wfh' }>;

/** The `kewajiban_wfh` rules of a policy version that ask for a statement. */
function aturanPernyataan(k: Kebijakan) {
  return k.aturan.filter(
    (a): a is typeof a & { hasil: KewajibanAturan } =>
      a.hasil.jenis === 'kewajiban_wfh' && a.hasil.surat_pernyataan,
  );
}

function berlakuDari(k: Kebijakan): MasukanPernyataan['kebijakan']['berlaku'] {
  return k.berlaku.tanggal
    ? { tanggal: k.berlaku.tanggal }
    : { dari: k.berlaku.dari!, sampai: k.berlaku.sampai ?? null };
}

/** The stored policy versions that ask for a statement (drafts aside). */
async function kebijakanBerpernyataan(trx: Trx): Promise<Kebijakan[]> {
  return (await evalRepo.listKebijakan(trx))
    .map(dariBaris)
    .filter((k) => k.status !== 'draft' && aturanPernyataan(k).length > 0);
}

/** The periods (≤ 62 days each) of a policy's span to look at for WFH days. */
function jendelaPindai(k: Kebijakan, hariIni: string): string[][] {
  const r = rentangBerlaku(berlakuDari(k));
  const sampai = r.sampai ?? addDays(hariIni, JENDELA);
  if (sampai < r.dari) return [];
  let hari = dateRange(r.dari, sampai);
  if (hari.length > MAKS_HARI_PINDAI) hari = hari.slice(-MAKS_HARI_PINDAI);
  const out: string[][] = [];
  for (let i = 0; i < hari.length; i += JENDELA) out.push(hari.slice(i, i + JENDELA));
  return out;
}

/** A published WFH day on which a policy version asks the person for a statement. */
export interface HariWajib {
  readonly pegawaiId: string;
  readonly tanggal: string;
  readonly kebijakanId: string;
  readonly versi: number;
}

interface Orang {
  readonly key: string;
  readonly nama: string;
  readonly opdKode: string;
  readonly opdNama: string;
  readonly unitKode: string;
  readonly unitNama: string;
}

/**
 * The WFH days of a period (≤ 62 consecutive days) on which a statement is asked: the published schedule's WFH
 * cells of the people chosen (ids, and/or an OPD subtree as the evaluation places them), each checked against
 * the policy evaluation of that day (`kewajibanWfh`, and the rule it cites asks for a statement).
 */
async function wajibDalam(
  trx: Trx,
  tenantId: string,
  hari: readonly string[],
  pilih: { readonly pegawaiIds?: readonly string[]; readonly opdKode?: string },
) {
  const { b, hari: ev } = await evaluasiPeriode(trx, tenantId, hari);
  const keyOf = new Map<string, string>();
  for (const [k, o] of b.orang) keyOf.set(o.id, k);
  let ids = pilih.pegawaiIds ? [...pilih.pegawaiIds] : undefined;
  if (pilih.opdKode !== undefined) {
    const dalam = orangDalam(b, pilih.opdKode).map((k) => b.orang.get(k)!.id);
    ids = ids ? ids.filter((id) => dalam.includes(id)) : dalam;
  }
  const ke = new Map(hari.map((d, i) => [d, i]));
  const dok = new Map(b.kebijakan.map((k) => [`${k.id}|${k.versi}`, k]));
  const wajib: HariWajib[] = [];
  const sel = await jadwalRepo.selBerlaku(trx, hari[0]!, hari.at(-1)!, {
    hanyaTerbit: true,
    pegawaiIds: ids,
  });
  for (const r of sel) {
    if (r.status !== 'WFH') continue;
    const key = keyOf.get(r.pegawai_id);
    const i = ke.get(r.tanggal);
    const o = key === undefined || i === undefined ? undefined : ev[i]!.orang.get(key);
    if (!o?.kewajibanWfh.suratPernyataan) continue;
    for (const s of o.kewajibanWfh.sumber) {
      const a = dok.get(`${s.kebijakanId}|${s.versi}`)?.aturan.find((x) => x.id === s.aturanId);
      if (a?.hasil.jenis === 'kewajiban_wfh' && a.hasil.surat_pernyataan)
        wajib.push({
          pegawaiId: r.pegawai_id,
          tanggal: r.tanggal,
          kebijakanId: s.kebijakanId,
          versi: s.versi,
        });
    }
  }
  const induk = pencariOpdInduk(b);
  const orang = (pegawaiId: string): Orang | null => {
    const key = keyOf.get(pegawaiId);
    const p = key === undefined ? undefined : b.orang.get(key);
    if (!p || key === undefined) return null;
    const unit = b.opdKode.get(p.opdId);
    const top = b.opdKode.get(induk(p.opdId));
    return {
      key,
      nama: p.nama,
      opdKode: top?.kode ?? '',
      opdNama: top?.nama ?? '',
      unitKode: unit?.kode ?? '',
      unitNama: unit?.nama ?? '',
    };
  };
  return { wajib, orang };
}

/** One statement a person needs: the policy version, the person as placed then, their WFH days under it. */
interface Kebutuhan {
  readonly pegawaiId: string;
  readonly kebijakan: Kebijakan;
  readonly orang: Orang;
  readonly hari: string[];
}

/**
 * The statements needed by the people chosen, per person and policy version, over the spans of the policy
 * versions that ask for one (`saring`: one version only).
 */
async function kumpulkanKebutuhan(
  trx: Trx,
  tenantId: string,
  hariIni: string,
  pilih: { readonly pegawaiIds?: readonly string[]; readonly opdKode?: string },
  saring?: { readonly kebijakanId?: string | undefined; readonly versi?: number | undefined },
) {
  const semua = await kebijakanBerpernyataan(trx);
  const dipilih = semua.filter(
    (k) =>
      (saring?.kebijakanId === undefined || k.id === saring.kebijakanId) &&
      (saring?.versi === undefined || k.versi === saring.versi),
  );
  const kunciK = new Map(dipilih.map((k) => [`${k.id}|${k.versi}`, k]));
  const jendela = new Map<string, string[]>();
  for (const k of dipilih) for (const j of jendelaPindai(k, hariIni)) jendela.set(`${j[0]}|${j.at(-1)}`, j);
  const kebutuhan = new Map<string, Kebutuhan>();
  for (const j of [...jendela.values()].sort((a, c) => a[0]!.localeCompare(c[0]!))) {
    if (!(await repo.mungkinAdaWfh(trx, j[0]!, j.at(-1)!, pilih.pegawaiIds))) continue;
    const { wajib, orang } = await wajibDalam(trx, tenantId, j, pilih);
    for (const w of wajib) {
      const k = kunciK.get(`${w.kebijakanId}|${w.versi}`);
      if (!k) continue;
      const kunci = `${w.pegawaiId}|${k.id}|${k.versi}`;
      let n = kebutuhan.get(kunci);
      if (!n) {
        const o = orang(w.pegawaiId);
        if (!o) continue;
        n = { pegawaiId: w.pegawaiId, kebijakan: k, orang: o, hari: [] };
        kebutuhan.set(kunci, n);
      }
      if (!n.hari.includes(w.tanggal)) n.hari.push(w.tanggal);
    }
  }
  for (const n of kebutuhan.values()) n.hari.sort();
  return { semua, kebutuhan };
}

/** What a statement is made of: the person as placed on their first WFH day under it, the policy's words. */
async function masukanUntuk(
  trx: Trx,
  pemdaNama: string,
  n: Kebutuhan,
  tanggalTanda: string | null,
): Promise<MasukanPernyataan> {
  const p = await orgRepo.getPegawai(trx, n.pegawaiId, n.hari[0]!);
  const k = n.kebijakan;
  const aturan = aturanPernyataan(k);
  return {
    pemda: pemdaNama,
    pegawai: {
      nama: p?.nama ?? n.orang.nama,
      nip: p?.nip ?? '',
      idPegawai: p?.id_pegawai ?? '',
      jabatan: p?.jabatan ?? '',
      unitKerja: n.orang.unitNama,
      opd: n.orang.opdNama,
    },
    kebijakan: {
      id: k.id,
      versi: k.versi,
      jenisDokumen: k.jenis_dokumen,
      nomor: k.nomor,
      tanggal: k.tanggal,
      judul: k.judul,
      penandatangan: k.penandatangan.jabatan,
      berlaku: berlakuDari(k),
      aturan: aturan.map((a) => ({ judul: a.judul, keterangan: a.keterangan ?? null })),
      targetKinerja: aturan.some((a) => a.hasil.target_kinerja),
      laporHarian: aturan.some((a) => a.hasil.lapor_harian),
    },
    tempat: tempatDariPemda(pemdaNama),
    tanggalTanda,
  };
}

/** SHA-256 (hex) of the wording's version and the two texts: what the verification code shows. */
export function hashPernyataan(versiTeks: number, teksId: string, teksEn: string): string {
  return createHash('sha256')
    .update(JSON.stringify([versiTeks, teksId, teksEn]))
    .digest('hex');
}

const nipAtauId = (m: MasukanPernyataan) => m.pegawai.nip || m.pegawai.idPegawai;

function tandaTanganApi(r: repo.BarisPernyataan, zona: ZonaWaktu) {
  return {
    id: r.id,
    ditandatangani_pada: r.ditandatangani_pada.toISOString(),
    waktu_lokal: formatWaktu(r.ditandatangani_pada, zona),
    username: r.username,
    perangkat: r.perangkat,
    user_agent: r.user_agent,
    kode_verifikasi: kodeVerifikasi(r.hash),
    hash: r.hash,
  };
}

/** The caller's statements: those needed (signed or not) and any signed before. */
export async function pernyataanSaya(trx: Trx, tenantId: string, caller: Caller, sekarang = new Date()) {
  const pid = caller.pegawaiId;
  if (!pid) return { pegawai: null, pernyataan: [] };
  const pemda = await getSettings(trx, tenantId);
  const hariIni = localDate(sekarang, pemda.zonaWaktu);
  const { kebutuhan } = await kumpulkanKebutuhan(trx, tenantId, hariIni, { pegawaiIds: [pid] });
  const ditandatangani = await repo.pernyataanSaya(trx, pid);
  const sudah = new Map(ditandatangani.map((r) => [`${r.kebijakan_id}|${r.kebijakan_versi}`, r]));
  const out = [];
  const dipakai = new Set<string>();
  for (const n of kebutuhan.values()) {
    const kunci = `${n.kebijakan.id}|${n.kebijakan.versi}`;
    dipakai.add(kunci);
    const r = sudah.get(kunci);
    const teks = r
      ? (r.bagian as TeksPernyataan)
      : teksPernyataan(await masukanUntuk(trx, pemda.nama, n, null));
    const rentang = rentangBerlaku(berlakuDari(n.kebijakan));
    out.push({
      kebijakan_id: n.kebijakan.id,
      versi: n.kebijakan.versi,
      nomor: n.kebijakan.nomor,
      judul: n.kebijakan.judul,
      berlaku_dari: rentang.dari,
      berlaku_sampai: rentang.sampai,
      hari_wfh: n.hari,
      teks,
      tanda_tangan: r ? tandaTanganApi(r, pemda.zonaWaktu) : null,
    });
  }
  // Signed before, no longer needed (the schedule changed since): still the person's record.
  for (const r of ditandatangani) {
    if (dipakai.has(`${r.kebijakan_id}|${r.kebijakan_versi}`)) continue;
    const m = r.masukan as MasukanPernyataan;
    const teks = r.bagian as TeksPernyataan;
    const rentang = rentangBerlaku(m.kebijakan.berlaku);
    out.push({
      kebijakan_id: r.kebijakan_id,
      versi: r.kebijakan_versi,
      nomor: m.kebijakan.nomor,
      judul: m.kebijakan.judul,
      berlaku_dari: rentang.dari,
      berlaku_sampai: rentang.sampai,
      hari_wfh: [],
      teks,
      tanda_tangan: tandaTanganApi(r, pemda.zonaWaktu),
    });
  }
  out.sort(
    (a, c) => c.berlaku_dari.localeCompare(a.berlaku_dari) || a.kebijakan_id.localeCompare(c.kebijakan_id),
  );
  const p = await orgRepo.getPegawai(trx, pid, hariIni);
  return {
    pegawai: p ? { id: pid, nama: p.nama, nip: p.nip ?? p.id_pegawai ?? '' } : null,
    pernyataan: out,
  };
}

export interface IsianTandaTangan {
  readonly kebijakanId: string;
  readonly versi: number;
  readonly perangkat?: string | undefined;
  readonly idKlien?: string | undefined;
}

export interface PerangkatPenanda {
  readonly userAgent: string;
  readonly ip: string;
}

function hasilTandaTangan(r: repo.BarisPernyataan, zona: ZonaWaktu, baru: boolean) {
  return {
    id: r.id,
    kebijakan_id: r.kebijakan_id,
    versi: r.kebijakan_versi,
    ditandatangani_pada: r.ditandatangani_pada.toISOString(),
    waktu_lokal: formatWaktu(r.ditandatangani_pada, zona),
    kode_verifikasi: kodeVerifikasi(r.hash),
    baru,
  };
}

/**
 * The caller signs their statement of a policy version. Idempotent: signing again returns the first
 * signature; the same `id_klien` again returns its first answer, with another body it is refused (409).
 */
export async function tandaTangani(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  isian: IsianTandaTangan,
  alat: PerangkatPenanda,
  sekarang = new Date(),
) {
  const pid = caller.pegawaiId;
  if (!pid)
    throw new AppError(
      'VALIDASI',
      pesan(
        'Akun ini tidak tertaut ke data pegawai, jadi tidak dapat menandatangani surat pernyataan',
        'This account is not linked to an employee record, so it cannot sign a statement',
      ),
    );
  const pemda = await getSettings(trx, tenantId);
  const zona = pemda.zonaWaktu;
  const perangkat = (isian.perangkat ?? '').trim();
  const hashIsi = createHash('sha256')
    .update(JSON.stringify([isian.kebijakanId, isian.versi, perangkat]))
    .digest('hex');
  const ulang = async (): Promise<ReturnType<typeof hasilTandaTangan> | null> => {
    if (isian.idKlien) {
      const r = await repo.pernyataanIdKlien(trx, isian.idKlien);
      if (r) {
        if (r.hash_isi !== hashIsi || r.pegawai_id !== pid)
          throw new AppError(
            'KONFLIK',
            pesan(
              'id_klien ini sudah dipakai untuk permintaan lain; buat id_klien baru',
              'This id_klien was used for another request; make a new id_klien',
            ),
          );
        return hasilTandaTangan(r, zona, false);
      }
    }
    const r = await repo.pernyataanOrang(trx, pid, isian.kebijakanId, isian.versi);
    return r ? hasilTandaTangan(r, zona, false) : null;
  };
  const ada = await ulang();
  if (ada) return ada;

  const hariIni = localDate(sekarang, zona);
  const { kebutuhan } = await kumpulkanKebutuhan(
    trx,
    tenantId,
    hariIni,
    { pegawaiIds: [pid] },
    { kebijakanId: isian.kebijakanId, versi: isian.versi },
  );
  const n = kebutuhan.get(`${pid}|${isian.kebijakanId}|${isian.versi}`);
  if (!n)
    throw errors.notFound(
      `Surat pernyataan kebijakan ${isian.kebijakanId} versi ${isian.versi} yang perlu Anda tandatangani`,
      `A statement of policy ${isian.kebijakanId} version ${isian.versi} for you to sign`,
    );
  const masukan = await masukanUntuk(trx, pemda.nama, n, hariIni);
  const teks = teksPernyataan(masukan);
  const teksId = teksPolos(teks.id, masukan.pegawai.nama, nipAtauId(masukan));
  const teksEn = teksPolos(teks.en, masukan.pegawai.nama, nipAtauId(masukan));
  const row = await repo.insertPernyataan(trx, tenantId, {
    pegawai_id: pid,
    kebijakan_id: n.kebijakan.id,
    kebijakan_versi: n.kebijakan.versi,
    teks_id: teksId,
    teks_en: teksEn,
    bagian: teks,
    masukan,
    versi_teks: VERSI_TEKS_PERNYATAAN,
    hash: hashPernyataan(VERSI_TEKS_PERNYATAAN, teksId, teksEn),
    ditandatangani_pada: sekarang,
    user_id: caller.userId,
    username: caller.username,
    user_agent: alat.userAgent.slice(0, 500),
    perangkat,
    ip: alat.ip.slice(0, 100),
    id_klien: isian.idKlien ?? null,
    hash_isi: isian.idKlien ? hashIsi : null,
  });
  if (!row) {
    // Signed at the same moment by another request: its answer is the answer.
    const lain = await ulang();
    if (lain) return lain;
    throw new AppError('KONFLIK', pesan('Coba lagi', 'Try again'));
  }
  await insertAudit(trx, tenantId, { userId: caller.userId, nama: caller.username }, [
    {
      aksi: 'tandatangan',
      entitas: 'pernyataan_wfh',
      entitasId: row.id,
      ringkasan: `${masukan.pegawai.nama} menandatangani surat pernyataan WFH (${n.kebijakan.nomor}, versi ${n.kebijakan.versi})`,
      sesudah: {
        kebijakan_id: n.kebijakan.id,
        versi: n.kebijakan.versi,
        hash: row.hash,
        perangkat,
        user_agent: row.user_agent,
        ip: row.ip,
      },
    },
  ]);
  return hasilTandaTangan(row, zona, true);
}

/** The caller's grants that open others' statements (`wfh.pernyataan.read`). */
function grantPernyataan(caller: Caller): Caller {
  return { ...caller, grants: caller.grants.filter((g) => allows([g.role], 'wfh.pernyataan.read')) };
}

/**
 * A signed statement for its PDF: the signer's own, or within the scope of an admin or unit head
 * (`wfh.pernyataan.read`) as the person was placed on the day of signing. Anyone else: not found.
 */
export async function pernyataanUntukCetak(trx: Trx, tenantId: string, caller: Caller, id: string) {
  const r = await repo.getPernyataan(trx, id);
  const tidakAda = () => errors.notFound('Surat pernyataan', 'Statement');
  if (!r) throw tidakAda();
  const pemda = await getSettings(trx, tenantId);
  if (r.pegawai_id !== caller.pegawaiId) {
    const c = grantPernyataan(caller);
    if (c.grants.length === 0) throw tidakAda();
    const l = lingkupTanggal(trx, c, 'read');
    if (!(await l.meliputi(r.pegawai_id, localDate(r.ditandatangani_pada, pemda.zonaWaktu))))
      throw tidakAda();
  }
  return cetakan(r, pemda.zonaWaktu);
}

const namaBerkas = (kebijakanId: string, versi: number, m: MasukanPernyataan, draf = false) =>
  `surat-pernyataan-${kebijakanId}-v${versi}-${nipAtauId(m).replace(/[^A-Za-z0-9-]/g, '_')}${draf ? '-draf' : ''}.pdf`;

/** A signed statement as its PDF shows it: everything from the stored row, nothing from the policy today. */
function cetakan(r: repo.BarisPernyataan, zona: ZonaWaktu) {
  const m = r.masukan as MasukanPernyataan;
  const dokumen: DokumenPernyataan = {
    kop: { pemda: m.pemda, opd: m.pegawai.opd || m.pegawai.unitKerja },
    teks: r.bagian as TeksPernyataan,
    nama: m.pegawai.nama,
    nip: nipAtauId(m),
    tandaTangan: {
      waktuLokal: formatWaktu(r.ditandatangani_pada, zona),
      perangkat: r.perangkat,
      userAgent: r.user_agent,
      username: r.username,
      kodeVerifikasi: kodeVerifikasi(r.hash),
      hash: r.hash,
    },
  };
  return { dokumen, nama: namaBerkas(r.kebijakan_id, r.kebijakan_versi, m) };
}

/**
 * The caller's own statement of a policy version for printing: the signed one when signed, else a draft worded
 * as it would be signed today and marked "BELUM DITANDATANGANI" (for those who want it on paper first). A
 * statement the caller does not need: not found.
 */
export async function drafUntukCetak(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  kebijakanId: string,
  versi: number,
  sekarang = new Date(),
) {
  const tidakAda = () => errors.notFound('Surat pernyataan', 'Statement');
  const pid = caller.pegawaiId;
  if (!pid) throw tidakAda();
  const pemda = await getSettings(trx, tenantId);
  const r = await repo.pernyataanOrang(trx, pid, kebijakanId, versi);
  if (r) return cetakan(r, pemda.zonaWaktu);
  const { kebutuhan } = await kumpulkanKebutuhan(
    trx,
    tenantId,
    localDate(sekarang, pemda.zonaWaktu),
    { pegawaiIds: [pid] },
    { kebijakanId, versi },
  );
  const n = kebutuhan.get(`${pid}|${kebijakanId}|${versi}`);
  if (!n) throw tidakAda();
  const m = await masukanUntuk(trx, pemda.nama, n, null);
  const dokumen: DokumenPernyataan = {
    kop: { pemda: m.pemda, opd: m.pegawai.opd || m.pegawai.unitKerja },
    teks: teksPernyataan(m),
    nama: m.pegawai.nama,
    nip: nipAtauId(m),
    tandaTangan: null,
  };
  return { dokumen, nama: namaBerkas(kebijakanId, versi, m, true) };
}

export interface SaringanDaftar {
  readonly opd?: string | undefined;
  readonly kebijakanId?: string | undefined;
  readonly versi?: number | undefined;
  readonly status: 'semua' | 'belum' | 'sudah';
}

/**
 * Who needs a statement and whether they signed, for an OPD/unit subtree (or the whole Pemda for whole-Pemda
 * roles), people within the caller's scope on their first WFH day under the policy. Counts per status.
 */
export async function daftarPernyataan(
  trx: Trx,
  tenantId: string,
  caller: Caller,
  q: SaringanDaftar,
  sekarang = new Date(),
) {
  const c = grantPernyataan(caller);
  const pemda = await getSettings(trx, tenantId);
  const hariIni = localDate(sekarang, pemda.zonaWaktu);
  if (q.opd && !(await jadwalRepo.opdDenganKodeAbaikanHuruf(trx, q.opd)))
    throw errors.notFound(`OPD ${q.opd}`, `OPD ${q.opd}`);
  await cekOpdDalamLingkup(trx, c, q.opd, hariIni, 'read');
  const { semua, kebutuhan } = await kumpulkanKebutuhan(
    trx,
    tenantId,
    hariIni,
    q.opd ? { opdKode: q.opd } : {},
    { kebijakanId: q.kebijakanId, versi: q.versi },
  );
  const l = lingkupTanggal(trx, c, 'read');
  const semuaN = [...kebutuhan.values()];
  await l.muat(semuaN.map((n) => n.pegawaiId));
  const boleh: Kebutuhan[] = [];
  for (const n of semuaN) if (await l.meliputi(n.pegawaiId, n.hari[0]!)) boleh.push(n);
  const tanda = new Map(
    (await repo.tandaTanganOrang(trx, [...new Set(boleh.map((n) => n.pegawaiId))])).map((r) => [
      `${r.pegawai_id}|${r.kebijakan_id}|${r.kebijakan_versi}`,
      r,
    ]),
  );
  const baris = boleh.map((n) => {
    const r = tanda.get(`${n.pegawaiId}|${n.kebijakan.id}|${n.kebijakan.versi}`);
    const isNip = /^\d{18}$/.test(n.orang.key);
    return {
      pegawai_id: n.pegawaiId,
      nip: isNip ? n.orang.key : '',
      id_pegawai: isNip ? '' : n.orang.key,
      nama: n.orang.nama,
      opd_kode: n.orang.opdKode,
      unit_kode: n.orang.unitKode,
      kebijakan_id: n.kebijakan.id,
      versi: n.kebijakan.versi,
      hari_wfh: n.hari.length,
      hari_pertama: n.hari[0]!,
      pernyataan_id: r?.id ?? null,
      ditandatangani_pada: r ? r.ditandatangani_pada.toISOString() : null,
    };
  });
  baris.sort(
    (a, b) =>
      a.kebijakan_id.localeCompare(b.kebijakan_id) ||
      b.versi - a.versi ||
      a.opd_kode.localeCompare(b.opd_kode) ||
      a.unit_kode.localeCompare(b.unit_kode) ||
      a.nama.localeCompare(b.nama),
  );
  const sudah = baris.filter((b) => b.pernyataan_id !== null).length;
  return {
    kebijakan: semua.map((k) => ({ kebijakan_id: k.id, versi: k.versi, nomor: k.nomor, judul: k.judul })),
    jumlah: { perlu: baris.length, sudah, belum: baris.length - sudah },
    baris: baris.filter((b) => q.status === 'semua' || (q.status === 'sudah') === (b.pernyataan_id !== null)),
  };
}

/** A required statement missing on a WFH day: not signed at all, or signed only after the day ended. */
export interface PernyataanKurang {
  readonly kebijakanId: string;
  readonly versi: number;
  readonly status: 'belum' | 'terlambat';
  readonly ditandatanganiPada: Date | null;
}

/**
 * For the WFH day status (docs/wfh.md §2): for each of `pegawaiIds` and each published WFH day in [dari,
 * sampai] on which a policy asks them for a statement that was not signed by the end of that day, the
 * statements missing. Keys `pegawaiId|tanggal`; a day with every statement signed in time has no entry.
 * Any period length (evaluated 62 days at a time, each shared with the day status's own evaluation).
 */
export async function pernyataanBelumDitandatangani(
  trx: Trx,
  tenantId: string,
  pegawaiIds: readonly string[],
  dari: string,
  sampai: string,
): Promise<Map<string, PernyataanKurang[]>> {
  const out = new Map<string, PernyataanKurang[]>();
  if (pegawaiIds.length === 0 || sampai < dari) return out;
  const zona = (await getSettings(trx, tenantId)).zonaWaktu;
  const tanda = new Map(
    (await repo.tandaTanganOrang(trx, pegawaiIds)).map((r) => [
      `${r.pegawai_id}|${r.kebijakan_id}|${r.kebijakan_versi}`,
      r.ditandatangani_pada,
    ]),
  );
  const hari = dateRange(dari, sampai);
  for (let i = 0; i < hari.length; i += JENDELA) {
    const j = hari.slice(i, i + JENDELA);
    if (!(await repo.mungkinAdaWfh(trx, j[0]!, j.at(-1)!, pegawaiIds))) continue;
    const { wajib } = await wajibDalam(trx, tenantId, j, { pegawaiIds });
    for (const w of wajib) {
      const pada = tanda.get(`${w.pegawaiId}|${w.kebijakanId}|${w.versi}`) ?? null;
      const akhirHari = new Date(localDayStart(addDays(w.tanggal, 1), zona));
      if (pada && pada < akhirHari) continue;
      const kunci = `${w.pegawaiId}|${w.tanggal}`;
      const l = out.get(kunci) ?? [];
      out.set(kunci, l);
      l.push({
        kebijakanId: w.kebijakanId,
        versi: w.versi,
        status: pada ? 'terlambat' : 'belum',
        ditandatanganiPada: pada,
      });
    }
  }
  return out;
}
