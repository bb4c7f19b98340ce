import {
  Aturan,
  addDays,
  berlakuPada,
  hariKerja,
  type IsoDate,
  type JamKerja,
  type KalenderKerja,
  type Kebijakan,
  tanggalBerlaku,
} from '@sigap/domain';
import { isMap, isScalar, type Node, parseDocument, type Range, stringify } from 'yaml';

// Pure helpers of the policy pages: the identity fields of a YAML text (read and written in place, so
// the form strip and the text stay the same document), the template of a new policy, a revision's
// starting text, and the days a policy is in force on the Pemda's calendar.

/** The identity fields the editor's form strip shows. */
export const FIELD_IDENTITAS = [
  'id',
  'versi',
  'judul',
  'nomor',
  'tanggal',
  'penandatangan.jabatan',
  'status',
  'alasan_revisi',
] as const;
export type FieldIdentitas = (typeof FIELD_IDENTITAS)[number];

/** Each field as the YAML has it ('' when missing or not a plain value). */
export type Identitas = Readonly<Record<FieldIdentitas, string>>;

const pathOf = (f: FieldIdentitas): string[] => f.split('.');

/** Reads the identity fields of a YAML text; null when the text cannot be read as YAML. */
export function bacaIdentitas(text: string): Identitas | null {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return null;
  const out = {} as Record<FieldIdentitas, string>;
  for (const f of FIELD_IDENTITAS) {
    let v: unknown;
    try {
      v = doc.getIn(pathOf(f));
    } catch {
      v = undefined;
    }
    out[f] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  }
  return out;
}

/** A value as a YAML scalar: numbers for `versi`, text quoted only when YAML needs it. */
function scalarYaml(f: FieldIdentitas, value: string, inFlow: boolean): string {
  if (f === 'versi' && /^\d+$/.test(value)) return String(Number(value));
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  // Block scalars (multi-line) and flow indicators inside `{ … }` get a double-quoted string instead.
  if (plain.includes('\n') || /^[|>]/.test(plain)) return JSON.stringify(value);
  if (inFlow && /[,[\]{}]/.test(value) && !/^["']/.test(plain)) return JSON.stringify(value);
  return plain;
}

/** Where a top-level key goes when it is missing: after the nearest identity key before it. */
const URUTAN_ATAS = [
  'id',
  'versi',
  'judul',
  'jenis_dokumen',
  'nomor',
  'tanggal',
  'penandatangan',
  'status',
  'alasan_revisi',
];

/**
 * Writes one identity field into a YAML text and changes nothing else: the value's characters are
 * replaced in place (comments, order and layout stay); a missing top-level key is inserted after its
 * neighbour. Returns the text unchanged when it cannot be read as YAML.
 */
export function ubahIdentitas(text: string, f: FieldIdentitas, value: string): string {
  if (bacaIdentitas(text) === null) return text;
  const t = diTempat(text, f, value);
  // The in-place edit must leave a readable document holding the value; otherwise let the yaml
  // library's document API write it (layout may move, the content is right).
  return terbaca(t, f, value) ? t : fallback(text, pathOf(f), f, value);
}

function diTempat(text: string, f: FieldIdentitas, value: string): string {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return text;
  const path = pathOf(f);
  let node: unknown;
  try {
    node = doc.getIn(path, true);
  } catch {
    return text;
  }
  if (isScalar(node) && node.range) {
    const parent = path.length > 1 ? (doc.getIn(path.slice(0, -1), true) as Node | undefined) : undefined;
    const inFlow = !!(parent && isMap(parent) && parent.flow);
    const [start, end] = node.range as Range;
    // A block scalar (`>-`, `|`) ends after its last line break: keep that break, or the next key
    // would be glued onto the new value (`alasan_revisi: ""dasar:`).
    const akhir = /\s*$/.exec(text.slice(start, end))?.[0] ?? '';
    return text.slice(0, start) + scalarYaml(f, value, inFlow) + akhir + text.slice(end);
  }
  const root = doc.contents;
  if (!isMap(root) || root.flow) return fallback(text, path, f, value);
  const top = path[0]!;
  if (path.length > 1 && root.has(top)) return fallback(text, path, f, value);
  const line =
    path.length === 1
      ? `${top}: ${scalarYaml(f, value, false)}`
      : `${top}: { ${path[1]}: ${scalarYaml(f, value, true)} }`;
  // After the nearest key that comes before this one in the usual order, else before the first key.
  const before = URUTAN_ATAS.slice(0, URUTAN_ATAS.indexOf(top)).reverse();
  for (const k of before) {
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === k);
    const end =
      (pair?.value as Node | null | undefined)?.range?.[2] ?? (pair?.key as Node | undefined)?.range?.[2];
    if (end === undefined) continue;
    const nl = text.indexOf('\n', Math.max(0, end - 1));
    if (nl === -1) return `${text}\n${line}\n`;
    return `${text.slice(0, nl + 1)}${line}\n${text.slice(nl + 1)}`;
  }
  const first = (root.items[0]?.key as Node | undefined)?.range?.[0];
  if (first === undefined) return `${text}${text && !text.endsWith('\n') ? '\n' : ''}${line}\n`;
  const lineStart = text.lastIndexOf('\n', first - 1) + 1;
  return `${text.slice(0, lineStart)}${line}\n${text.slice(lineStart)}`;
}

/** Whether an edited text still parses and reads the field back as written (else the document API rewrites it). */
function terbaca(text: string, f: FieldIdentitas, value: string): boolean {
  const id = bacaIdentitas(text);
  return !!id && id[f] === (f === 'versi' && /^\d+$/.test(value) ? String(Number(value)) : value);
}

/** When no in-place edit fits (a flow document, a nested map without the key): rewrite the document. */
function fallback(text: string, path: string[], f: FieldIdentitas, value: string): string {
  const doc = parseDocument(text, { uniqueKeys: true });
  try {
    doc.setIn(path, f === 'versi' && /^\d+$/.test(value) ? Number(value) : value);
  } catch {
    return text;
  }
  return doc.toString({ lineWidth: 0 });
}

/** The text a revision starts from: the latest version's text with the next number, as a draft, asking why. */
export function teksRevisi(sumber: string, versiBaru: number): string {
  let t = ubahIdentitas(sumber, 'versi', String(versiBaru));
  t = ubahIdentitas(t, 'status', 'draft');
  t = ubahIdentitas(t, 'alasan_revisi', '');
  return t;
}

/** Line `baris` (1-based) as character offsets [start, end) of the text (for moving the cursor there). */
export function rentangBaris(text: string, baris: number): [number, number] {
  let start = 0;
  for (let n = 1; n < baris; n++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return [text.length, text.length];
    start = nl + 1;
  }
  const nl = text.indexOf('\n', start);
  return [start, nl === -1 ? text.length : nl];
}

/** Each rule of a (possibly invalid) document: the parsed rule, or null while it is not valid yet. */
export function aturanSementara(text: string): (Aturan | null)[] | null {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return null;
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch {
    return null;
  }
  const list = raw && typeof raw === 'object' ? (raw as { aturan?: unknown }).aturan : undefined;
  if (!Array.isArray(list)) return null;
  return list.map((a) => {
    const r = Aturan.safeParse(a);
    return r.success ? r.data : null;
  });
}

/** The working-day calendar of the Pemda from its hours and the holidays fetched so far. */
export function kalender(
  jamKerja: JamKerja,
  libur: readonly { tanggal: string; jenis: string; nama: string; dasar: string }[],
): KalenderKerja {
  return {
    jamKerja,
    libur: new Map(
      libur.map((l) => [
        l.tanggal,
        { ...l, jenis: l.jenis as 'libur_nasional' | 'cuti_bersama' | 'libur_daerah' },
      ]),
    ),
  };
}

/** Whether the policy is in force on a date, as the engine decides it (dates, working days, holidays). */
export function berlakuTanggal(k: Kebijakan, tanggal: IsoDate, kal: KalenderKerja): boolean {
  return berlakuPada(k, tanggal, hariKerja(tanggal, kal));
}

/** The first date the policy is in force (within its first 62 days), else the first date it names. */
export function tanggalPertama(k: Kebijakan, kal: KalenderKerja): IsoDate {
  const dates = tanggalBerlaku(k);
  return dates.find((d) => berlakuTanggal(k, d, kal)) ?? dates[0] ?? k.berlaku.dari ?? k.tanggal;
}

/** The dates of a month, Monday-first, padded with nulls to whole weeks. */
export function mingguBulan(tahun: number, bulan: number): (IsoDate | null)[][] {
  const first = `${tahun}-${String(bulan).padStart(2, '0')}-01`;
  const lead = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells: (IsoDate | null)[] = Array.from({ length: lead }, () => null);
  for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (IsoDate | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Whether a policy's dates (not the calendar) include a date: for "in force as of" in the list. */
export function dalamMasaBerlaku(b: Kebijakan['berlaku'], tanggal: IsoDate): boolean {
  if (b.tanggal) return b.tanggal.includes(tanggal);
  return !!b.dari && tanggal >= b.dari && (!b.sampai || tanggal <= b.sampai);
}

/** The rule ids and top-level fields a list of changes touches (for highlighting a comparison). */
export function yangBerubah(jalur: readonly string[]): { aturan: Set<string>; field: Set<string> } {
  const aturan = new Set<string>();
  const field = new Set<string>();
  for (const j of jalur) {
    const m = /^aturan\[([^\]]+)\]/.exec(j);
    if (m) aturan.add(m[1]!);
    else field.add(j.split('.')[0]!.replace(/\[.*$/, ''));
  }
  return { aturan, field };
}

/** A new policy from the template: every section explained in Indonesian, valid as it stands. */
export function templatKebijakan(hariIni: IsoDate): string {
  const tahun = hariIni.slice(0, 4);
  return `# Kebijakan sistem kerja ASN: surat edaran, pemberitahuan, instruksi
# atau arahan lisan. Format lengkap: docs/kebijakan.md.
# Baris yang diawali # adalah catatan dan tidak dibaca Sigap.

# ── Identitas surat ──────────────────────────────────────────
# id: pengenal kebijakan, sama untuk setiap versinya
# (huruf kecil, angka, tanda hubung).
id: sistem-kerja-asn-${tahun}
# versi: 1 untuk kebijakan baru; revisi memakai id yang sama
# dengan versi berikutnya.
versi: 1
judul: Sistem Kerja ASN di Lingkungan Pemerintah Daerah
# jenis_dokumen: surat_edaran, surat_pemberitahuan, instruksi,
# keputusan, arahan_lisan atau lainnya.
jenis_dokumen: surat_edaran
# nomor: nomor surat; tulis '-' bila tidak bernomor.
nomor: 800/000/${tahun}
# tanggal: tanggal surat (YYYY-MM-DD).
tanggal: ${hariIni}
penandatangan:
  jabatan: Sekretaris Daerah
  # nama: (opsional) nama penandatangan
# status: draft (belum berlaku) atau aktif (langsung berlaku dan
# mengganti versi aktif sebelumnya).
status: draft
# alasan_revisi: wajib mulai versi 2 — mengapa surat direvisi.
# alasan_revisi: Menyesuaikan rekomendasi Dinas Kesehatan

# ── Dasar: instrumen yang diikuti (opsional) ─────────────────
# jenis: nasional, rekomendasi, daerah atau lainnya;
# nomor wajib, tanggal/judul/penerbit opsional.
dasar:
  - jenis: nasional
    nomor: SE MenPANRB 19/2020
    tanggal: 2020-03-16
    judul: Penyesuaian Sistem Kerja ASN

# ── Fakta: alasan surat diterbitkan (opsional, catatan) ──────
# uraian wajib; per_tanggal, kasus_positif, kasus_aktif,
# meninggal, zona (tidak_terdampak, rendah, sedang, tinggi)
# dan level_ppkm (1–4) opsional.
fakta:
  - per_tanggal: ${hariIni}
    uraian: Perkembangan kasus di wilayah Pemda

# ── Masa berlaku ─────────────────────────────────────────────
# Isi "dari" (boleh dengan "sampai") ATAU "tanggal" (daftar).
# Hanya hari kerja yang dihitung; termasuk_libur: true juga
# memberlakukannya pada hari libur dan cuti bersama.
berlaku:
  dari: ${hariIni}
  # sampai: ${hariIni}
  # termasuk_libur: true

# ── Cakupan dan kedudukan (opsional) ─────────────────────────
# cakupan: { semua: true } untuk seluruh Pemda, atau
# { opd: [DINKES, BPBD] } (beserta unitnya).
cakupan: { semua: true }
# kedudukan: 0–100 (bawaan 10); yang lebih tinggi menang.
kedudukan: 10

# ── Aturan (berurutan) ───────────────────────────────────────
# Aturan lokasi pertama yang memilih seseorang menentukan
# tempat kerjanya: tulis pengecualian dulu, aturan umum terakhir.
# pilih: siapa (semua, opd, opd_jenis, kelas_layanan, sektor,
#   jabatan_level, jenis_pegawai, nip); kecuali: dikeluarkan lagi.
# hasil.jenis: wfo, wfh, batas_kantor, penutupan_kantor,
#   minimum_kantor, piket, jam_kerja, absensi, kewajiban_wfh,
#   pelaporan, layanan_publik.
aturan:
  # Pengecualian: sektor esensial tetap bekerja di kantor.
  - id: layanan-esensial-tetap-wfo
    judul: Unit layanan kesehatan dan kebencanaan tetap di kantor
    # keterangan: kutipan kalimat surat yang menjadi dasarnya
    pilih: { sektor: [kesehatan, kebencanaan] }
    hasil: { jenis: wfo }
  # Aturan umum: paling banyak 50 persen di kantor per OPD.
  - id: lainnya-maks-50-persen
    judul: Pegawai lainnya paling banyak 50 persen di kantor
    pilih: { semua: true }
    hasil:
      jenis: batas_kantor
      maks: { persen: 50 }
      per: opd
      pembulatan: bawah
  # Piket: petugas yang tetap di kantor dan dapat dihubungi.
  # - id: piket-setiap-opd
  #   judul: Setiap OPD menunjuk satu piket
  #   pilih: { semua: true }
  #   hasil: { jenis: piket, jumlah: 1, per: opd }
  # Jam kerja khusus (JJ:MM, berpetik).
  # - id: jam-kerja-pelayanan
  #   judul: Unit pelayanan bekerja 08.00–13.00
  #   pilih: { kelas_layanan: [pelayanan] }
  #   hasil: { jenis: jam_kerja, mulai: '08:00', selesai: '13:00' }
  # Absensi per status: wajah, elektronik, lokasi_berkala,
  # catatan_admin atau tidak_ada.
  - id: absensi-wfh-lapor-lokasi
    judul: Pegawai WFH melapor lokasi setiap dua jam
    pilih: { semua: true }
    hasil: { jenis: absensi, wfh: lokasi_berkala, lokasi_setiap_jam: 2 }
  # Kewajiban selama bekerja dari rumah.
  - id: wfh-tetap-di-rumah
    judul: Pegawai WFH tetap di rumah dan melapor setiap hari
    pilih: { semua: true }
    hasil: { jenis: kewajiban_wfh, tetap_di_rumah: true, lapor_harian: true }
`;
}
