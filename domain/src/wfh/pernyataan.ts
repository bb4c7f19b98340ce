/**
 * The stay-home statement (surat pernyataan) of a person working from home (issue 11, item 1; Batu 2020:
 * "WFH staff sign a statement that they stay at home"). Pure: the server gives the person, the policy
 * version whose `kewajiban_wfh` rule asks for it, and the signing date; this file words the letter in
 * Indonesian (the text that is signed) with an English rendering. docs/wfh.md §2.
 *
 * The words come from the policy where it has them: its kind of document, signer, number, date, title and
 * dates in force, and the rule's own title and note quoted. What the letter promises beyond the rule (stay
 * home, go out only for urgent needs after telling one's supervisor, accept sanctions) is the form Pemdas
 * used in 2020.
 */

import { formatTanggal, namaBulan } from '../kalender/dates.ts';

/** The version of the wording: stored with each signature, so a later change of wording is told apart. */
export const VERSI_TEKS_PERNYATAAN = 1;

export type JenisDokumenKebijakan =
  | 'surat_edaran'
  | 'surat_pemberitahuan'
  | 'instruksi'
  | 'keputusan'
  | 'arahan_lisan'
  | 'lainnya';

const JENIS_DOKUMEN: Record<JenisDokumenKebijakan, { id: string; en: string }> = {
  surat_edaran: { id: 'Surat Edaran', en: 'Circular' },
  surat_pemberitahuan: { id: 'Surat Pemberitahuan', en: 'Notice' },
  instruksi: { id: 'Instruksi', en: 'Instruction' },
  keputusan: { id: 'Keputusan', en: 'Decree' },
  arahan_lisan: { id: 'Arahan', en: 'Direction' },
  lainnya: { id: 'Ketentuan', en: 'Provision' },
};

/** What the letter is made of (all of it stored with a signature). */
export interface MasukanPernyataan {
  /** The Pemda's name, e.g. "Pemerintah Kota Batu" */
  readonly pemda: string;
  readonly pegawai: {
    readonly nama: string;
    /** 18 digits for ASN; empty for non-ASN (then idPegawai) */
    readonly nip: string;
    readonly idPegawai: string;
    readonly jabatan: string;
    /** the unit the person works in, and its OPD (the same when placed at the OPD itself) */
    readonly unitKerja: string;
    readonly opd: string;
  };
  readonly kebijakan: {
    readonly id: string;
    readonly versi: number;
    readonly jenisDokumen: JenisDokumenKebijakan;
    readonly nomor: string;
    /** the letter's date, YYYY-MM-DD */
    readonly tanggal: string;
    readonly judul: string;
    readonly penandatangan: string;
    /** the dates in force: a list, or a range (`sampai` null: until revoked) */
    readonly berlaku:
      | { readonly tanggal: readonly string[] }
      | { readonly dari: string; readonly sampai: string | null };
    /** the `kewajiban_wfh` rules that ask for the statement: their title and note, quoted */
    readonly aturan: readonly { readonly judul: string; readonly keterangan: string | null }[];
    readonly targetKinerja: boolean;
    readonly laporHarian: boolean;
  };
  /** the place printed above the signature (the Pemda's town) */
  readonly tempat: string;
  /** the local date of signing (YYYY-MM-DD); null for a statement not signed yet */
  readonly tanggalTanda: string | null;
}

/** The letter in one language, in parts (for the page and the PDF); `teksPolos` joins them. */
export interface BagianPernyataan {
  readonly judul: string;
  readonly subjudul: string;
  readonly pembuka: string;
  /** label and value: name, NIP, position, unit */
  readonly identitas: readonly (readonly [string, string])[];
  readonly menyatakan: string;
  /** the numbered promises */
  readonly butir: readonly string[];
  readonly sanksi: string;
  readonly penutup: string;
  /** "Batu, 18 Agustus 2020" (dots where not signed yet) */
  readonly tempatTanggal: string;
  readonly yangMenyatakan: string;
}

export interface TeksPernyataan {
  readonly id: BagianPernyataan;
  readonly en: BagianPernyataan;
}

/** The NIP as letters print it: "19750101 200003 1 001"; other ids unchanged. */
export function formatNipSurat(nip: string): string {
  return /^\d{18}$/.test(nip)
    ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`
    : nip;
}

/** The town of a Pemda's name: "Pemerintah Kota Batu" → "Batu", "Kabupaten Kudus" → "Kudus". */
export function tempatDariPemda(nama: string): string {
  const t = nama
    .trim()
    .replace(/^(pemerintah|pemkot|pemkab)\s+/i, '')
    .replace(/^(kota|kabupaten|provinsi)\s+/i, '')
    .trim();
  return t === '' ? nama.trim() : t;
}

/** "18, 19 dan 21 Agustus 2020" / "18, 19 and 21 August 2020": a list of dates, grouped by month. */
function daftarTanggal(tanggal: readonly string[], lang: 'id' | 'en'): string {
  const urut = [...new Set(tanggal)].sort();
  const kelompok: { bulan: string; hari: number[] }[] = [];
  for (const t of urut) {
    const bulan = t.slice(0, 7);
    const akhir = kelompok.at(-1);
    if (akhir && akhir.bulan === bulan) akhir.hari.push(Number(t.slice(8, 10)));
    else kelompok.push({ bulan, hari: [Number(t.slice(8, 10))] });
  }
  const dan = lang === 'en' ? 'and' : 'dan';
  const gabung = (xs: string[]) =>
    xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${dan} ${xs.at(-1)}`;
  return gabung(
    kelompok.map(
      (k) =>
        `${gabung(k.hari.map(String))} ${namaBulan(Number(k.bulan.slice(5, 7)), lang)} ${k.bulan.slice(0, 4)}`,
    ),
  );
}

/** The policy's dates in words. */
export function periodeBerlaku(b: MasukanPernyataan['kebijakan']['berlaku'], lang: 'id' | 'en'): string {
  if ('tanggal' in b) return `${lang === 'en' ? 'on' : 'pada tanggal'} ${daftarTanggal(b.tanggal, lang)}`;
  const dari = formatTanggal(b.dari, lang, false);
  if (b.sampai === null)
    return lang === 'en' ? `from ${dari} until revoked` : `sejak ${dari} sampai dengan dicabut`;
  if (b.sampai === b.dari) return `${lang === 'en' ? 'on' : 'pada tanggal'} ${dari}`;
  const sampai = formatTanggal(b.sampai, lang, false);
  return lang === 'en' ? `from ${dari} to ${sampai}` : `mulai ${dari} sampai dengan ${sampai}`;
}

/** The first and last date a policy covers (`sampai` null: open-ended). */
export function rentangBerlaku(b: MasukanPernyataan['kebijakan']['berlaku']): {
  dari: string;
  sampai: string | null;
} {
  if ('tanggal' in b) {
    const urut = [...b.tanggal].sort();
    return { dari: urut[0]!, sampai: urut.at(-1)! };
  }
  return { dari: b.dari, sampai: b.sampai };
}

const rapikan = (s: string) => s.replace(/\s+/g, ' ').trim();
const kutip = (s: string) => `“${rapikan(s).replace(/[.;:,]+$/, '')}”`;

/** The statement's text in Indonesian (what is signed) and English. */
export function teksPernyataan(m: MasukanPernyataan): TeksPernyataan {
  return { id: bagian(m, 'id'), en: bagian(m, 'en') };
}

function bagian(m: MasukanPernyataan, lang: 'id' | 'en'): BagianPernyataan {
  const en = lang === 'en';
  const k = m.kebijakan;
  const p = m.pegawai;
  const jenis = JENIS_DOKUMEN[k.jenisDokumen][lang];
  const tanpaNomor = k.nomor.trim() === '-' || k.nomor.trim() === '';
  const nomor = tanpaNomor
    ? en
      ? 'without number'
      : 'tanpa nomor'
    : `${en ? 'Number' : 'Nomor'} ${rapikan(k.nomor)}`;
  const dokumen = `${jenis} ${rapikan(k.penandatangan)} ${nomor} ${en ? 'dated' : 'tanggal'} ${formatTanggal(k.tanggal, lang, false)} ${en ? 'on' : 'tentang'} ${rapikan(k.judul)}`;
  const periode = periodeBerlaku(k.berlaku, lang);
  const unit = p.unitKerja && p.unitKerja !== p.opd ? `${p.unitKerja}, ${p.opd}` : p.opd || p.unitKerja;
  const identitas: [string, string][] = [
    [en ? 'Name' : 'Nama', rapikan(p.nama)],
    p.nip ? ['NIP', formatNipSurat(p.nip)] : [en ? 'Employee ID' : 'ID pegawai', p.idPegawai],
    [en ? 'Position' : 'Jabatan', rapikan(p.jabatan) || '-'],
    [en ? 'Work unit' : 'Unit kerja', rapikan(unit) || '-'],
  ];
  const butir: string[] = [
    en
      ? 'stay at my home/place of residence and not travel, except for urgent needs, and then only after telling my direct supervisor beforehand;'
      : 'akan tetap berada di rumah/tempat tinggal dan tidak bepergian, kecuali untuk keperluan mendesak dengan memberitahukan terlebih dahulu kepada atasan langsung;',
    en
      ? 'keep carrying out my official duties from home and be reachable at any time during working hours, ready to come to the office when my superior calls;'
      : 'tetap melaksanakan tugas kedinasan dari rumah dan dapat dihubungi sewaktu-waktu selama jam kerja, serta siap hadir di kantor apabila dipanggil pimpinan;',
  ];
  if (k.targetKinerja)
    butir.push(
      en
        ? 'work to measurable performance targets and report their results to my direct supervisor;'
        : 'bekerja dengan target kinerja atau hasil yang terukur dan melaporkan hasilnya kepada atasan langsung;',
    );
  if (k.laporHarian)
    butir.push(
      en
        ? 'report on my work every day as the policy requires;'
        : 'melaporkan pelaksanaan tugas setiap hari sesuai ketentuan;',
    );
  for (const a of k.aturan) {
    const kata = a.keterangan ? `${kutip(a.judul)}: ${kutip(a.keterangan)}` : kutip(a.judul);
    butir.push(
      en
        ? `comply with the provision of the ${jenis.toLowerCase()} above, ${kata} (quoted as written);`
        : `mematuhi ketentuan ${jenis} tersebut, ${kata};`,
    );
  }
  const akhir = butir.length - 1;
  butir[akhir] = `${butir[akhir]!.replace(/;$/, '.')}`;
  const tempatTanggal = `${rapikan(m.tempat)}, ${
    m.tanggalTanda ? formatTanggal(m.tanggalTanda, lang, false) : '……………………'
  }`;
  return {
    judul: en ? 'STATEMENT' : 'SURAT PERNYATAAN',
    subjudul: en
      ? 'Carrying out official duties from home (work from home)'
      : 'Melaksanakan Tugas Kedinasan di Rumah (Work From Home)',
    pembuka: en ? 'I, the undersigned:' : 'Yang bertanda tangan di bawah ini:',
    identitas,
    menyatakan: en
      ? `hereby truly declare that while carrying out my official duties at home (work from home, WFH) under the ${dokumen}, ${periode}, I will:`
      : `menyatakan dengan sesungguhnya bahwa selama melaksanakan tugas kedinasan di rumah (work from home/WFH) sesuai ${dokumen}, ${periode}, saya:`,
    butir,
    sanksi: en
      ? 'Should I break this statement, I am willing to be sanctioned under the laws and regulations in force.'
      : 'Apabila saya melanggar pernyataan ini, saya bersedia dikenai sanksi sesuai ketentuan peraturan perundang-undangan yang berlaku.',
    penutup: en
      ? 'I make this statement truthfully, in full awareness and under no pressure from anyone.'
      : 'Demikian surat pernyataan ini saya buat dengan sebenar-benarnya, dalam keadaan sadar dan tanpa paksaan dari pihak mana pun.',
    tempatTanggal,
    yangMenyatakan: en ? 'The declarant,' : 'Yang menyatakan,',
  };
}

/** The letter as one plain text (what is stored and hashed): parts on their own lines. */
export function teksPolos(b: BagianPernyataan, nama: string, nipAtauId: string): string {
  const lebar = Math.max(...b.identitas.map(([l]) => l.length));
  return [
    b.judul,
    b.subjudul,
    '',
    b.pembuka,
    ...b.identitas.map(([l, v]) => `  ${l.padEnd(lebar)} : ${v}`),
    '',
    b.menyatakan,
    ...b.butir.map((x, i) => `  ${i + 1}. ${x}`),
    '',
    b.sanksi,
    b.penutup,
    '',
    b.tempatTanggal,
    b.yangMenyatakan,
    '',
    rapikan(nama),
    /^\d{18}$/.test(nipAtauId) ? `NIP. ${formatNipSurat(nipAtauId)}` : nipAtauId,
  ].join('\n');
}

/** "ABCD-EF12-3456-7890": the first 16 hex digits of a statement's SHA-256, grouped for reading aloud. */
export function kodeVerifikasi(hashHex: string): string {
  const h = hashHex.slice(0, 16).toUpperCase();
  return h.match(/.{1,4}/g)?.join('-') ?? h;
}
