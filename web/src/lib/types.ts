import type {
  JabatanLevel,
  JenisPegawai,
  JenisPemda,
  Kebijakan,
  KelompokBatasan,
  KeputusanOrang,
  Role,
  ZonaWaktu,
} from '@sigap/domain';

/** Shapes of the Sigap API answers the web app reads: inferred from the shared schemas (domain/src/api). */
export type { Akun, Me, PemdaItem } from '@sigap/domain/api/akun';
export type { BarisAudit as AuditRow, HalamanAudit as AuditPage } from '@sigap/domain/api/audit';
export type { RingkasanImpor as ImportSummary, TugasImpor as ImportJob } from '@sigap/domain/api/impor';
export type {
  OpdDetail,
  OpdEfektif,
  OpdNode,
  OpdRiwayat,
  OpdTree,
  PegawaiDetail,
  PegawaiPage,
  PegawaiRiwayat,
  PegawaiRow,
} from '@sigap/domain/api/org';
export type {
  HariLibur,
  JamHari,
  Pengaturan,
  UbahPengaturan as PengaturanInput,
} from '@sigap/domain/api/pengaturan';

/** A version's status: only `aktif` versions apply. */
export type StatusKebijakan = 'draft' | 'aktif' | 'dicabut' | 'diganti';

type Bilingual = { readonly id: string; readonly en: string };

/** One policy as GET /api/kebijakan lists it (identity of its active version, else the latest). */
export interface KebijakanRingkas {
  readonly id: string;
  readonly judul: string;
  readonly nomor: string;
  readonly tanggal: string;
  readonly jenisDokumen: Kebijakan['jenis_dokumen'];
  readonly penandatangan: Kebijakan['penandatangan'];
  readonly berlaku: Kebijakan['berlaku'];
  readonly versiAktif: number | null;
  readonly versiTerbaru: number;
  readonly versi: readonly {
    readonly versi: number;
    readonly status: StatusKebijakan;
    readonly tanggal: string;
    readonly dibuatOleh: string;
    readonly dibuatPada: string;
  }[];
}

/** One stored version: the parsed document and the text it was stored from. */
export interface VersiKebijakan {
  readonly versi: number;
  readonly status: StatusKebijakan;
  readonly dokumen: Kebijakan;
  readonly sumber: string;
  readonly dibuatOleh: string;
  readonly dibuatPada: string;
  readonly statusOleh: string | null;
  readonly statusPada: string | null;
}

/** GET /api/kebijakan/:id */
export interface KebijakanDetail {
  readonly id: string;
  readonly versi: readonly VersiKebijakan[];
}

/** A finding of the checks against the Pemda's data. */
export interface TemuanKebijakan {
  readonly tingkat: 'galat' | 'konflik' | 'peringatan';
  readonly kode: string;
  readonly jalur: string;
  readonly pesan: Bilingual;
}

/** POST /api/kebijakan/validasi */
export interface HasilValidasiKebijakan {
  readonly ok: boolean;
  readonly masalah: readonly {
    readonly baris: number;
    readonly kolom: string | null;
    readonly kode: string;
    readonly pesan: Bilingual;
  }[];
  readonly temuan: readonly TemuanKebijakan[];
  readonly kebijakan: Kebijakan | null;
}

/** POST /api/kebijakan */
export interface HasilSimpanKebijakan {
  readonly id: string;
  readonly versi: number;
  readonly status: StatusKebijakan;
  readonly berubah: boolean;
  readonly diganti?: readonly number[];
  readonly temuan: readonly TemuanKebijakan[];
}

/** One OPD's line of an impact preview. */
export interface DampakOpd {
  readonly kode: string;
  readonly nama: string;
  readonly total: number;
  readonly wfo: number;
  readonly wfh: number;
  readonly bebas: number;
  readonly libur: number;
  readonly maksKantor: number;
  readonly piket: number;
}

/** GET /api/kebijakan-dampak */
export interface DampakKebijakan {
  readonly tanggal: string;
  readonly hari: Bilingual;
  readonly hariKerja: boolean;
  readonly kebijakan: readonly { id: string; versi: number; nomor: string; judul: string }[];
  readonly opd: readonly DampakOpd[];
  readonly peringatan: readonly Bilingual[];
}

/** GET /api/kebijakan-jelaskan */
export interface PenjelasanPegawai {
  readonly tanggal: string;
  readonly hari: Bilingual;
  readonly hariKerja: boolean;
  readonly pegawai: {
    readonly key: string;
    readonly nama: string;
    readonly id: string;
    readonly unitKode: string | null;
    readonly unitNama: string | null;
  };
  readonly kebijakanBerlaku: readonly { id: string; versi: number; nomor: string; judul: string }[];
  readonly keputusan: KeputusanOrang;
  readonly kelompok: readonly (Omit<KelompokBatasan, 'anggota' | 'bolehPiket'> & {
    readonly jumlahAnggota: number;
    readonly bolehPiketSaya?: boolean;
  })[];
  readonly peringatan: readonly Bilingual[];
}
