import {
  type BatasLog,
  bacaLogKehadiran,
  type ImportIssue,
  type PegawaiRecord,
  type Pesan,
  parseKebijakan,
  type RawRow,
  validateOpdRows,
  validatePegawaiRows,
  type ZonaWaktu,
} from '@sigap/domain';
import { AppError, type ErrorCode } from '../errors.ts';
import { readTable } from '../modules/impor/baca-tabel.ts';
import type { BatasUnggah } from '../modules/impor/batas.ts';
import { type CurrentPegawai, planPegawai } from '../modules/impor/impor.repository.ts';
import { rekapPdf } from '../modules/jadwal/rekap/pdf.ts';
import type { DokumenRekap } from '../modules/jadwal/rekap/types.ts';
import { rekapXlsx } from '../modules/jadwal/rekap/xlsx.ts';
import { rekapKehadiranXlsx } from '../modules/kehadiran/rekap-xlsx.ts';
import type { HasilStatus } from '../modules/kehadiran/status.service.ts';
import { kemasJson } from './json.ts';

/**
 * The CPU-heavy steps that run in the worker threads (pekerja.ts): reading a spreadsheet, validating
 * its rows, parsing a policy document. Each is a plain function of plain data, the same code the
 * server ran before on its request thread.
 */
export const TUGAS = {
  bacaTabel: async (a: { data: Uint8Array; nama: string; batas: BatasUnggah }) => {
    const t = await readTable(
      Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength),
      a.nama,
      a.batas,
    );
    return { headers: t.headers, rows: kemasJson(t.rows) };
  },
  validasiOpd: (a: { rows: RawRow[]; existing: Map<string, { indukKode: string | null }> }) =>
    validateOpdRows(a.rows, a.existing),
  validasiPegawai: (a: {
    rows: RawRow[];
    opdKodes: Set<string>;
    existing: Map<string, { atasanKey: string | null }>;
    today: string;
  }) => validatePegawaiRows(a.rows, a.opdKodes, a.existing, a.today),
  // A 50,000-row plan returns as JSON chunks (json.ts): one structured clone of it held the server.
  planPegawai: (a: { records: PegawaiRecord[]; current: CurrentPegawai; opdIdOf: Map<string, string> }) => {
    const p = planPegawai(a.records, a.current, a.opdIdOf);
    return { identity: kemasJson(p.identity), placement: kemasJson(p.placement) };
  },
  parseKebijakan: (a: { teks: string }) => parseKebijakan(a.teks),
  rekapXlsx: (a: { d: DokumenRekap }) => rekapXlsx(a.d),
  rekapPdf: (a: { d: DokumenRekap }) => rekapPdf(a.d),
  // A terminal's attendance log (kehadiran): decoded and read here; the punches return as JSON chunks.
  bacaLogKehadiran: (a: { data: Uint8Array; zona: ZonaWaktu; batas: BatasLog; batasAkhir: string }) => {
    const r = bacaLogKehadiran(new TextDecoder('utf-8').decode(a.data), a.zona, a.batas, a.batasAkhir);
    return r.ok ? { ...r, punches: kemasJson(r.punches) } : r;
  },
  // The attendance recap (kehadiran): one sheet per OPD, rendered off the request thread.
  rekapKehadiranXlsx: (a: { h: HasilStatus; dibuatPada: string }) => rekapKehadiranXlsx(a.h, a.dibuatPada),
} as const;

export type NamaTugas = keyof typeof TUGAS;
export type ArgTugas<N extends NamaTugas> = Parameters<(typeof TUGAS)[N]>[0];
export type HasilTugas<N extends NamaTugas> = Awaited<ReturnType<(typeof TUGAS)[N]>>;

/** What crosses back from a worker: a value, or an AppError as plain data (classes do not cross). */
export type Jawaban<T> =
  | { ok: true; nilai: T }
  | { ok: false; galat: { code: ErrorCode; pesan: Pesan; issues?: readonly ImportIssue[] | undefined } };

export async function jalankan<N extends NamaTugas>(t: {
  nama: N;
  arg: ArgTugas<N>;
}): Promise<Jawaban<HasilTugas<N>>> {
  try {
    const f = TUGAS[t.nama] as (a: ArgTugas<N>) => HasilTugas<N> | Promise<HasilTugas<N>>;
    return { ok: true, nilai: await f(t.arg) };
  } catch (e) {
    if (e instanceof AppError)
      return { ok: false, galat: { code: e.code, pesan: e.pesan, issues: e.issues } };
    throw e;
  }
}
