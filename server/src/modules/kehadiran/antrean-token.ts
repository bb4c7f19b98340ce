import { createHash } from 'node:crypto';
import type { ZonaWaktu } from '@sigap/domain';
import type { SigapDatabase } from '../../db/database.ts';
import { perangkatDenganTokenBanyak } from './kiriman.repository.ts';
import { type PerangkatPengirim, perangkatDariToken } from './token.service.ts';

// The device tokens of terminal pushes checked together (bench/attendance): the pushes of one Pemda whose
// token checks arrive in the same turn of the event loop, or while the previous check of that Pemda runs,
// are looked up by ONE statement (sigap_perangkat_token_banyak, migration 0015) instead of one each. A
// token found there, current, of a terminal not revoked, is the push's sender; anything else (a malformed
// header, an unknown, replaced or revoked token, a kiosk's) goes through perangkatDariToken, one by one,
// which refuses it with its usual words. PostgreSQL only: PGlite's one connection gains nothing from it.

const POLA_TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/i;

type BarisToken = Awaited<ReturnType<typeof perangkatDenganTokenBanyak>>[number];

interface Tunggu {
  readonly hash: string;
  readonly selesai: (r: BarisToken | undefined) => void;
  readonly gagal: (e: unknown) => void;
}

interface Antrean {
  readonly menunggu: Tunggu[];
  berjalan: boolean;
  terjadwal: boolean;
}

const antreanPer = new WeakMap<SigapDatabase, Map<string, Antrean>>();

/** The terminal a push's `Authorization` header names, checked with the pushes beside it; else refused in words. */
export async function terminalDariToken(
  sdb: SigapDatabase,
  authorization: string | undefined,
): Promise<PerangkatPengirim> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const t = m ? POLA_TOKEN.exec(m[1]!) : null;
  if (sdb.kind !== 'postgres' || !t) return perangkatDariToken(sdb, authorization, 'terminal');
  const tenantId = t[1]!.toLowerCase();
  const hash = createHash('sha256').update(t[2]!).digest('hex');
  const p = await cari(sdb, tenantId, hash);
  if (p?.jenis !== 'terminal' || p.dicabut_pada) return perangkatDariToken(sdb, authorization, 'terminal');
  const { zona_waktu, token_hash: _, ...perangkat } = p;
  return { tenantId, perangkat, zona: zona_waktu as ZonaWaktu };
}

function cari(sdb: SigapDatabase, tenantId: string, hash: string): Promise<BarisToken | undefined> {
  let per = antreanPer.get(sdb);
  if (!per) {
    per = new Map();
    antreanPer.set(sdb, per);
  }
  let a = per.get(tenantId);
  if (!a) {
    a = { menunggu: [], berjalan: false, terjadwal: false };
    per.set(tenantId, a);
  }
  const antrean = a;
  return new Promise((selesai, gagal) => {
    antrean.menunggu.push({ hash, selesai, gagal });
    if (!antrean.terjadwal && !antrean.berjalan) {
      antrean.terjadwal = true;
      setImmediate(() => {
        antrean.terjadwal = false;
        void pompa(sdb, tenantId, antrean);
      });
    }
  });
}

async function pompa(sdb: SigapDatabase, tenantId: string, a: Antrean) {
  if (a.berjalan) return;
  a.berjalan = true;
  try {
    while (a.menunggu.length > 0) {
      const ambil = a.menunggu.splice(0, 500);
      try {
        const hashes = [...new Set(ambil.map((x) => x.hash))];
        const rows = await perangkatDenganTokenBanyak(sdb.db, tenantId, hashes);
        const by = new Map(rows.map((x) => [x.token_hash, x]));
        for (const x of ambil) x.selesai(by.get(x.hash));
      } catch (e) {
        for (const x of ambil) x.gagal(e);
      }
    }
  } finally {
    a.berjalan = false;
    if (antreanPer.get(sdb)?.get(tenantId) === a) antreanPer.get(sdb)?.delete(tenantId);
  }
}
