import { readFileSync } from 'node:fs';
import { addDays, isoWeekday, localDate, type RawRow } from '@sigap/domain';
import { parse, stringify } from 'yaml';
import { type SigapDatabase, withTenant } from '../db/database.ts';
import { SYSTEM_ACTOR } from '../modules/audit/audit.repository.ts';
import { upsertUser } from '../modules/auth/akun.service.ts';
import { findUserByUsername } from '../modules/auth/auth.repository.ts';
import * as cutiRepo from '../modules/cuti/cuti.repository.ts';
import type { ImportSummary } from '../modules/impor/impor.service.ts';
import { importOpd, importPegawai } from '../modules/impor/impor.service.ts';
import { buatJadwal, terbitkan } from '../modules/jadwal/jadwal.service.ts';
import { simpan } from '../modules/kebijakan/kebijakan.service.ts';
import { ensureTenant, seedHolidays } from '../modules/pengaturan/pengaturan.service.ts';
import { DEMO_ACCOUNTS, DEMO_TENANT, generateDemoPemda } from './data.ts';
import { adaJadwal, adaKebijakan, idPegawaiMenurutNip } from './seed.repository.ts';

/** The demo registry takes effect on this date, so views "as of" the source articles' dates (2020–2022) work. */
export const DEMO_BERLAKU = '2020-01-01';

function toTable(rows: Record<string, string>[]): { headers: string[]; rows: RawRow[] } {
  const headers = Object.keys(rows[0] ?? {});
  return { headers, rows: rows.map((values, i) => ({ baris: i + 2, values })) };
}

export interface DemoResult {
  readonly tenantId: string;
  readonly opd: ImportSummary;
  readonly pegawai: ImportSummary;
  readonly akunDibuat: number;
  readonly jadwal: {
    id: string;
    pegawai: number;
    hari: number;
    ketidakhadiran: number;
    pelanggaran: number;
  } | null;
}

/**
 * Seeds the demo Pemda deterministically and idempotently: the tenant, its holiday calendar, the
 * registry (through the same import code as a real Pemda's files) and one account per role.
 */
export async function seedDemo(
  sdb: SigapDatabase,
  onProgress?: (fase: string, done: number, total: number) => void,
): Promise<DemoResult> {
  const t = await ensureTenant(sdb.db, DEMO_TENANT);
  await withTenant(sdb, t.id, (trx) => seedHolidays(trx, t.id));
  const data = generateDemoPemda();
  const base = { actor: SYSTEM_ACTOR, writableOpdIds: null, berlakuMulai: DEMO_BERLAKU };
  const opd = await importOpd(sdb, t.id, toTable(data.opd), {
    ...base,
    onProgress: (f, d, n) => onProgress?.(`opd:${f}`, d, n),
  });
  const pegawai = await importPegawai(sdb, t.id, toTable(data.pegawai), {
    ...base,
    onProgress: (f, d, n) => onProgress?.(`pegawai:${f}`, d, n),
  });
  // Kota Batu's own circular of August 2020: the first notice and its revision, as two versions.
  for (const f of ['batu-2020.v1.yaml', 'batu-2020.v2.yaml']) {
    const teks = readFileSync(new URL(`../../../examples/policies/${f}`, import.meta.url), 'utf8');
    await withTenant(sdb, t.id, (trx) => simpan(trx, t.id, SYSTEM_ACTOR, teks, DEMO_BERLAKU));
  }
  let akunDibuat = 0;
  for (const a of DEMO_ACCOUNTS) {
    const exists = await withTenant(sdb, t.id, (trx) => findUserByUsername(trx, a.username));
    if (exists) continue;
    await withTenant(sdb, t.id, (trx) =>
      upsertUser(trx, t.id, SYSTEM_ACTOR, {
        username: a.username,
        nama: a.nama,
        password: a.password,
        nip: a.nip,
        roles: [
          { role: a.role, opdKode: a.opdKode },
          ...(a.nip && a.role !== 'employee' ? [{ role: 'employee' as const }] : []),
        ],
      }),
    );
    akunDibuat++;
  }
  // the current weeks first: the 2020 fortnight, built after, stays the newest build the schedule pages open on
  await seedDemoBerjalan(sdb, t.id, new Date());
  const jadwal = await seedDemoJadwal(sdb, t.id, data);
  return { tenantId: t.id, opd, pegawai, akunDibuat, jadwal };
}

/** The demo schedule covers the two weeks around Batu's WFH days (17–28 August 2020). */
export const DEMO_JADWAL = { dari: '2020-08-17', sampai: '2020-08-28' } as const;

/**
 * A published schedule for the demo fortnight, built after a few approved absences (annual leave,
 * sickness, an isolation) so the roster shows them, and one pending leave request of the demo employee
 * for their unit head to decide. Only when the demo Pemda has no schedule yet (idempotent).
 */
async function seedDemoJadwal(
  sdb: SigapDatabase,
  tenantId: string,
  data: ReturnType<typeof generateDemoPemda>,
) {
  if (await withTenant(sdb, tenantId, (trx) => adaJadwal(trx, DEMO_JADWAL.dari))) return null;
  return withTenant(sdb, tenantId, async (trx) => {
    const ids = await idPegawaiMenurutNip(trx);
    const asn = data.pegawai.filter((p) => p.nip !== '');
    const pegawaiDemo = DEMO_ACCOUNTS.find((a) => a.username === 'pegawai')!.nip!;
    // Every 97th ASN takes annual leave, every 211th is sick, one in isolation: deterministic.
    const cuti = asn
      .filter((p, i) => i % 97 === 5 && p.nip !== pegawaiDemo)
      .map((p, i) => ({
        nip: p.nip!,
        jenis: 'cuti_tahunan',
        dari: i % 2 ? '2020-08-24' : '2020-08-17',
        sampai: i % 2 ? '2020-08-26' : '2020-08-19',
      }));
    const sakit = asn
      .filter((p, i) => i % 211 === 7 && p.nip !== pegawaiDemo)
      .map((p) => ({ nip: p.nip!, jenis: 'cuti_sakit', dari: '2020-08-20', sampai: '2020-08-21' }));
    const isolasi = asn
      .filter((p) => p.opd_kode?.startsWith('DINKES') && p.nip !== pegawaiDemo)
      .slice(0, 1)
      .map((p) => ({ nip: p.nip!, jenis: 'isolasi', dari: '2020-08-18', sampai: '2020-08-28' }));
    const approved = [...cuti, ...sakit, ...isolasi];
    await cutiRepo.insert(
      trx,
      tenantId,
      approved.map((c) => ({
        pegawai_id: ids.get(c.nip)!,
        jenis: c.jenis,
        dari: c.dari,
        sampai: c.sampai,
        keterangan: c.jenis === 'isolasi' ? 'Kontak erat kasus terkonfirmasi (data contoh)' : '',
        status: 'disetujui' as const,
        sumber: 'admin' as const,
        diajukan_oleh: 'sistem',
      })),
    );
    await cutiRepo.insert(trx, tenantId, [
      {
        pegawai_id: ids.get(pegawaiDemo)!,
        jenis: 'cuti_tahunan',
        dari: '2020-08-27',
        sampai: '2020-08-28',
        keterangan: 'Keperluan keluarga',
        status: 'diajukan',
        sumber: 'pengajuan',
        diajukan_oleh: 'pegawai',
      },
    ]);
    const j = await buatJadwal(trx, tenantId, SYSTEM_ACTOR, DEMO_JADWAL.dari, DEMO_JADWAL.sampai);
    await terbitkan(trx, tenantId, SYSTEM_ACTOR, j.id);
    return {
      id: j.id,
      pegawai: j.pegawai,
      hari: j.hari,
      ketidakhadiran: approved.length,
      pelanggaran: j.pelanggaran.length,
    };
  });
}

/**
 * The weeks the demo is opened in (issue 11): a policy in force from this week's Monday for four weeks that
 * follows Kudus's technical guidance of March 2020 (health units and BPBD at the office, WFH staff report their
 * location every two hours) with Batu's statement and Bogor's "stay home", and puts the Law section (the
 * `pegawai.wfh` account, supervised by `kepala.hukum`) at home; and that section's schedule of this week and
 * the next, built and published under it. Once per week (the policy's id names its Monday), so a
 * demo opened later gets its own current weeks; a week's data is never changed once seeded.
 */
export async function seedDemoBerjalan(sdb: SigapDatabase, tenantId: string, sekarang: Date) {
  const hariIni = localDate(sekarang, DEMO_TENANT.zonaWaktu);
  const senin = addDays(hariIni, 1 - isoWeekday(hariIni));
  const id = `demo-wfh-${senin}`;
  if (await withTenant(sdb, tenantId, (trx) => adaKebijakan(trx, id))) return;
  const kudus = parse(
    readFileSync(new URL('../../../examples/policies/kudus-2020.yaml', import.meta.url), 'utf8'),
  );
  // Kudus's rules but its office cap (the demo's other people stay at the office, as the attendance pages
  // show), and the Law section at home
  const aturan = [
    ...(kudus.aturan as { id: string }[]).slice(0, 1),
    {
      id: 'bagian-hukum-wfh',
      judul: 'Bagian Hukum bekerja dari rumah (contoh Sigap)',
      pilih: { opd: ['BAG-HUKUM'] },
      hasil: { jenis: 'wfh' },
    },
    ...(kudus.aturan as { id: string }[]).slice(1).filter((a) => a.id !== 'opd-wfh-maks-50-persen-di-kantor'),
    {
      id: 'wfh-surat-pernyataan-tetap-di-rumah',
      judul: 'ASN yang bekerja dari rumah menandatangani surat pernyataan dan tetap di rumah',
      keterangan:
        'Seperti Kota Batu (Agustus 2020) dan Kota Bogor (Juni 2021): ASN yang bekerja dari rumah menandatangani surat pernyataan untuk tetap di rumah, dan tidak bepergian kecuali untuk keperluan mendesak dengan melapor.',
      pilih: { semua: true },
      hasil: { jenis: 'kewajiban_wfh', surat_pernyataan: true, tetap_di_rumah: true },
    },
  ];
  const dok = {
    ...kudus,
    id,
    judul: 'Sistem Kerja ASN Periode Berjalan (contoh Sigap menurut petunjuk teknis Kudus 2020)',
    nomor: `800/DEMO-${senin}/35.79`,
    tanggal: addDays(senin, -3),
    penandatangan: { jabatan: 'Wali Kota Batu' },
    berlaku: { dari: senin, sampai: addDays(senin, 27) },
    fakta: [{ per_tanggal: addDays(senin, -3), uraian: 'Data contoh Sigap untuk minggu berjalan' }],
    aturan,
  };
  await withTenant(sdb, tenantId, async (trx) => {
    await simpan(trx, tenantId, SYSTEM_ACTOR, stringify(dok), addDays(senin, -3));
    const j = await buatJadwal(trx, tenantId, SYSTEM_ACTOR, senin, addDays(senin, 11), 'BAG-HUKUM');
    await terbitkan(trx, tenantId, SYSTEM_ACTOR, j.id);
  });
}
