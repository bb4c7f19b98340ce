import {
  checkHeader,
  dateRange,
  formatTanggal,
  type ImportIssue,
  isIsoDate,
  masalahAngkaPanjang,
  type Pesan,
  pesan,
  type StatusJadwal,
} from '@sigap/domain';
import type { Trx } from '../../../db/database.ts';
import { kunciPeriodeJadwal } from '../../../db/kunci.ts';
import { AppError, errors } from '../../../errors.ts';
import { type Actor, insertAudit } from '../../audit/audit.repository.ts';
import {
  bahanPeriode,
  evaluasiPeriode,
  orangDalam,
  pencariOpdInduk,
} from '../../evaluasi/evaluasi.service.ts';
import type { Table } from '../../impor/file-reader.ts';
import type { LingkupTanggal } from '../../org/org.service.ts';
import { findTenantById } from '../../pengaturan/pengaturan.repository.ts';
import * as repo from '../jadwal.repository.ts';
import { batasOpd, jadwalBerlaku, KANTOR, LEVEL_URUT, MAKS_HARI, periode } from '../periode.ts';
import type { DokumenRekap } from './types.ts';

// The schedule recap: its rows (CSV/JSON export), the printed document's data (XLSX/PDF, rendered by
// xlsx.ts / pdf.ts in a worker thread), and the import of a recap made elsewhere.

export const KOLOM_REKAP = [
  'tanggal',
  'nip',
  'id_pegawai',
  'nama',
  'opd_kode',
  'unit_kode',
  'status',
  'kebijakan_id',
  'aturan_id',
] as const;

/** The schedule recap rows (CONTRACTS.md), one per person per day, for a period and optional OPD. */
export async function rekap(trx: Trx, tenantId: string, dari: string, sampai: string, opdKode?: string) {
  periode(dari, sampai);
  const b = await bahanPeriode(trx, tenantId, dari, sampai);
  const orang = new Set(orangDalam(b, opdKode));
  const { rows } = await jadwalBerlaku(trx, b, dari, sampai);
  const byId = new Map([...b.orang].map(([k, p]) => [p.id, { key: k, ...p }]));
  const induk = pencariOpdInduk(b);
  const top = (opdId: string) => b.opdKode.get(induk(opdId))?.kode ?? '';
  const out: Record<(typeof KOLOM_REKAP)[number], string>[] = [];
  for (const r of rows) {
    const p = byId.get(r.pegawai_id);
    if (!p || !orang.has(p.key)) continue;
    const isNip = /^\d{18}$/.test(p.key);
    out.push({
      tanggal: r.tanggal,
      nip: isNip ? p.key : '',
      id_pegawai: isNip ? '' : p.key,
      nama: p.nama,
      opd_kode: top(p.opdId),
      unit_kode: b.opdKode.get(p.opdId)?.kode ?? '',
      status: r.status,
      kebijakan_id: r.kebijakan_id ?? '',
      aturan_id: r.aturan_id ?? '',
    });
  }
  return out.sort(
    (a, c) =>
      a.tanggal.localeCompare(c.tanggal) ||
      a.opd_kode.localeCompare(c.opd_kode) ||
      a.nama.localeCompare(c.nama),
  );
}

const STATUS_SAH: readonly StatusJadwal[] = ['WFO', 'WFH', 'PIKET', 'CUTI', 'SAKIT', 'ISOLASI', 'LIBUR'];

/**
 * Loads a schedule recap made elsewhere (the export's columns: one row per person per day) as a new
 * draft version, so `check` can find every way it breaks the policies. All-or-nothing: every bad row
 * is named (unknown person, bad date or status, a person/day twice, a period over the limit).
 */
export async function imporRekap(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  t: Table,
  /** The importer's scope by date (write mode); null/absent: the whole Pemda */
  lingkup?: LingkupTanggal | null,
) {
  const issues: ImportIssue[] = checkHeader(t.headers, ['tanggal', 'status'], [...KOLOM_REKAP]);
  if (!t.headers.includes('nip') && !t.headers.includes('id_pegawai')) {
    issues.push({
      baris: 1,
      kolom: 'nip',
      kode: 'KOLOM_HILANG',
      pesan: pesan('Kolom nip (atau id_pegawai) wajib ada', 'Column nip (or id_pegawai) is required'),
    });
  }
  if (issues.length > 0)
    throw new AppError(
      'IMPOR_GAGAL',
      pesan('Kepala kolom rekap tidak sah', 'The recap header is not valid'),
      issues,
    );
  if (t.rows.length === 0)
    throw new AppError(
      'IMPOR_GAGAL',
      pesan('Berkas tidak berisi baris data', 'The file has no data rows'),
      [],
    );
  const tanggalSah = t.rows
    .map((r) => r.values.tanggal ?? '')
    .filter(isIsoDate)
    .sort();
  const dari = tanggalSah[0] ?? '';
  const sampai = tanggalSah.at(-1) ?? '';
  const b = dari ? await bahanPeriode(trx, tenantId, dari, sampai) : null;
  const seen = new Map<string, number>();
  const sel: repo.SelBaru[] = [];
  const bad = (baris: number, kolom: string, kode: string, p: Pesan) =>
    issues.push({ baris, kolom, kode, pesan: p });
  if (lingkup && b) await lingkup.muat([...b.orang.values()].map((p) => p.id));
  for (const r of t.rows) {
    const v = r.values;
    const key = (v.nip ?? '').trim() || (v.id_pegawai ?? '').trim();
    const tanggal = (v.tanggal ?? '').trim();
    const status = (v.status ?? '').trim().toUpperCase();
    let ok = true;
    if (!isIsoDate(tanggal)) {
      bad(
        r.baris,
        'tanggal',
        'TANGGAL_TIDAK_SAH',
        pesan(`"${tanggal}" bukan tanggal YYYY-MM-DD`, `"${tanggal}" is not a YYYY-MM-DD date`),
      );
      ok = false;
    }
    if (!(STATUS_SAH as readonly string[]).includes(status)) {
      bad(
        r.baris,
        'status',
        'STATUS_TIDAK_SAH',
        pesan(
          `status "${v.status ?? ''}" tidak dikenal; pilihan: ${STATUS_SAH.join(', ')}`,
          `unknown status "${v.status ?? ''}"; choose one of: ${STATUS_SAH.join(', ')}`,
        ),
      );
      ok = false;
    }
    const p = key ? b?.orang.get(key) : undefined;
    const angka = masalahAngkaPanjang(r);
    if (angka.length > 0) {
      // the person's number lost digits in Excel: say that, do not look the damaged value up
      issues.push(...angka);
      ok = false;
    } else if (!key) {
      bad(
        r.baris,
        'nip',
        'WAJIB',
        pesan('nip (atau id_pegawai) wajib diisi', 'nip (or id_pegawai) is required'),
      );
      ok = false;
    } else if (!p) {
      bad(
        r.baris,
        v.nip ? 'nip' : 'id_pegawai',
        'PEGAWAI_TIDAK_ADA',
        pesan(
          `pegawai ${key} tidak terdaftar dalam periode ini`,
          `employee ${key} is not registered in this period`,
        ),
      );
      ok = false;
    } else if (lingkup && isIsoDate(tanggal) && !(await lingkup.meliputi(p.id, tanggal))) {
      bad(
        r.baris,
        'nip',
        'DI_LUAR_LINGKUP',
        pesan(
          `pegawai ${key} di luar OPD yang boleh Anda kelola pada ${formatTanggal(tanggal)}`,
          `employee ${key} is outside the OPDs you may manage on ${formatTanggal(tanggal, 'en')}`,
        ),
      );
      ok = false;
    }
    if (!ok || !p) continue;
    const dup = seen.get(`${key}|${tanggal}`);
    if (dup !== undefined) {
      bad(
        r.baris,
        'tanggal',
        'GANDA',
        pesan(
          `${key} ${tanggal} sudah ada di baris ${dup}`,
          `${key} ${tanggal} already appears in row ${dup}`,
        ),
      );
      continue;
    }
    seen.set(`${key}|${tanggal}`, r.baris);
    const kebijakanId = (v.kebijakan_id ?? '').trim() || null;
    sel.push({
      pegawai_id: p.id,
      tanggal,
      status,
      kebijakan_id: kebijakanId,
      kebijakan_versi: null,
      aturan_id: kebijakanId ? (v.aturan_id ?? '').trim() || null : null,
      alasan: 'impor',
    });
  }
  if (dari && sampai && dateRange(dari, sampai).length > MAKS_HARI) {
    bad(
      1,
      'tanggal',
      'PERIODE_TERLALU_PANJANG',
      pesan(
        `Rekap mencakup ${dari} s.d. ${sampai}; paling banyak ${MAKS_HARI} hari sekali impor`,
        `The recap spans ${dari} to ${sampai}; at most ${MAKS_HARI} days per import`,
      ),
    );
  }
  if (issues.length > 0) {
    throw new AppError(
      'IMPOR_GAGAL',
      pesan(
        `Impor rekap dibatalkan: ${issues.length} masalah; tidak ada yang diubah`,
        `Recap import cancelled: ${issues.length} problems; nothing was changed`,
      ),
      issues,
    );
  }
  await kunciPeriodeJadwal(trx, tenantId, dari, sampai);
  const j = await repo.insertJadwal(trx, tenantId, {
    dari,
    sampai,
    cakupanOpd: null,
    pelanggaran: [],
    oleh: actor.nama,
    jenis: 'impor',
    keterangan: `Impor rekap: ${sel.length} sel`,
  });
  await repo.insertSel(trx, tenantId, j.id, sel);
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'impor',
      entitas: 'jadwal',
      entitasId: j.id,
      ringkasan: `Mengimpor rekap jadwal ${dari} s.d. ${sampai}: ${sel.length} sel sebagai draf`,
      sesudah: { sel: sel.length },
    },
  ]);
  return { id: j.id, dari, sampai, sel: sel.length, pegawai: new Set(sel.map((c) => c.pegawai_id)).size };
}

/** Everything the printed recap (XLSX / PDF) shows for a period and optional OPD. */
export async function dokumenRekap(
  trx: Trx,
  tenantId: string,
  dari: string,
  sampai: string,
  opdKode?: string,
): Promise<DokumenRekap> {
  const days = periode(dari, sampai);
  const { b, hari } = await evaluasiPeriode(trx, tenantId, days);
  const keys = orangDalam(b, opdKode);
  const { sel, rows } = await jadwalBerlaku(trx, b, dari, sampai);
  const tenant = await findTenantById(trx, tenantId);
  if (!tenant) throw errors.notFound('Pemda', 'Pemda');
  const induk = pencariOpdInduk(b);
  const jabatan = await repo.jabatanPada(trx, sampai);
  const jabOf = new Map(jabatan.map((j) => [j.pegawai_id, j]));
  const perOpd = new Map<string, string[]>();
  for (const k of keys) {
    const top = induk(b.orang.get(k)!.opdId);
    perOpd.set(top, [...(perOpd.get(top) ?? []), k]);
  }
  const terbit = rows.length > 0 && rows.every((r) => r.jadwal_status === 'terbit');
  const opd = [...perOpd].map(([id, ks]) => {
    const o = b.opdKode.get(id)!;
    const anggota = new Set(ks);
    const kepalaKey = ks.find((k) => {
      const p = b.orang.get(k)!;
      return p.opdId === id && jabOf.get(p.id)?.jabatan_level === 'jpt';
    });
    const orang = ks
      .map((k) => {
        const p = b.orang.get(k)!;
        const unit = b.opdKode.get(p.opdId);
        const j = jabOf.get(p.id);
        return {
          nip: k,
          nama: p.nama,
          jabatan: j?.jabatan ?? '',
          level: j?.jabatan_level ?? '',
          unitKode: unit?.kode ?? '',
          unitNama: unit?.nama ?? '',
          sel: Object.fromEntries(sel.get(k) ?? []),
        };
      })
      .sort(
        (a, c) =>
          (a.unitKode === o.kode ? -1 : 0) - (c.unitKode === o.kode ? -1 : 0) ||
          a.unitKode.localeCompare(c.unitKode) ||
          LEVEL_URUT(a.level) - LEVEL_URUT(c.level) ||
          a.nama.localeCompare(c.nama),
      )
      .map(({ level: _l, ...x }) => x);
    const total: Record<string, DokumenRekap['opd'][number]['total'][string]> = {};
    for (const ev of hari) {
      const st = (k: string) => sel.get(k)?.get(ev.tanggal);
      let kantor = 0;
      let piket = 0;
      let rumah = 0;
      let tidakHadir = 0;
      for (const k of ks) {
        const s = st(k);
        if (KANTOR(s)) kantor++;
        if (s === 'PIKET') piket++;
        if (s === 'WFH') rumah++;
        if (s === 'CUTI' || s === 'SAKIT' || s === 'ISOLASI') tidakHadir++;
      }
      total[ev.tanggal] = {
        kantor,
        piket,
        rumah,
        tidakHadir,
        libur: !ev.hariKerja,
        batas: batasOpd(ev, anggota, st),
      };
    }
    const kepala = kepalaKey ? { nama: b.orang.get(kepalaKey)!.nama, nip: kepalaKey } : null;
    return { kode: o.kode, nama: o.nama, kepala, orang, total };
  });
  return {
    pemda: { nama: tenant.nama, zonaWaktu: tenant.zona_waktu },
    dari,
    sampai,
    hari: days,
    status: terbit ? 'terbit' : 'draft',
    dibuatPada: new Date().toISOString(),
    opd: opd.sort((a, c) => a.kode.localeCompare(c.kode)),
  };
}
