import { Me } from '@sigap/domain/api/akun';
import { HalamanAudit } from '@sigap/domain/api/audit';
import { DaftarCuti } from '@sigap/domain/api/cuti';
import { GridJadwal, Okupansi } from '@sigap/domain/api/jadwal';
import { DaftarKebijakan } from '@sigap/domain/api/kebijakan';
import { OpdDetail, OpdTree, PegawaiPage } from '@sigap/domain/api/org';
import { DaftarLibur, Pengaturan } from '@sigap/domain/api/pengaturan';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { appUji, masuk, type Sesi } from '../../test/sesi.ts';
import type { App } from './app.ts';

// The API contract (domain/src/api): every route documents a 2xx answer in the OpenAPI document, and
// what the server answers parses with the schema the web infers its types from, keys in snake_case.

let u: Awaited<ReturnType<typeof appUji>>;
let app: App;
let admin: Sesi;
beforeAll(async () => {
  u = await appUji('kota-kontrak', '2024-01-01');
  app = u.app;
  admin = await masuk(app, 'admin');
}, 120_000);
afterAll(async () => {
  await u?.tutup();
});

interface Operasi {
  responses?: Record<string, unknown>;
}

describe('the OpenAPI document', () => {
  it('has a 2xx answer with a schema for every API route', async () => {
    const doc = (await app.inject({ url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, Operasi>>;
    }>();
    const tanpa: string[] = [];
    let jumlah = 0;
    for (const r of app.sigapRoutes) {
      jumlah++;
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      const ok = Object.entries(op?.responses ?? {}).some(
        ([kode, v]) =>
          /^2\d\d$/.test(kode) &&
          typeof v === 'object' &&
          v !== null &&
          'content' in v &&
          Object.values((v as { content: Record<string, { schema?: unknown }> }).content).every(
            (c) => c.schema !== undefined,
          ),
      );
      if (!ok) tanpa.push(`${r.method} ${r.url}`);
    }
    expect(jumlah).toBeGreaterThan(50);
    expect(tanpa).toEqual([]);
  });
});

const CAMEL = /^[a-z][a-z0-9]*[A-Z]/;
/** Field names (not data used as keys) that are not snake_case, anywhere in an answer. */
function bukanSnake(v: unknown, jalur = '$', out: string[] = []): string[] {
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) bukanSnake(x, `${jalur}[${i}]`, out);
  } else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      // camelCase is the one casing the API no longer writes (codes such as WFO are data, not names).
      if (CAMEL.test(k)) out.push(`${jalur}.${k}`);
      // Stored records passed through as they were written (audit before/after) are data, not the API's names.
      if (k !== 'sebelum' && k !== 'sesudah') bukanSnake(x, `${jalur}.${k}`, out);
    }
  return out;
}

describe('answers as admin parse with the shared schemas', () => {
  const kasus: [string, z.ZodType][] = [
    ['/api/auth/me', Me],
    ['/api/pengaturan', Pengaturan],
    ['/api/kalender/libur?tahun=2024', DaftarLibur],
    ['/api/opd?tanggal=2024-03-01', OpdTree],
    ['/api/opd/DINKES?tanggal=2024-03-01', OpdDetail],
    ['/api/pegawai?tanggal=2024-03-01', PegawaiPage],
    ['/api/audit', HalamanAudit],
    ['/api/kebijakan', DaftarKebijakan],
    ['/api/cuti', DaftarCuti],
    ['/api/jadwal/grid?dari=2024-03-04&sampai=2024-03-08&opd=DINKES', GridJadwal],
    ['/api/jadwal/okupansi?dari=2024-03-04&sampai=2024-03-08', Okupansi],
  ];
  for (const [url, schema] of kasus) {
    it(url, async () => {
      const r = await app.inject({ url, headers: admin });
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      const p = schema.safeParse(body);
      expect(p.success, JSON.stringify(p.error?.issues.slice(0, 3))).toBe(true);
      expect(bukanSnake(body)).toEqual([]);
    });
  }
});
