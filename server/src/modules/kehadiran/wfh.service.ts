import {
  type AturanLaporan,
  type AturanSlot,
  type IsoDate,
  type MetodeAbsensi,
  type RangkumHariWfh,
  type RumahTerkonfirmasi,
  rangkumHariWfh,
  type ZonaWaktu,
} from '@sigap/domain';
import type { AturanWfh } from '@sigap/domain/api/lokasi';
import type { Actor } from '../../caller.ts';
import type { Db, Trx } from '../../db/database.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { izinKeluarUntukStatus } from '../izin-keluar/izin-keluar.service.ts';
import { pernyataanBelumDitandatangani } from '../pernyataan/pernyataan.service.ts';
import * as repo from './wfh.repository.ts';

// The WFH day's assessment (issue 11, item 6; docs/wfh.md §6): the location reports of the day judged against
// the person's confirmed home, the slots of the policy's rule, and the day's status (domain wfh/hari.ts).
// The day status (status.service.ts) and the person's WFH day (modules/wfh) both read it from here.

/** The Pemda's rules for reports from home, as the domain uses them. */
export interface AturanWfhPemda {
  readonly laporan: AturanLaporan;
  readonly tepatMenit: number;
  readonly simpanLokasiHari: number;
}

function dariBaris(b: repo.BarisAturanWfh): AturanWfhPemda {
  return {
    laporan: {
      radiusRumahM: b.wfh_radius_rumah_m,
      kecepatanMaksKmj: b.wfh_kecepatan_maks_kmj,
      tundaMaksMenit: b.wfh_tunda_maks_menit,
      selisihJamMaksMenit: b.wfh_selisih_jam_maks_menit,
      usulSetelahLaporan: b.wfh_usul_rumah_laporan,
    },
    tepatMenit: b.wfh_tepat_menit,
    simpanLokasiHari: b.wfh_simpan_lokasi_hari,
  };
}

export async function aturanWfh(db: Db | Trx, tenantId: string): Promise<AturanWfhPemda> {
  return dariBaris(await repo.bacaAturanWfh(db, tenantId));
}

const keApi = (b: repo.BarisAturanWfh): AturanWfh => ({
  radius_rumah_m: b.wfh_radius_rumah_m,
  kecepatan_maks_kmj: b.wfh_kecepatan_maks_kmj,
  tepat_menit: b.wfh_tepat_menit,
  tunda_maks_menit: b.wfh_tunda_maks_menit,
  selisih_jam_maks_menit: b.wfh_selisih_jam_maks_menit,
  usul_rumah_laporan: b.wfh_usul_rumah_laporan,
  simpan_lokasi_hari: b.wfh_simpan_lokasi_hari,
});

/** The rules as the API shows them. */
export async function lihatAturanWfh(db: Db | Trx, tenantId: string): Promise<AturanWfh> {
  return keApi(await repo.bacaAturanWfh(db, tenantId));
}

/** Replaces the rules (validated by the API schema and the table's checks); audited when anything changed. */
export async function ubahAturanWfh(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  baru: AturanWfh,
): Promise<AturanWfh> {
  const lama = await lihatAturanWfh(trx, tenantId);
  const beda = (Object.keys(baru) as (keyof AturanWfh)[]).filter((k) => baru[k] !== lama[k]);
  if (beda.length > 0) {
    await repo.simpanAturanWfh(trx, tenantId, {
      wfh_radius_rumah_m: baru.radius_rumah_m,
      wfh_kecepatan_maks_kmj: baru.kecepatan_maks_kmj,
      wfh_tepat_menit: baru.tepat_menit,
      wfh_tunda_maks_menit: baru.tunda_maks_menit,
      wfh_selisih_jam_maks_menit: baru.selisih_jam_maks_menit,
      wfh_usul_rumah_laporan: baru.usul_rumah_laporan,
      wfh_simpan_lokasi_hari: baru.simpan_lokasi_hari,
    });
    await insertAudit(trx, tenantId, actor, [
      {
        aksi: 'ubah',
        entitas: 'pengaturan',
        entitasId: tenantId,
        ringkasan: `Aturan laporan lokasi WFH diubah: ${beda.join(', ')}`,
        sebelum: lama,
        sesudah: baru,
      },
    ]);
  }
  return lihatAturanWfh(trx, tenantId);
}

/** The day's slot rule from the policy's attendance method: only `lokasi_berkala` with its hours has one. */
export function aturanSlotDari(m: MetodeAbsensi | undefined): AturanSlot | null {
  if (m?.metode !== 'lokasi_berkala' || !m.setiapJam || !m.dari || !m.sampai) return null;
  return { setiapJam: m.setiapJam, dari: m.dari, sampai: m.sampai };
}

/** What the assessment of many people's WFH days reads, loaded once for a period. */
export interface DataWfh {
  readonly aturan: AturanWfhPemda;
  /** "pegawaiId|tanggal" → the reports counted that day */
  readonly laporan: ReadonlyMap<string, readonly repo.BarisLaporan[]>;
  /** pegawaiId → the confirmed homes */
  readonly rumah: ReadonlyMap<string, readonly RumahTerkonfirmasi[]>;
  /** "pegawaiId|tanggal" of the WFH days on which a statement the policy asks for is missing (§2) */
  readonly pernyataanBelum: ReadonlySet<string>;
  /** "pegawaiId|tanggal" → the going-out notices of the day not withdrawn, objected to or not (§3) */
  readonly izin: ReadonlyMap<string, readonly { dari: Date; sampai: Date; dikeberatani: boolean }[]>;
}

export async function muatDataWfh(
  trx: Trx,
  tenantId: string,
  pegawaiIds: readonly string[],
  dari: IsoDate,
  sampai: IsoDate,
  /** whether the statements are read (a report's answer needs only its slot, not the day's status) */
  opsi: { pernyataan: boolean; aturan?: AturanWfhPemda } = { pernyataan: true },
): Promise<DataWfh> {
  const [aturan, baris, rumahBaris, belum, izinBaris] = await Promise.all([
    opsi.aturan ?? aturanWfh(trx, tenantId),
    repo.laporanPeriode(trx, pegawaiIds, dari, sampai),
    repo.rumahTerkonfirmasi(trx, pegawaiIds),
    opsi.pernyataan
      ? pernyataanBelumDitandatangani(trx, tenantId, pegawaiIds, dari, sampai)
      : new Map<string, unknown>(),
    izinKeluarUntukStatus(trx, pegawaiIds, dari, sampai),
  ]);
  const izin = new Map(
    [...izinBaris].map(([k, zs]) => [
      k,
      zs.map((z) => ({ dari: z.dari, sampai: z.sampai, dikeberatani: z.keberatan })),
    ]),
  );
  const laporan = new Map<string, repo.BarisLaporan[]>();
  for (const b of baris) {
    const k = `${b.pegawai_id}|${b.tanggal}`;
    const l = laporan.get(k) ?? [];
    laporan.set(k, l);
    l.push(b);
  }
  const rumah = new Map<string, RumahTerkonfirmasi[]>();
  for (const r of rumahBaris) {
    const l = rumah.get(r.pegawai_id) ?? [];
    rumah.set(r.pegawai_id, l);
    l.push({ lat: r.lat, lng: r.lng, berlakuSejak: r.berlaku_sejak });
  }
  return { aturan, laporan, rumah, pernyataanBelum: new Set(belum.keys()), izin };
}

/** One person's WFH day from the loaded data. */
export function rangkumOrang(
  data: DataWfh,
  o: {
    pegawaiId: string;
    tanggal: IsoDate;
    zona: ZonaWaktu;
    metode: MetodeAbsensi | undefined;
    sekarang: Date;
  },
): RangkumHariWfh {
  const laporan = (data.laporan.get(`${o.pegawaiId}|${o.tanggal}`) ?? []).map((b) => ({
    id: b.id,
    lat: b.lat,
    lng: b.lng,
    akurasiM: b.akurasi_m,
    dihitung: b.waktu_dihitung,
  }));
  return rangkumHariWfh({
    aturanSlot: aturanSlotDari(o.metode),
    tanggal: o.tanggal,
    zona: o.zona,
    laporan,
    rumah: data.rumah.get(o.pegawaiId) ?? [],
    izin: data.izin.get(`${o.pegawaiId}|${o.tanggal}`) ?? [],
    pernyataanBelum: data.pernyataanBelum.has(`${o.pegawaiId}|${o.tanggal}`),
    aturan: { ...data.aturan.laporan, tepatMenit: data.aturan.tepatMenit },
    sekarang: o.sekarang,
  });
}
