import type { JenisCuti } from '@sigap/domain';

/** Shapes of the leave register API (server/src/modules/cuti/cuti.service.ts). */

export type StatusCuti = 'diajukan' | 'disetujui' | 'ditolak' | 'dibatalkan';

export interface CutiItem {
  readonly id: string;
  readonly pegawai: {
    readonly id: string;
    readonly key: string;
    readonly nama: string;
    readonly opdKode: string;
  };
  readonly jenis: JenisCuti;
  readonly dari: string;
  readonly sampai: string;
  /** null: a health note (sick leave, isolation) the caller may not read */
  readonly keterangan: string | null;
  readonly status: StatusCuti;
  readonly sumber: 'pengajuan' | 'admin' | 'impor' | string;
  readonly diajukanOleh: string;
  readonly diajukanPada: string;
  readonly diputusOleh: string | null;
  readonly diputusPada: string | null;
  readonly catatanPutusan: string | null;
  readonly bolehPutus: boolean;
  readonly bolehBatal: boolean;
}

/** What a decision, an entry or an import did to the schedule (null: no schedule covers those days). */
export interface JadwalTercatat {
  readonly id: string;
  readonly sel: number;
  readonly terbit: boolean;
}

export interface HasilPutusan {
  readonly id: string;
  readonly status: StatusCuti;
  readonly jadwal: JadwalTercatat | null;
}

export interface HasilCatat {
  readonly id: string;
  readonly status: 'disetujui';
  readonly jadwal: JadwalTercatat | null;
}

export interface HasilImporCuti {
  readonly jumlah: number;
  readonly jadwal: JadwalTercatat | null;
}
