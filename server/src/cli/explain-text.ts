import { type Pesan, teks } from '@sigap/domain';
import type { jelaskan } from '../modules/kebijakan/kebijakan.service.ts';

type Penjelasan = Awaited<ReturnType<typeof jelaskan>>;

const LOKASI: Record<string, { id: string; en: string }> = {
  WFO: { id: 'WFO — bekerja di kantor', en: 'WFO — works at the office' },
  WFH: { id: 'WFH — bekerja dari rumah', en: 'WFH — works from home' },
  BEBAS: {
    id: 'Kantor atau rumah menurut jadwal (dalam batas)',
    en: 'Office or home by the schedule (within caps)',
  },
  LIBUR: { id: 'Tidak bekerja', en: 'Not working' },
};

const METODE: Record<string, { id: string; en: string }> = {
  wajah: { id: 'absensi wajah', en: 'face attendance' },
  elektronik: { id: 'absensi elektronik', en: 'electronic attendance' },
  lokasi_berkala: { id: 'laporan lokasi berkala', en: 'periodic location reports' },
  catatan_admin: { id: 'dicatat admin OPD', en: 'recorded by the OPD admin' },
  tidak_ada: { id: 'tanpa absensi', en: 'no attendance' },
};

/** An explanation as plain text, in words a Pemda admin follows. */
export function cetakPenjelasan(r: Penjelasan, lang: 'id' | 'en'): string {
  const t = (p: Pesan) => teks(p, lang);
  const en = lang === 'en';
  const d = r.keputusan;
  const lines: string[] = [];
  lines.push(
    `${r.pegawai.nama} (${r.pegawai.key}) — ${r.pegawai.unitNama ?? '?'} [${r.pegawai.unitKode ?? '?'}]`,
  );
  lines.push(`${t(r.hari)}`);
  lines.push('');
  lines.push(`${en ? 'Decision' : 'Keputusan'}: ${t(LOKASI[d.lokasi]!)}`);
  lines.push(`  ${t(d.penjelasan)}`);
  if (r.kebijakanBerlaku.length > 0) {
    lines.push('');
    lines.push(en ? 'Policies in force that day:' : 'Kebijakan yang berlaku hari itu:');
    for (const k of r.kebijakanBerlaku)
      lines.push(`  - ${k.judul} No. ${k.nomor} (${k.id}, ${en ? 'version' : 'versi'} ${k.versi})`);
  } else {
    lines.push(en ? 'No policy is in force that day.' : 'Tidak ada kebijakan yang berlaku hari itu.');
  }
  if (d.pertimbangan.length > 0) {
    lines.push('');
    lines.push(en ? 'Rules that match this employee:' : 'Aturan yang cocok bagi pegawai ini:');
    for (const p of d.pertimbangan) {
      lines.push(
        `  ${p.dipakai ? '✔' : '✘'} ${p.sumber.judulAturan} [${p.sumber.kebijakanId} v${p.sumber.versi} / ${p.sumber.aturanId}] — ${t(p.alasan)}`,
      );
    }
  }
  if (r.kelompok.length > 0) {
    lines.push('');
    lines.push(en ? 'Group limits:' : 'Batasan kelompok:');
    for (const g of r.kelompok) {
      const piket =
        g.jenis === 'piket'
          ? g.bolehPiketSaya
            ? en
              ? ' — may be appointed'
              : ' — boleh ditunjuk'
            : en
              ? ' — not eligible'
              : ' — tidak boleh ditunjuk'
          : '';
      lines.push(`  - ${t(g.penjelasan)}${piket}`);
    }
  }
  if (d.jamKerja) {
    const j = d.jamKerja;
    lines.push('');
    lines.push(
      `${en ? 'Working hours' : 'Jam kerja'}: ${j.mulai.replace(':', '.')}–${j.selesai.replace(':', '.')}${j.istirahatMenit ? `, ${en ? 'break' : 'istirahat'} ${j.istirahatMenit} ${en ? 'min' : 'menit'}` : ''}${j.sumber ? ` (${j.sumber.aturanId})` : en ? ' (Pemda default)' : ' (jam kerja Pemda)'}`,
    );
  }
  if (d.lokasi !== 'LIBUR') {
    lines.push(`${en ? 'Attendance' : 'Absensi'}:`);
    for (const s of ['WFO', 'WFH', 'PIKET'] as const) {
      const m = d.absensi[s];
      const extra =
        m.metode === 'lokasi_berkala' && m.setiapJam
          ? ` ${en ? 'every' : 'setiap'} ${m.setiapJam} ${en ? 'hours' : 'jam'}${m.dari ? ` ${m.dari.replace(':', '.')}–${m.sampai?.replace(':', '.')}` : ''}`
          : '';
      lines.push(`  ${s}: ${t(METODE[m.metode]!)}${extra}${m.sumber ? ` (${m.sumber.aturanId})` : ''}`);
    }
    const k = d.kewajibanWfh;
    const duties = [
      k.suratPernyataan &&
        (en ? 'sign the stay-at-home statement' : 'menandatangani surat pernyataan tetap di rumah'),
      k.tetapDiRumah &&
        (en ? 'stay at home except for urgent needs' : 'tidak keluar rumah kecuali keperluan mendesak'),
      k.targetKinerja &&
        (en ? 'plan and report measurable targets' : 'merencanakan dan melaporkan target kinerja terukur'),
      k.laporHarian && (en ? 'report daily' : 'melapor setiap hari'),
    ].filter(Boolean);
    if (duties.length > 0)
      lines.push(`${en ? 'While working from home' : 'Selama WFH'}: ${duties.join('; ')}`);
  }
  for (const w of r.peringatan) lines.push(`! ${t(w)}`);
  return lines.join('\n');
}
