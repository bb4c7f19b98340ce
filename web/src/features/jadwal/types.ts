import type { Pesan, RujukanAturan, StatusJadwal } from '@sigap/domain';

/** Shapes of the schedule API answers (server/src/modules/jadwal/jadwal.service.ts). */

/** Why a cell has its status (SelJadwal['alasan'] in the domain, plus `impor` for hand-made recaps). */
export type AlasanSel =
  | 'kebijakan'
  | 'batas'
  | 'piket'
  | 'kunci'
  | 'tidak_hadir'
  | 'libur'
  | 'tanpa_kebijakan'
  | 'impor';

/** One cell of the grid: status, index into `aturan` (-1: none), reason, draft and locked marks. */
export interface SelGrid {
  readonly s: StatusJadwal;
  readonly a: number;
  readonly r: AlasanSel | string;
  readonly d?: 1;
  readonly k?: 1;
}

export interface OrangGrid {
  readonly id: string;
  /** NIP or id_pegawai */
  readonly key: string;
  readonly nama: string;
  readonly jabatan: string;
  readonly jabatanLevel: string;
  readonly unitKode: string;
  readonly unitNama: string;
  readonly opdKode: string;
  /** one per day of `hari`; null: no schedule for that day */
  readonly sel: readonly (SelGrid | null)[];
}

export interface HariGrid {
  readonly tanggal: string;
  readonly hariKerja: boolean;
  readonly keterangan: Pesan;
}

/** A cap / minimum / piket group of the day, counted against its limit. */
export interface KelompokGrid {
  readonly id: string;
  readonly jenis: 'batas_kantor' | 'minimum_kantor' | 'piket';
  readonly grupKode: string;
  readonly anggota: number;
  readonly batas: number;
  readonly dasar: string | null;
  readonly hadir: number;
  /** "kebijakanId/aturanId" */
  readonly aturan: string;
  readonly penjelasan: Pesan;
}

export interface GridJadwal {
  readonly dari: string;
  readonly sampai: string;
  readonly opdKode: string | null;
  readonly hari: readonly HariGrid[];
  readonly aturan: readonly RujukanAturan[];
  readonly orang: readonly OrangGrid[];
  /** per day, the groups of these people */
  readonly kelompok: readonly (readonly KelompokGrid[])[];
  /** how many cells are still draft */
  readonly draf: number;
  readonly bolehUbah: boolean;
  readonly bolehTerbit: boolean;
}

export interface VersiJadwal {
  readonly id: string;
  readonly dari: string;
  readonly sampai: string;
  readonly opdKode: string | null;
  readonly status: 'draft' | 'terbit';
  /** buat, impor, ubah, cuti */
  readonly jenis: string;
  readonly keterangan: string;
  readonly dibuatOleh: string;
  readonly dibuatPada: string;
  readonly diterbitkanOleh: string | null;
  readonly diterbitkanPada: string | null;
  readonly pelanggaran: number;
  readonly sel: number;
  /** Whether the caller may publish this version (within their write scope). */
  readonly bolehTerbit: boolean;
}

export interface PelanggaranBuat {
  readonly tanggal: string;
  readonly kode: string;
  readonly kelompokId: string | null;
  readonly orang: readonly string[];
  readonly pesan: Pesan;
}

export interface HasilBuat {
  readonly id: string;
  readonly dari: string;
  readonly sampai: string;
  readonly opdKode: string | null;
  readonly pegawai: number;
  readonly hari: number;
  readonly jumlah: Readonly<Record<string, number>>;
  readonly pelanggaran: readonly PelanggaranBuat[];
}

export interface TemuanPeriksa {
  readonly tanggal: string;
  readonly kode: string;
  readonly orang: readonly string[];
  readonly sumber: RujukanAturan | null;
  readonly kelompokId?: string;
  readonly pesan: Pesan;
}

export interface HasilUbahSel {
  readonly id: string;
  readonly key: string;
  readonly tanggal: string;
  readonly status: 'WFO' | 'WFH' | 'PIKET';
  readonly sebelumnya: StatusJadwal;
  readonly terbit: boolean;
  readonly peringatan: readonly Pesan[];
}

export interface OkupansiHari {
  readonly kantor: number;
  readonly piket: number;
  readonly rumah: number;
  readonly tidakHadir: number;
  readonly tanpaJadwal: number;
  readonly batas: number | null;
}

export interface Okupansi {
  readonly dari: string;
  readonly sampai: string;
  readonly hari: readonly HariGrid[];
  readonly opd: readonly {
    readonly kode: string;
    readonly nama: string;
    readonly pegawai: number;
    readonly hari: readonly OkupansiHari[];
  }[];
}

export interface HariSaya {
  readonly tanggal: string;
  readonly status: StatusJadwal | null;
  readonly aturan: RujukanAturan | null;
  readonly alasan: string | null;
  /** the holiday's name, if the day is one */
  readonly libur: string | null;
}

/** The published periods that hold the signed-in employee (GET /api/jadwal-saya/terbit), oldest first. */
export interface TerbitSaya {
  readonly periode: readonly { readonly dari: string; readonly sampai: string }[];
}

export interface JadwalSaya {
  readonly dari: string;
  readonly sampai: string;
  readonly hari: readonly HariSaya[];
}
