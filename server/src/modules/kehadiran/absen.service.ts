import { randomInt } from 'node:crypto';
import { buatTantangan, type LangkahTantangan, PESAN_LANGKAH, type Pesan, pesan } from '@sigap/domain';
import type { Caller } from '../../caller.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { PemilikTantangan } from './absen.repository.ts';
import * as repo from './absen.repository.ts';
import { aturanKehadiran } from './aturan.service.ts';

// A check-in at the office, step one: the liveness challenge the server draws (docs/kehadiran.md §5).
// The phone shows the steps, films the person doing them and sends the frames with the challenge's id;
// the check-in uses the challenge once (`pakaiTantangan`).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caller's own employee record: a check-in is always one's own. */
export function pegawaiSendiri(caller: Caller): string {
  if (caller.pegawaiId) return caller.pegawaiId;
  throw new AppError(
    'DILARANG',
    pesan(
      'Akun ini tidak terhubung dengan data pegawai, jadi tidak dapat absen. Hubungi admin OPD.',
      'This account is not linked to an employee record, so it cannot check in. Contact the OPD admin.',
    ),
  );
}

export interface TantanganDibuat {
  readonly id: string;
  readonly langkah: readonly LangkahTantangan[];
  readonly berlakuSampai: Date;
  readonly petunjuk: readonly Pesan[];
}

/**
 * Draws a new challenge for the caller from the Pemda's allowed steps with a cryptographic source, and
 * retires the caller's earlier open ones (only the newest can be answered).
 */
export function mintaTantangan(trx: Trx, caller: Caller): Promise<TantanganDibuat> {
  return tantanganUntuk(trx, caller.tenantId, { pegawaiId: pegawaiSendiri(caller) });
}

/** A new challenge for a person's phone or for a kiosk; the owner's earlier open ones are retired. */
export async function tantanganUntuk(
  trx: Trx,
  tenantId: string,
  pemilik: PemilikTantangan,
): Promise<TantanganDibuat> {
  const { tantangan: opsi } = await aturanKehadiran(trx, tenantId);
  const sekarang = await repo.jamBasisData(trx);
  const t = buatTantangan(randomInt, sekarang, opsi);
  await repo.tutupTantanganTerbuka(trx, pemilik, sekarang);
  const id = await repo.simpanTantangan(trx, {
    tenantId,
    pemilik,
    langkah: t.langkah,
    dibuat: t.dibuat,
    berlakuSampai: t.berlakuSampai,
  });
  return {
    id,
    langkah: t.langkah,
    berlakuSampai: t.berlakuSampai,
    petunjuk: t.langkah.map((l) => PESAN_LANGKAH[l]),
  };
}

export type HasilPakai =
  | { readonly ok: true; readonly langkah: readonly LangkahTantangan[]; readonly berlakuSampai: Date }
  | { readonly ok: false; readonly sebab: Pesan };

/** Uses the person's (or kiosk's) challenge once; otherwise says why in words (unknown, used, expired). */
export async function pakaiTantangan(trx: Trx, id: string, pemilik: PemilikTantangan): Promise<HasilPakai> {
  const tidakAda = pesan(
    'Tantangan tidak dikenal; minta tantangan baru',
    'Unknown challenge; ask for a new one',
  );
  if (!UUID.test(id)) return { ok: false, sebab: tidakAda };
  const r = await repo.pakaiTantangan(trx, id, pemilik);
  if (r)
    return { ok: true, langkah: r.langkah as LangkahTantangan[], berlakuSampai: new Date(r.berlaku_sampai) };
  const ada = await repo.cariTantangan(trx, id, pemilik);
  if (!ada) return { ok: false, sebab: tidakAda };
  if (ada.dipakai_pada)
    return {
      ok: false,
      sebab: pesan(
        'Tantangan ini sudah dipakai atau sudah diganti yang lebih baru; minta tantangan baru',
        'This challenge was already used or replaced by a newer one; ask for a new one',
      ),
    };
  return {
    ok: false,
    sebab: pesan(
      'Waktu menjawab tantangan sudah habis; minta tantangan baru',
      'The time to answer the challenge is over; ask for a new one',
    ),
  };
}
