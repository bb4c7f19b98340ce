import { type Pesan, pesan } from '../i18n/message.ts';
import type { IsoDate } from '../kalender/dates.ts';
import type { EvaluasiHari, RujukanAturan } from '../kebijakan/evaluate.ts';
import type { StatusJadwal } from './solve.ts';

/** One way a schedule breaks a policy: which cell(s), which rule, the numbers. */
export interface TemuanJadwal {
  readonly tanggal: IsoDate;
  readonly kode:
    | 'SEL_KOSONG'
    | 'WAJIB_WFO'
    | 'WAJIB_WFH'
    | 'BEKERJA_SAAT_LIBUR'
    | 'BATAS_TERLAMPAUI'
    | 'MINIMUM_KURANG'
    | 'PIKET_KURANG'
    | 'PIKET_TIDAK_BOLEH'
    | 'PIKET_BERLEBIH'
    | 'TIDAK_HADIR_DIJADWALKAN'
    | 'TIDAK_BEKERJA_TANPA_DASAR';
  /** The people (NIP / id_pegawai) whose cells are at fault. */
  readonly orang: readonly string[];
  readonly sumber: RujukanAturan | null;
  /** The group constraint (cap, minimum, piket) broken, for group findings */
  readonly kelompokId?: string;
  readonly pesan: Pesan;
}

const KANTOR = (s: StatusJadwal | undefined) => s === 'WFO' || s === 'PIKET';

/**
 * Every way a schedule (person → date → status) breaks the policies evaluated for its days: missing
 * cells, people a rule keeps at the office or at home placed elsewhere, work on days off, caps exceeded,
 * minimums and piket not met or exceeded, piket given to someone not eligible, absent people scheduled to
 * work, and a working day marked off (LIBUR, CUTI, SAKIT, ISOLASI) with no day off or absence behind it.
 */
export function periksaJadwal(
  hari: readonly EvaluasiHari[],
  sel: ReadonlyMap<string, ReadonlyMap<IsoDate, StatusJadwal>>,
  tidakHadir?: ReadonlyMap<string, ReadonlyMap<IsoDate, string>>,
): TemuanJadwal[] {
  const out: TemuanJadwal[] = [];
  for (const ev of hari) {
    const d = ev.tanggal;
    const st = (k: string) => sel.get(k)?.get(d);
    for (const [k, kep] of ev.orang) {
      const s = st(k);
      if (!sel.has(k)) continue; // not in this schedule (another OPD's)
      if (s === undefined) {
        out.push({
          tanggal: d,
          kode: 'SEL_KOSONG',
          orang: [k],
          sumber: null,
          pesan: pesan(`${k} ${d}: sel jadwal kosong`, `${k} ${d}: the schedule cell is empty`),
        });
        continue;
      }
      const absen = tidakHadir?.get(k)?.get(d);
      if (absen && (s === 'WFO' || s === 'WFH' || s === 'PIKET')) {
        out.push({
          tanggal: d,
          kode: 'TIDAK_HADIR_DIJADWALKAN',
          orang: [k],
          sumber: null,
          pesan: pesan(
            `${k} ${d}: dijadwalkan ${s} padahal ${absen}`,
            `${k} ${d}: scheduled ${s} while on ${absen}`,
          ),
        });
      }
      const libur = s === 'LIBUR' || s === 'CUTI' || s === 'SAKIT' || s === 'ISOLASI';
      if (kep.lokasi !== 'LIBUR' && libur && (s === 'LIBUR' || absen !== s)) {
        out.push({
          tanggal: d,
          kode: 'TIDAK_BEKERJA_TANPA_DASAR',
          orang: [k],
          sumber: null,
          pesan: pesan(
            s === 'LIBUR'
              ? `${k} ${d}: ditandai LIBUR padahal hari kerja (tidak ada hari libur pada tanggal ini)`
              : `${k} ${d}: ditandai ${s} tanpa catatan ${s.toLowerCase()} yang disetujui`,
            s === 'LIBUR'
              ? `${k} ${d}: marked LIBUR on a working day (no holiday on this date)`
              : `${k} ${d}: marked ${s} with no approved ${s.toLowerCase()} record`,
          ),
        });
      }
      if (kep.lokasi === 'LIBUR' && !libur) {
        out.push({
          tanggal: d,
          kode: 'BEKERJA_SAAT_LIBUR',
          orang: [k],
          sumber: null,
          pesan: pesan(
            `${k} ${d}: dijadwalkan ${s} pada hari libur (${ev.keteranganHari.id})`,
            `${k} ${d}: scheduled ${s} on a day off (${ev.keteranganHari.en})`,
          ),
        });
      }
      if (kep.lokasi === 'WFO' && kep.sumber && s === 'WFH') {
        out.push({
          tanggal: d,
          kode: 'WAJIB_WFO',
          orang: [k],
          sumber: kep.sumber,
          pesan: pesan(
            `${k} ${d}: dijadwalkan WFH padahal aturan "${kep.sumber.judulAturan}" (${kep.sumber.kebijakanId}/${kep.sumber.aturanId}) mewajibkan bekerja di kantor`,
            `${k} ${d}: scheduled WFH but rule "${kep.sumber.judulAturan}" (${kep.sumber.kebijakanId}/${kep.sumber.aturanId}) requires the office`,
          ),
        });
      }
      const bolehPiket = ev.kelompok.some((g) => g.jenis === 'piket' && g.bolehPiket?.includes(k));
      if (kep.lokasi === 'WFH' && kep.sumber && s === 'WFO') {
        out.push({
          tanggal: d,
          kode: 'WAJIB_WFH',
          orang: [k],
          sumber: kep.sumber,
          pesan: pesan(
            `${k} ${d}: dijadwalkan WFO padahal aturan "${kep.sumber.judulAturan}" (${kep.sumber.kebijakanId}/${kep.sumber.aturanId}) mewajibkan bekerja dari rumah`,
            `${k} ${d}: scheduled WFO but rule "${kep.sumber.judulAturan}" (${kep.sumber.kebijakanId}/${kep.sumber.aturanId}) requires working from home`,
          ),
        });
      }
      if (s === 'PIKET' && !bolehPiket) {
        out.push({
          tanggal: d,
          kode: 'PIKET_TIDAK_BOLEH',
          orang: [k],
          sumber: kep.sumber,
          pesan: pesan(
            `${k} ${d}: dijadwalkan piket padahal tidak ada aturan piket yang membolehkannya`,
            `${k} ${d}: scheduled on duty (piket) though no piket rule allows it`,
          ),
        });
      }
    }
    for (const g of ev.kelompok) {
      const anggota = g.anggota.filter((k) => sel.has(k));
      if (anggota.length === 0) continue;
      if (g.jenis === 'batas_kantor') {
        const hadir = anggota.filter((k) => st(k) === 'WFO' || (st(k) === 'PIKET' && g.piketDihitung));
        if (hadir.length > g.maks!) {
          out.push({
            tanggal: d,
            kode: 'BATAS_TERLAMPAUI',
            orang: hadir,
            kelompokId: g.id,
            sumber: g.sumber,
            pesan: pesan(
              `${g.grupKode} ${d}: ${hadir.length} dari ${g.anggota.length} orang di kantor; batasnya ${g.maks} (${g.sumber.kebijakanId}/${g.sumber.aturanId})`,
              `${g.grupKode} ${d}: ${hadir.length} of ${g.anggota.length} at the office; the cap is ${g.maks} (${g.sumber.kebijakanId}/${g.sumber.aturanId})`,
            ),
          });
        }
      } else if (g.jenis === 'minimum_kantor') {
        const hadir = anggota.filter((k) => KANTOR(st(k))).length;
        if (hadir < g.min!) {
          out.push({
            tanggal: d,
            kode: 'MINIMUM_KURANG',
            orang: [],
            kelompokId: g.id,
            sumber: g.sumber,
            pesan: pesan(
              `${g.grupKode} ${d}: ${hadir} orang di kantor; minimumnya ${g.min} (${g.sumber.kebijakanId}/${g.sumber.aturanId})`,
              `${g.grupKode} ${d}: ${hadir} at the office; the minimum is ${g.min} (${g.sumber.kebijakanId}/${g.sumber.aturanId})`,
            ),
          });
        }
      } else {
        const piket = anggota.filter((k) => st(k) === 'PIKET').length;
        if (piket > g.jumlahPiket!) {
          out.push({
            tanggal: d,
            kode: 'PIKET_BERLEBIH',
            orang: [],
            kelompokId: g.id,
            sumber: g.sumber,
            pesan: pesan(
              `${g.grupKode} ${d}: ${piket} piket; aturan meminta ${g.jumlahPiket} (${g.sumber.kebijakanId}/${g.sumber.aturanId})`,
              `${g.grupKode} ${d}: ${piket} on duty; the rule asks for ${g.jumlahPiket} (${g.sumber.kebijakanId}/${g.sumber.aturanId})`,
            ),
          });
        }
        if (piket < g.jumlahPiket!) {
          out.push({
            tanggal: d,
            kode: 'PIKET_KURANG',
            orang: [],
            kelompokId: g.id,
            sumber: g.sumber,
            pesan: pesan(
              `${g.grupKode} ${d}: ${piket} piket; seharusnya ${g.jumlahPiket} (${g.sumber.kebijakanId}/${g.sumber.aturanId})`,
              `${g.grupKode} ${d}: ${piket} on duty; ${g.jumlahPiket} required (${g.sumber.kebijakanId}/${g.sumber.aturanId})`,
            ),
          });
        }
      }
    }
  }
  return out;
}
