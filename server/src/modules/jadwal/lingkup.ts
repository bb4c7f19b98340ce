import { pesan } from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import * as orgRepo from '../org/org.repository.ts';
import { resolveScope } from '../org/org.service.ts';
import * as repo from './jadwal.repository.ts';

/** Refuses when a version's OPD subtree (null = whole Pemda) lies outside what the caller may change. */
export async function cekLingkupJadwal(
  trx: Trx,
  caller: Caller,
  cakupanOpd: string | null,
  tanggal: string,
  mode: 'write' | 'adjust',
  jadwalId?: string,
) {
  const scope = await resolveScope(trx, caller, mode, tanggal);
  if (scope.opdIds === null) return;
  if (cakupanOpd) {
    const o = await repo.opdDenganKode(trx, cakupanOpd);
    if (o && scope.opdIds.has(o.id)) return;
  } else if (jadwalId) {
    // A version without a named scope (e.g. absences recorded): every person in it must be in scope.
    const ids = (await repo.pegawaiDalamJadwal(trx, jadwalId)).map((r) => r.pegawai_id);
    const place = new Map((await orgRepo.listPenempatan(trx, tanggal)).map((p) => [p.id, p.opd_id]));
    if (ids.every((id) => scope.opdIds!.has(place.get(id) ?? ''))) return;
  }
  throw errors.outOfScope();
}

/** The kode of an OPD/unit the caller may schedule as a whole, checked against their scope. */
export async function cekOpdDalamLingkup(
  trx: Trx,
  caller: Caller,
  opdKode: string | undefined,
  tanggal: string,
  mode: 'read' | 'write' | 'adjust',
) {
  const scope = await resolveScope(trx, caller, mode, tanggal);
  if (scope.opdIds === null) return;
  if (!opdKode) {
    throw new AppError(
      'DILARANG',
      pesan(
        'Pilih OPD atau unit Anda (parameter opd); Anda tidak berwenang atas seluruh Pemda',
        'Choose your OPD or unit (parameter opd); you have no authority over the whole Pemda',
      ),
    );
  }
  const o = await repo.opdDenganKodeAbaikanHuruf(trx, opdKode);
  if (!o || !scope.opdIds.has(o.id)) throw errors.outOfScope();
}
