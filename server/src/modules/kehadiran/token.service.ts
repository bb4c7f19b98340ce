import { createHash, randomBytes } from 'node:crypto';
import { formatWaktu, pesan, type ZonaWaktu } from '@sigap/domain';
import type { Actor, Caller } from '../../caller.ts';
import { type SigapDatabase, type Trx, withTenant } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import type { PerangkatRow } from './kehadiran.repository.ts';
import { perangkatKelola } from './perangkat.service.ts';
import * as repo from './token.repository.ts';

// Device tokens: of terminals that push their punches live (docs/kehadiran.md, "Kiriman langsung dari
// mesin") and of kiosks, the tablets at an office's entrance that check people in by face ("Kios"). A token is `<pemda id>.<43 characters>`: the Pemda part routes the request to its Pemda (as
// the session cookie does), the rest is 32 random bytes (base64url). Only the SHA-256 (hex) of the random
// part is stored; the token is shown once, when issued. Issuing again replaces the token; revoking ends
// it. A replaced or revoked token is kept as a hash, so a device still sending it is told so in words.

const POLA_TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/i;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type JenisPerangkat = 'terminal' | 'kiosk';

/** The device's kind in words: "mesin" (attendance terminal) or "kios". */
const sebut = (jenis: string) =>
  jenis === 'kiosk' ? { id: 'kios', en: 'kiosk' } : { id: 'mesin', en: 'terminal' };

/**
 * Issues a device's token (terminal or kiosk), replacing the one it had (which stops working at once).
 * Returns the token: shown once, never stored. Audited (without the token).
 */
export async function terbitkanToken(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  caller: Caller | null,
  kodeAtauId: string,
): Promise<{
  token: string;
  perangkat: { id: string; kode: string; jenis: JenisPerangkat };
  menggantikan: boolean;
}> {
  const p = await perangkatKelola(trx, caller, kodeAtauId);
  const j = sebut(p.jenis);
  if (p.dicabut_pada)
    throw new AppError(
      'VALIDASI',
      pesan(
        `Perangkat ${p.kode} sudah dicabut; perangkat yang dicabut tidak mendapat token`,
        `Device ${p.kode} was revoked; a revoked device gets no token`,
      ),
    );
  const kini = await repo.tokenKini(trx, p.id);
  if (kini.token_hash)
    await repo.pensiunkanToken(
      trx,
      tenantId,
      p.id,
      { hash: kini.token_hash, dibuatPada: kini.token_dibuat_pada },
      'diganti',
    );
  const rahasia = randomBytes(32).toString('base64url');
  await repo.aturToken(trx, p.id, sha256(rahasia));
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'ubah',
      entitas: 'perangkat',
      entitasId: p.id,
      ringkasan: kini.token_hash
        ? `Token ${j.id} ${p.kode} diganti; token lama tidak berlaku lagi`
        : `Token ${j.id} ${p.kode} diterbitkan`,
      sesudah: { token: kini.token_hash ? 'diganti' : 'diterbitkan' },
    },
  ]);
  return {
    token: `${tenantId}.${rahasia}`,
    perangkat: { id: p.id, kode: p.kode, jenis: p.jenis as JenisPerangkat },
    menggantikan: kini.token_hash !== null,
  };
}

/** Revokes a device's token: its requests are refused (401) until a new one is issued. */
export async function cabutToken(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  caller: Caller | null,
  kodeAtauId: string,
): Promise<{ perangkat: { id: string; kode: string } }> {
  const p = await perangkatKelola(trx, caller, kodeAtauId);
  const j = sebut(p.jenis);
  const kini = await repo.tokenKini(trx, p.id);
  if (!kini.token_hash)
    throw new AppError(
      'VALIDASI',
      pesan(
        `Perangkat ${p.kode} tidak memegang token; tidak ada yang dicabut`,
        `Device ${p.kode} holds no token; nothing was revoked`,
      ),
    );
  await repo.pensiunkanToken(
    trx,
    tenantId,
    p.id,
    { hash: kini.token_hash, dibuatPada: kini.token_dibuat_pada },
    'dicabut',
  );
  await repo.aturToken(trx, p.id, null);
  await insertAudit(trx, tenantId, actor, [
    {
      aksi: 'ubah',
      entitas: 'perangkat',
      entitasId: p.id,
      ringkasan: `Token ${j.id} ${p.kode} dicabut; permintaan dengan token itu ditolak`,
      sesudah: { token: 'dicabut' },
    },
  ]);
  return { perangkat: { id: p.id, kode: p.kode } };
}

/** The device a request comes from (a terminal's push, a kiosk's check-in), once its token is checked. */
export interface PerangkatPengirim {
  readonly tenantId: string;
  readonly perangkat: PerangkatRow;
  readonly zona: ZonaWaktu;
}

const tolak = (id: string, en: string) => new AppError('TIDAK_MASUK', pesan(id, en));

/**
 * The device of kind `jenis` an `Authorization: Bearer <token>` header names, or a 401 saying why not: no
 * token, a malformed one, an unknown one, one replaced or revoked (and when), or a revoked device; a 403
 * for a device of the other kind. A token is only ever looked up inside the Pemda it names, so another
 * Pemda's token finds nothing here.
 */
export async function perangkatDariToken(
  sdb: SigapDatabase,
  authorization: string | undefined,
  jenis: JenisPerangkat = 'terminal',
): Promise<PerangkatPengirim> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m)
    throw jenis === 'kiosk'
      ? tolak(
          'Kios memerlukan token perangkat: header Authorization: Bearer <token>',
          'A kiosk needs its device token: header Authorization: Bearer <token>',
        )
      : tolak(
          'Kiriman mesin memerlukan token perangkat: header Authorization: Bearer <token>',
          'A terminal push needs its device token: header Authorization: Bearer <token>',
        );
  const t = POLA_TOKEN.exec(m[1]!);
  if (!t)
    throw tolak(
      'Token perangkat tidak berbentuk benar; salin token lengkap seperti dicetak saat diterbitkan',
      'The device token is malformed; copy the whole token as printed when it was issued',
    );
  const tenantId = t[1]!.toLowerCase();
  const hash = sha256(t[2]!);
  // PostgreSQL: one statement on a pooled connection of its own. PGlite has one connection, on which a
  // statement outside a transaction would run inside whichever transaction is open: there, a transaction.
  const p =
    sdb.kind === 'postgres'
      ? await repo.perangkatDenganToken(sdb.db, tenantId, hash)
      : await withTenant(sdb, tenantId, (trx) => repo.perangkatDenganToken(trx, tenantId, hash));
  if (p) {
    if (p.jenis !== jenis)
      throw new AppError(
        'DILARANG',
        jenis === 'terminal'
          ? pesan(
              `Perangkat ${p.kode} adalah kios: kiriman log hanya dari mesin absensi (terminal)`,
              `Device ${p.kode} is a kiosk: log pushes come from attendance terminals only`,
            )
          : pesan(
              `Perangkat ${p.kode} adalah mesin absensi: absen wajah dengan token perangkat hanya dari kios`,
              `Device ${p.kode} is an attendance terminal: face check-ins with a device token come from kiosks only`,
            ),
      );
    if (p.dicabut_pada) {
      const z = p.zona_waktu as ZonaWaktu;
      throw tolak(
        `Perangkat ${p.kode} sudah dicabut pada ${formatWaktu(p.dicabut_pada, z)}; permintaan ditolak`,
        `Device ${p.kode} was revoked on ${formatWaktu(p.dicabut_pada, z, 'en')}; the request is refused`,
      );
    }
    const { zona_waktu, ...perangkat } = p;
    return { tenantId, perangkat, zona: zona_waktu as ZonaWaktu };
  }
  // Not a current token: say why in words (replaced, revoked, or unknown).
  return withTenant(sdb, tenantId, async (trx) => {
    const lama = await repo.tokenLama(trx, hash);
    const j = sebut(jenis);
    if (lama) {
      // when, in the Pemda's own zone: "04/12/2026 19.36 WIB"
      const z = lama.zona_waktu as ZonaWaktu;
      const pada = formatWaktu(new Date(lama.dicabut_pada), z);
      const on = formatWaktu(new Date(lama.dicabut_pada), z, 'en');
      throw lama.alasan === 'dicabut'
        ? tolak(
            `Token ${j.id} ${lama.kode} sudah dicabut pada ${pada}; permintaan ditolak. Minta admin menerbitkan token baru`,
            `The token of ${j.en} ${lama.kode} was revoked on ${on}; the request is refused. Ask an admin for a new token`,
          )
        : tolak(
            `Token ${j.id} ${lama.kode} sudah diganti dengan token baru pada ${pada}; pasang token baru di ${j.id}`,
            `The token of ${j.en} ${lama.kode} was replaced by a new one on ${on}; install the new token on the ${j.en}`,
          );
    }
    throw tolak(
      `Token perangkat tidak dikenal; periksa token yang dipasang di ${j.id}`,
      `Unknown device token; check the token installed on the ${j.en}`,
    );
  });
}

/** The key the rate limit counts a push under: its token's hash (not the address: terminals share one). */
export function kunciBatasToken(authorization: string | undefined, ip: string): string {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return m ? `perangkat:${sha256(m[1]!)}` : `perangkat-ip:${ip}`;
}
