import { randomUUID } from 'node:crypto';
import { allows, pesan } from '@sigap/domain';
import type { Actor, Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { resolveScope } from '../org/org.service.ts';
import { tenantToday } from '../pengaturan/pengaturan.service.ts';
import { aadBingkai, type CincinKunci } from '../wajah/kunci.ts';
import * as repo from './tinjau.repository.ts';

// The review queue (issue 10 item 2, docs/kehadiran.md §7): a face check-in whose score falls between
// the review and the match thresholds waits for the OPD admin of the person's unit, with the frames the
// person sent, encrypted. The decision is kept beside the attempt (which never changes); the frames are
// deleted with the decision, or by the retention job at `simpan_sampai`.

/** At most this many pending reviews are listed at once (oldest first). */
export const MAKS_DAFTAR_TINJAU = 200;

export interface TinjauanDisimpan extends repo.TinjauanBaru {
  readonly bingkai: readonly Uint8Array[];
}

/** Stores a review with its frames encrypted (AES-GCM, the face keyring), in the attempt's transaction. */
export async function simpanTinjauan(
  trx: Trx,
  tenantId: string,
  kunci: CincinKunci,
  t: TinjauanDisimpan,
): Promise<void> {
  const bingkai = t.bingkai.map((b, urutan) => {
    const id = randomUUID();
    const s = kunci.sandikan(b, aadBingkai(tenantId, id, t.kehadiranId, urutan));
    return { id, urutan, sandi: s.sandi, iv: s.iv, kunciId: s.kunciId };
  });
  await repo.simpanTinjauan(trx, tenantId, t, bingkai);
}

/** The OPDs/units whose reviews the caller decides (roles holding `kehadiran.tinjau`), null for all. */
async function lingkupTinjau(trx: Trx, caller: Caller): Promise<Set<string> | null> {
  const grants = caller.grants.filter((g) => allows([g.role], 'kehadiran.tinjau'));
  if (grants.length === 0) throw errors.forbidden();
  const s = await resolveScope(trx, { ...caller, grants }, 'write', await tenantToday(trx, caller.tenantId));
  return s.opdIds === null ? null : new Set(s.opdIds);
}

async function tinjauanDalamLingkup(trx: Trx, caller: Caller, kehadiranId: string) {
  const t = await repo.tinjauan(trx, kehadiranId);
  if (!t) throw errors.notFound('Tinjauan', 'Review');
  const lingkup = await lingkupTinjau(trx, caller);
  if (lingkup !== null && (t.opd_id === null || !lingkup.has(t.opd_id))) throw errors.outOfScope();
  return t;
}

/** The pending reviews the caller decides, oldest first. */
export async function daftarTinjauan(trx: Trx, caller: Caller) {
  const lingkup = await lingkupTinjau(trx, caller);
  return repo.tinjauanMenunggu(trx, lingkup === null ? null : [...lingkup], MAKS_DAFTAR_TINJAU);
}

/** One frame of a pending review, decrypted (JPEG bytes), for the reviewer only. */
export async function bingkaiTinjauan(
  trx: Trx,
  caller: Caller,
  kunci: CincinKunci,
  kehadiranId: string,
  urutan: number,
): Promise<Buffer> {
  await tinjauanDalamLingkup(trx, caller, kehadiranId);
  const b = await repo.bingkai(trx, kehadiranId, urutan);
  if (!b) throw errors.notFound('Gambar tinjauan', 'Review frame');
  return kunci.buka(
    { sandi: b.sandi, iv: b.iv, kunciId: b.kunci_id },
    aadBingkai(caller.tenantId, b.id, kehadiranId, urutan),
    pesan('gambar tinjauan absen', 'check-in review frame'),
  );
}

/**
 * Decides a pending review: 'diterima' makes the attempt count on the person's day, 'ditolak' leaves it
 * refused. Decided once (a second decision, also one made at the same time, is refused 409); the frames
 * are deleted in the same transaction; audited.
 */
export async function putuskanTinjauan(
  trx: Trx,
  caller: Caller,
  actor: Actor,
  kehadiranId: string,
  putusan: 'diterima' | 'ditolak',
  catatan: string,
) {
  await tinjauanDalamLingkup(trx, caller, kehadiranId);
  const r = await repo.putuskan(trx, kehadiranId, putusan, actor.nama, catatan);
  if (!r) {
    throw new AppError(
      'KONFLIK',
      pesan('Tinjauan ini sudah diputuskan sebelumnya', 'This review was already decided'),
    );
  }
  const dihapus = await repo.hapusBingkai(trx, kehadiranId);
  await insertAudit(trx, caller.tenantId, actor, [
    {
      aksi: 'ubah',
      entitas: 'kehadiran',
      entitasId: kehadiranId,
      ringkasan: `Tinjauan absen wajah ${putusan === 'diterima' ? 'diterima' : 'ditolak'}${catatan ? `: ${catatan}` : ''}; ${dihapus} gambar dihapus`,
      sebelum: { status: 'menunggu' },
      sesudah: { status: putusan, catatan },
    },
  ]);
  return r;
}
