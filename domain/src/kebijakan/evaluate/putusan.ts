/**
 * One person's decision on a day: the location their rules give, the groups they join, hours, attendance,
 * duties.
 */

import type { Pesan } from '../../i18n/message.ts';
import { isoWeekday } from '../../kalender/dates.ts';
import type { Aturan, Hasil, Kebijakan } from '../schema.ts';
import type { KonteksHari } from './konteks.ts';
import {
  type Cocokan,
  cocok,
  DEFAULT_ABSENSI,
  dalamCakupan,
  dipilih,
  type KeputusanOrang,
  keketatan,
  kosong,
  LOKASI_KINDS,
  type Lokasi,
  type MetodeAbsensi,
  type OrgPegawai,
  type Pertimbangan,
  type RujukanAturan,
  rujukanAturan,
  s0,
  sebut,
  type UnitInfo,
} from './umum.ts';

/** A group the person joins (a cap, minimum or piket rule of a policy), and whether they may be on piket. */
export interface TambahGrup {
  readonly k: Kebijakan;
  readonly a: Aturan;
  readonly per: 'opd' | 'unit';
  readonly boleh: boolean;
}

/**
 * Decides person p (of `unit`) on the day: the location, the groups to join, hours, attendance methods and WFH
 * duties, with every rule that matched, used or set aside. Other kinds than location: per policy the first
 * matching rule of each kind.
 */
export function putuskan(
  kx: KonteksHari,
  p: OrgPegawai,
  unit: UnitInfo | undefined,
): { shared: KeputusanOrang; adds: TambahGrup[] } {
  const { hk, aktif, tanggal, jamDefault } = kx;
  const pertimbangan: Pertimbangan[] = [];
  const adds: TambahGrup[] = [];
  if (!hk.kerja && aktif.length === 0) {
    return {
      shared: kosong(
        p.key,
        'LIBUR',
        kx.psn(`Tidak bekerja: ${hk.keterangan.id}`, `Not working: ${hk.keterangan.en}`),
        null,
      ),
      adds,
    };
  }
  // Rules that pick this person, per policy, in document order.
  const cocokan: Cocokan[] = [];
  aktif.forEach((k, i) => {
    if (!dalamCakupan(k, unit)) return;
    for (const a of k.aturan) if (dipilih(a, p, unit)) cocokan.push({ k, a, urutanKebijakan: i });
  });
  const { lokasi, sumber, penjelasan } = tentukanLokasi(kx, p, unit, cocokan, pertimbangan, adds);

  const pertamaPerJenis = (jenis: Hasil['jenis']) => {
    const out: Cocokan[] = [];
    for (const k of aktif) {
      const c = cocokan.find((x) => x.k === k && x.a.hasil.jenis === jenis);
      if (c) out.push(c);
    }
    return out.sort(
      (x, y) =>
        y.k.kedudukan - x.k.kedudukan || (y.k.tanggal > x.k.tanggal ? 1 : y.k.tanggal < x.k.tanggal ? -1 : 0),
    );
  };
  for (const c of pertamaPerJenis('minimum_kantor')) {
    if (unit && c.a.hasil.jenis === 'minimum_kantor')
      adds.push({ k: c.k, a: c.a, per: c.a.hasil.per, boleh: true });
    pertimbangan.push({
      sumber: rujukanAturan(c.k, c.a),
      jenis: 'minimum_kantor',
      dipakai: true,
      alasan: kx.psn('minimum di kantor', 'office minimum'),
    });
  }
  for (const c of pertamaPerJenis('piket')) {
    if (unit && c.a.hasil.jenis === 'piket') {
      const boleh = lokasi !== 'LIBUR' && (c.a.hasil.boleh ? cocok(c.a.hasil.boleh, p, unit) : true);
      adds.push({ k: c.k, a: c.a, per: c.a.hasil.per, boleh: boleh });
      pertimbangan.push({
        sumber: rujukanAturan(c.k, c.a),
        jenis: 'piket',
        dipakai: true,
        alasan: boleh
          ? kx.psn('dapat ditunjuk sebagai piket', 'may be appointed on duty (piket)')
          : kx.psn('anggota kelompok piket, tidak boleh ditunjuk', 'in the piket group, not eligible'),
      });
    }
  }
  const jamC = pertamaPerJenis('jam_kerja')[0];
  let jamKerja: KeputusanOrang['jamKerja'] = jamDefault ? { ...jamDefault, sumber: null } : null;
  if (jamC && jamC.a.hasil.jenis === 'jam_kerja' && lokasi !== 'LIBUR') {
    const h = jamC.a.hasil;
    if (!h.hari || h.hari.includes(isoWeekday(tanggal))) {
      jamKerja = {
        mulai: h.mulai,
        selesai: h.selesai,
        istirahatMenit: h.istirahat_menit,
        sumber: rujukanAturan(jamC.k, jamC.a),
      };
    }
  }
  if (lokasi === 'LIBUR') jamKerja = null;
  const absC = pertamaPerJenis('absensi');
  const metode = (status: 'wfo' | 'wfh' | 'piket', label: 'WFO' | 'WFH' | 'PIKET'): MetodeAbsensi => {
    const c = absC.find((x) => x.a.hasil.jenis === 'absensi' && x.a.hasil[status] !== undefined);
    if (c?.a.hasil.jenis !== 'absensi') return DEFAULT_ABSENSI(label);
    const h = c.a.hasil;
    return {
      metode: h[status]!,
      setiapJam: h[status] === 'lokasi_berkala' ? h.lokasi_setiap_jam : undefined,
      dari: h[status] === 'lokasi_berkala' ? (h.lokasi_dari ?? jamKerja?.mulai) : undefined,
      sampai: h[status] === 'lokasi_berkala' ? (h.lokasi_sampai ?? jamKerja?.selesai) : undefined,
      sumber: rujukanAturan(c.k, c.a),
    };
  };
  const kw = pertamaPerJenis('kewajiban_wfh');
  const flag = (f: 'surat_pernyataan' | 'target_kinerja' | 'tetap_di_rumah' | 'lapor_harian') =>
    kw.some((c) => c.a.hasil.jenis === 'kewajiban_wfh' && c.a.hasil[f]);
  const shared: KeputusanOrang = {
    key: p.key,
    lokasi,
    sumber,
    penjelasan,
    kelompok: [],
    jamKerja,
    absensi: { WFO: metode('wfo', 'WFO'), WFH: metode('wfh', 'WFH'), PIKET: metode('piket', 'PIKET') },
    kewajibanWfh: {
      suratPernyataan: flag('surat_pernyataan'),
      targetKinerja: flag('target_kinerja'),
      tetapDiRumah: flag('tetap_di_rumah'),
      laporHarian: flag('lapor_harian'),
      sumber: kw.map((c) => rujukanAturan(c.k, c.a)),
    },
    pertimbangan,
  };
  return { shared, adds };
}

/**
 * The location: per policy the first location-kind rule that applies today; across policies the higher standing
 * wins, then the stricter outcome. Caps of other policies at the same standing also hold (joined in `adds`).
 */
export function tentukanLokasi(
  kx: KonteksHari,
  p: OrgPegawai,
  unit: UnitInfo | undefined,
  cocokan: readonly Cocokan[],
  pertimbangan: Pertimbangan[],
  adds: TambahGrup[],
): { lokasi: Lokasi; sumber: RujukanAturan | null; penjelasan: Pesan } {
  const { hk, aktif, tanggal } = kx;
  const perKebijakan: Cocokan[] = [];
  for (const k of aktif) {
    // A closure that applies today sends its people home whatever the rule order; otherwise the
    // first location rule in document order decides.
    const first =
      cocokan.find((c) => c.k === k && c.a.hasil.jenis === 'penutupan_kantor' && kx.penutupanHariIni(c.a)) ??
      cocokan.find(
        (c) =>
          c.k === k &&
          LOKASI_KINDS.has(c.a.hasil.jenis) &&
          c.a.hasil.jenis !== 'penutupan_kantor' &&
          !kx.batasTakTerapkan(c.k, c.a),
      );
    if (first) perKebijakan.push(first);
    for (const c of cocokan) {
      if (c.k !== k || !LOKASI_KINDS.has(c.a.hasil.jenis) || c === first) continue;
      const alasan = !kx.penutupanHariIni(c.a)
        ? kx.psn(`penutupan tidak berlaku pada ${tanggal}`, `the closure does not apply on ${tanggal}`)
        : kx.batasTakTerapkan(c.k, c.a)
          ? kx.psn('batas nasional tidak diketahui hari ini', 'the national cap is unknown today')
          : first!.a.hasil.jenis === 'penutupan_kantor'
            ? kx.psn(
                `kantor ditutup hari ini oleh ${sebut(rujukanAturan(first!.k, first!.a)).id}`,
                `the office is closed today by ${sebut(rujukanAturan(first!.k, first!.a)).en}`,
              )
            : kx.psn(
                `didahului ${sebut(rujukanAturan(first!.k, first!.a)).id} (urutan aturan)`,
                `preceded by ${sebut(rujukanAturan(first!.k, first!.a)).en} (rule order)`,
              );
      pertimbangan.push({
        sumber: rujukanAturan(c.k, c.a),
        jenis: c.a.hasil.jenis,
        dipakai: false,
        alasan,
      });
    }
  }
  perKebijakan.sort(
    (x, y) =>
      y.k.kedudukan - x.k.kedudukan ||
      keketatan(y.a.hasil, kx.fraksiBatas(y.k, y.a) ?? 0.5) -
        keketatan(x.a.hasil, kx.fraksiBatas(x.k, x.a) ?? 0.5) ||
      x.urutanKebijakan - y.urutanKebijakan,
  );
  const menang = perKebijakan[0];
  let lokasi: Lokasi;
  let sumber: RujukanAturan | null = null;
  let penjelasan: Pesan;
  if (!menang) {
    if (!hk.kerja) {
      lokasi = 'LIBUR';
      penjelasan = kx.psn(`Tidak bekerja: ${hk.keterangan.id}`, `Not working: ${hk.keterangan.en}`);
    } else {
      lokasi = 'WFO';
      penjelasan =
        aktif.length === 0
          ? kx.psn(
              'Tidak ada kebijakan yang berlaku: bekerja di kantor seperti biasa',
              'No policy applies: working at the office as usual',
            )
          : kx.psn(
              'Tidak ada aturan kebijakan yang berlaku bagi pegawai ini: bekerja di kantor seperti biasa',
              'No policy rule applies to this employee: working at the office as usual',
            );
    }
  } else {
    sumber = rujukanAturan(menang.k, menang.a);
    const h = menang.a.hasil;
    const s = sebut(sumber);
    if (h.jenis === 'wfo') {
      lokasi = 'WFO';
      penjelasan = kx.psn(
        `Bekerja di kantor (WFO) menurut ${s.id}`,
        `Works at the office (WFO) under ${s.en}`,
      );
    } else if (h.jenis === 'wfh') {
      lokasi = 'WFH';
      penjelasan = kx.psn(`Bekerja dari rumah (WFH) menurut ${s.id}`, `Works from home (WFH) under ${s.en}`);
    } else if (h.jenis === 'penutupan_kantor') {
      lokasi = 'WFH';
      penjelasan = kx.psn(
        `Kantor ditutup (${h.alasan}); bekerja dari rumah menurut ${s.id}`,
        `Office closed (${h.alasan}); works from home under ${s.en}`,
      );
    } else {
      lokasi = 'BEBAS';
      const asnOnly = h.jenis === 'batas_kantor' && h.penyebut === 'asn_terpilih';
      const anggota = !asnOnly || p.jenisPegawai !== 'non_asn';
      if (unit && h.jenis === 'batas_kantor' && anggota)
        adds.push({ k: menang.k, a: menang.a, per: h.per, boleh: true });
      penjelasan = kx.psn(
        `Kantor atau rumah menurut jadwal, dalam batas ${s.id}`,
        `Office or home by the schedule, within the cap of ${s.en}`,
      );
    }
    pertimbangan.unshift({
      sumber,
      jenis: menang.a.hasil.jenis,
      dipakai: true,
      alasan: kx.psn('menentukan lokasi kerja', 'decides the work location'),
    });
    // Caps of other policies at the same standing also hold (all must be met: the stricter wins).
    for (const c of perKebijakan.slice(1)) {
      const sameStanding = c.k.kedudukan === menang.k.kedudukan;
      if (sameStanding && c.a.hasil.jenis === 'batas_kantor' && lokasi === 'BEBAS' && unit) {
        // Like the deciding cap: a cap over ASN only does not count non-ASN staff.
        if (c.a.hasil.penyebut !== 'asn_terpilih' || p.jenisPegawai !== 'non_asn') {
          adds.push({ k: c.k, a: c.a, per: c.a.hasil.per, boleh: true });
        }
        pertimbangan.push({
          sumber: rujukanAturan(c.k, c.a),
          jenis: c.a.hasil.jenis,
          dipakai: true,
          alasan: kx.psn(
            'batas ini juga berlaku (semua batas harus dipenuhi)',
            'this cap also holds (all caps must be met)',
          ),
        });
      } else {
        pertimbangan.push({
          sumber: rujukanAturan(c.k, c.a),
          jenis: c.a.hasil.jenis,
          dipakai: false,
          alasan: sameStanding
            ? kx.psn(
                `kalah oleh yang lebih ketat: ${s0(sumber).id}`,
                `set aside for the stricter: ${s0(sumber).en}`,
              )
            : kx.psn(
                `kalah oleh kebijakan berkedudukan lebih tinggi: ${s0(sumber).id}`,
                `set aside for a policy of higher standing: ${s0(sumber).en}`,
              ),
        });
      }
    }
  }
  return { lokasi, sumber, penjelasan };
}
