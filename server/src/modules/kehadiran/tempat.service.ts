import { type Koordinat, type Tempat, tempatKantor } from '@sigap/domain';
import type { Trx } from '../../db/database.ts';
import { opdEfektif } from '../org/org.service.ts';
import * as repo from './tempat.repository.ts';

// Where "the office" is for a person on a day (docs/kehadiran.md §1): their unit's office (its own
// location or the one it inherits from the OPD above it), the extra places (piket posts, field units)
// set for their unit or any OPD above it, and the destination of an approved official trip.

export interface TempatHari {
  /** the person's unit that day; null when they are not placed */
  readonly opdId: string | null;
  /** the allowed places, in the order the rules try them */
  readonly tempat: readonly Tempat[];
  readonly dinasLuar: { readonly id: string; readonly nomorSurat: string; readonly tujuan: string } | null;
}

function titikPoligon(v: unknown): Koordinat[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter(
      (p): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number',
    )
    .map(([lat, lng]) => ({ lat, lng }));
}

export async function tempatHari(trx: Trx, pegawaiId: string, tanggal: string): Promise<TempatHari> {
  const [opdId, dinas] = await Promise.all([
    repo.penempatanPada(trx, pegawaiId, tanggal),
    repo.dinasLuarPada(trx, pegawaiId, tanggal),
  ]);
  const tempat: Tempat[] = [];
  if (opdId) {
    const { rows, eff } = await opdEfektif(trx, tanggal);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const unit = byId.get(opdId);
    const e = eff.get(opdId);
    const kantor = unit && e ? tempatKantor(unit.id, unit.nama, e) : null;
    if (kantor) tempat.push(kantor);
    const rantai: string[] = [];
    for (let n = unit; n && !rantai.includes(n.id); n = n.induk_id ? byId.get(n.induk_id) : undefined)
      rantai.push(n.id);
    for (const t of await repo.tempatTambahan(trx, rantai)) {
      if (t.lat !== null && t.lng !== null && t.radius_m !== null)
        tempat.push({
          id: t.id,
          nama: t.nama,
          asal: 'tambahan',
          bentuk: 'lingkaran',
          pusat: { lat: t.lat, lng: t.lng },
          radiusM: t.radius_m,
        });
      else
        tempat.push({
          id: t.id,
          nama: t.nama,
          asal: 'tambahan',
          bentuk: 'poligon',
          titik: titikPoligon(t.poligon),
        });
    }
  }
  if (dinas?.lat != null && dinas.lng != null)
    tempat.push({
      id: dinas.id,
      nama: dinas.tujuan,
      asal: 'dinas_luar',
      bentuk: 'lingkaran',
      pusat: { lat: dinas.lat, lng: dinas.lng },
      radiusM: dinas.radius_m ?? 1000,
    });
  return {
    opdId,
    tempat,
    dinasLuar: dinas ? { id: dinas.id, nomorSurat: dinas.nomor_surat, tujuan: dinas.tujuan } : null,
  };
}
