import { pesan } from '@sigap/domain';
import { HasilKiriman } from '@sigap/domain/api/kehadiran';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import type { RouteDeps } from '../../http/context.ts';
import { sajikan } from '../../http/sajikan.ts';
import { angkaEnv } from '../impor/batas.ts';
import { terminalDariToken } from './antrean-token.ts';
import { BATAS_KIRIMAN, terimaKiriman } from './dorong.service.ts';
import { kunciBatasToken, type PerangkatPengirim } from './token.service.ts';

/** Pushes one terminal may send per minute (SIGAP_KIRIMAN_MESIN_PER_MENIT, default 600: ten a second). */
export const kirimanPerMenit = () => angkaEnv('SIGAP_KIRIMAN_MESIN_PER_MENIT', 600, true);

/** The terminal each push request comes from, settled before its body is read. */
const pengirim = new WeakMap<FastifyRequest, PerangkatPengirim>();

/**
 * Terminals pushing their punches live. No session and no CSRF token: the terminal's device token
 * (`Authorization: Bearer …`) is the credential, checked before the body is read (so, for the session
 * layer, the route is `public`; the token check below is its gate, and it refuses every request without
 * a valid one).
 */
export async function dorongRoutes(app: FastifyInstance, deps: RouteDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/perangkat/kejadian',
    {
      bodyLimit: BATAS_KIRIMAN.byte,
      config: {
        permission: 'public',
        // Per device token (terminals of one office share an address); a request without one, per address.
        rateLimit: {
          max: kirimanPerMenit(),
          timeWindow: '1 minute',
          keyGenerator: (req) => kunciBatasToken(req.headers.authorization, req.ip),
        },
      },
      onRequest: async (req) => {
        // checked with the tokens of the pushes beside it (antrean-token.ts), refused in words as before
        pengirim.set(req, await terminalDariToken(deps.sdb, req.headers.authorization));
      },
      schema: {
        tags: ['kehadiran'],
        summary:
          'Kiriman langsung dari mesin absensi: baris attlog yang baru terjadi; disimpan sekali, per baris; dijawab setelah tersimpan',
        description: `Token perangkat di header Authorization: Bearer <token> (tanpa sesi, tanpa CSRF). Isi text/plain: baris attlog PIN<TAB>TTTT-BB-HH JJ:MM:DD<TAB>verifikasi<TAB>status<TAB>kode kerja, paling banyak ${BATAS_KIRIMAN.baris} baris dan ${BATAS_KIRIMAN.byte / 1024} KB. Jawaban 200 dikirim setelah baris tersimpan (commit); kiriman yang sama diulang tidak menyimpan apa pun lagi.`,
        security: [{ perangkat: [] }],
        response: { 200: HasilKiriman },
      },
    },
    async (req) => {
      const p = pengirim.get(req);
      if (!p) throw new Error('dorong: the device token was not checked');
      const body = req.body;
      const teks = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
      if (teks.trim() === '')
        throw new AppError(
          'BERKAS_TIDAK_SAH',
          pesan(
            'Kiriman kosong: kirim baris attlog sebagai isi permintaan (text/plain)',
            'Empty push: send attlog lines as the request body (text/plain)',
          ),
        );
      return sajikan(HasilKiriman, await terimaKiriman(deps.sdb, p, teks));
    },
  );
}
