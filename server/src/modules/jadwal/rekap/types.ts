import type { StatusJadwal } from '@sigap/domain';

/**
 * Everything a printed schedule recap (rekapitulasi jadwal) shows, gathered from the database by
 * `rekap.service.ts#dokumenRekap` and rendered to XLSX (`xlsx.ts`) or PDF (`pdf.ts`).
 */
export interface DokumenRekap {
  readonly pemda: {
    /** e.g. "Pemerintah Kota Batu" */
    readonly nama: string;
    /** IANA zone, e.g. Asia/Jakarta; the label WIB/WITA/WIT is derived from it */
    readonly zonaWaktu: string;
    /**
     * Where the OPD heads sign, e.g. "Kepanjen" for Kabupaten Malang; when absent, the place is the
     * Pemda's name without "Pemerintah Kota/Kabupaten" ("Batu")
     */
    readonly tempat?: string;
  };
  /** Inclusive period, YYYY-MM-DD */
  readonly dari: string;
  readonly sampai: string;
  /** Every date of the period in order (YYYY-MM-DD), including days off */
  readonly hari: readonly string[];
  /** Whether the schedule is published ("terbit") or still a draft */
  readonly status: 'draft' | 'terbit';
  /** When the document was produced, ISO timestamp (UTC) */
  readonly dibuatPada: string;
  /** One block per top-level OPD (one XLSX sheet / one PDF section each), sorted by kode */
  readonly opd: readonly OpdRekap[];
}

export interface OpdRekap {
  readonly kode: string;
  readonly nama: string;
  /** The OPD head who signs the recap (the person at level jpt in the OPD itself), if known */
  readonly kepala: { readonly nama: string; readonly nip: string } | null;
  /** Employees, sorted by unit then name */
  readonly orang: readonly OrangRekap[];
  /**
   * Per date: people at the office (WFO + PIKET), on duty (PIKET), at home (WFH), away
   * (CUTI + SAKIT + ISOLASI), and the office cap that applies to the OPD on that date (the tightest
   * cap group whose members are all in this OPD; null when no cap applies)
   */
  readonly total: Readonly<
    Record<
      string,
      {
        readonly kantor: number;
        readonly piket: number;
        readonly rumah: number;
        readonly tidakHadir: number;
        readonly libur: boolean;
        readonly batas: number | null;
      }
    >
  >;
}

export interface OrangRekap {
  /** NIP (18 digits) or, for non-ASN, id_pegawai */
  readonly nip: string;
  readonly nama: string;
  readonly jabatan: string;
  readonly unitKode: string;
  readonly unitNama: string;
  /** date → status; a missing date means no cell (printed empty) */
  readonly sel: Readonly<Record<string, StatusJadwal>>;
}
