import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { allows, type Permission, pesan, teks } from '@sigap/domain';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { SigapDatabase } from '../db/database.ts';
import { jagaStatistik } from '../db/statistik.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { resolveSession, SESSION_COOKIE } from '../modules/auth/auth.service.ts';
import { cutiRoutes } from '../modules/cuti/cuti.routes.ts';
import { dorongWebRoutes } from '../modules/dorong/dorong.routes.ts';
import { hangatkanEvaluasi } from '../modules/evaluasi/evaluasi.service.ts';
import { batasUnggah, mb } from '../modules/impor/batas.ts';
import { tandaiImporTerhenti } from '../modules/impor/impor.jobs.ts';
import { imporRoutes } from '../modules/impor/impor.routes.ts';
import { ubahRoutes } from '../modules/impor/ubah.routes.ts';
import { izinKeluarRoutes } from '../modules/izin-keluar/izin-keluar.routes.ts';
import { jadwalRoutes } from '../modules/jadwal/jadwal.routes.ts';
import { kebijakanRoutes } from '../modules/kebijakan/kebijakan.routes.ts';
import { absenRoutes } from '../modules/kehadiran/absen.routes.ts';
import { aturanKehadiranRoutes } from '../modules/kehadiran/aturan.routes.ts';
import { dorongRoutes } from '../modules/kehadiran/dorong.routes.ts';
import { kehadiranRoutes } from '../modules/kehadiran/kehadiran.routes.ts';
import { koreksiRoutes } from '../modules/kehadiran/koreksi.routes.ts';
import { statusKehadiranRoutes } from '../modules/kehadiran/status.routes.ts';
import { tempatAbsenRoutes } from '../modules/kehadiran/tempat.routes.ts';
import { perangkatDariToken } from '../modules/kehadiran/token.service.ts';
import { orgRoutes } from '../modules/org/org.routes.ts';
import { pemberitahuanRoutes } from '../modules/pemberitahuan/pemberitahuan.routes.ts';
import { pengaturanRoutes } from '../modules/pengaturan/pengaturan.routes.ts';
import { pernyataanRoutes } from '../modules/pernyataan/pernyataan.routes.ts';
import { pemanduRoutes } from '../modules/wajah/pemandu.routes.ts';
import { wajahRoutes } from '../modules/wajah/wajah.routes.ts';
import { lokasiRoutes } from '../modules/wfh/lokasi.routes.ts';
import type { RouteDeps } from './context.ts';
import './context.ts';
import { AppError, errors, fromDatabaseError, statusOf } from '../errors.ts';
import { pesanValidasi } from './validasi.ts';

export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export interface AppOptions {
  readonly sdb: SigapDatabase;
  readonly logger?: boolean;
  /** Serve the built web app from web/dist (default: when it exists). */
  readonly serveWeb?: boolean;
  /** Mark cookies Secure (behind HTTPS). */
  readonly secureCookies?: boolean;
  /** Login attempts per IP per minute. */
  readonly loginRateLimit?: number;
  /**
   * Which proxies' X-Forwarded-For to believe (Fastify's `trustProxy`): none by default, so a client
   * cannot pick its own address; see {@link trustProxyFrom} for `SIGAP_TRUST_PROXY`.
   */
  readonly trustProxy?: TrustProxy;
  /**
   * Keep the embedded database's planner statistics fresh (PGlite has no autovacuum; db/statistik.ts):
   * on for a real server (`sigap serve`/`demo`), off by default so tests decide when ANALYZE runs.
   */
  readonly jagaStatistik?: boolean;
  /**
   * After start, evaluate the period each Pemda's schedule page opens on (evaluasi.service
   * hangatkanEvaluasi): on for a real server, off by default so tests start with nothing kept.
   */
  readonly hangatkan?: boolean;
}

export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

/**
 * Reads `SIGAP_TRUST_PROXY`: unset or empty trusts no proxy; a whole number n trusts the nearest n hops
 * whatever their address (only when nothing but the proxy can reach the server; Fastify itself refuses
 * a bare number, so it is spelled out as a function here); `true` trusts every hop; anything else is a
 * comma-separated list of addresses or CIDRs (`127.0.0.1,10.0.0.0/8`) as Fastify's `trustProxy` takes.
 */
export function trustProxyFrom(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  return v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .join(',');
}

export type App = FastifyInstance;

function langOf(req: FastifyRequest): 'id' | 'en' {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'id') return q;
  const c = req.cookies?.sigap_lang;
  if (c === 'en' || c === 'id') return c;
  return /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'id';
}

/** Every module's routes under /api, in the order they are registered. */
const MODUL_ROUTES: readonly ((api: FastifyInstance, deps: RouteDeps) => Promise<void>)[] = [
  authRoutes,
  pengaturanRoutes,
  orgRoutes,
  ubahRoutes,
  imporRoutes,
  auditRoutes,
  kebijakanRoutes,
  jadwalRoutes,
  cutiRoutes,
  kehadiranRoutes,
  statusKehadiranRoutes,
  aturanKehadiranRoutes,
  absenRoutes,
  pemberitahuanRoutes,
  dorongWebRoutes,
  wajahRoutes,
  koreksiRoutes,
  dorongRoutes,
  tempatAbsenRoutes,
  lokasiRoutes,
  pernyataanRoutes,
  izinKeluarRoutes,
];

/** Builds the Sigap HTTP server: API under /api (OpenAPI at /api/docs) and the web app. */
export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    // JSON and policy text; the spreadsheet upload routes set their own limit (SIGAP_MAX_UPLOAD_MB).
    bodyLimit: 4 * 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('caller', null);
  app.decorateRequest('kios', null);
  app.decorateRequest('lang', 'id');

  // Every route must say what it needs: a route without `config.permission` is a programming error.
  const routeTable: RouteInfo[] = [];
  app.decorate('sigapRoutes', routeTable);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), permission: 'public' };
      return;
    }
    const permission = route.config?.permission;
    if (!permission) throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, permission });
    }
  });

  // Policy documents come as YAML text; spreadsheets as bytes.
  for (const type of ['text/yaml', 'application/yaml', 'application/x-yaml', 'text/plain']) {
    app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  }
  for (const type of [
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/octet-stream',
  ]) {
    app.addContentTypeParser(type, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  }

  await app.register(fastifyCookie);
  // Security headers on every answer (web app, API and /api/docs alike). No inline script anywhere:
  // the built web app loads only its own files (check web/index.html stays so). Styles may be inline
  // (Mantine sets style attributes); images may come from https (the map's tile server is configurable).
  const secureCookies = opts.secureCookies ?? false;
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // WebAssembly compilation for the face guide on the check-in page (tfjs WASM); still no eval of JS.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS only where the site is served over HTTPS (then cookies are Secure too).
    strictTransportSecurity: secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Sigap API',
        version: '0.1.0',
        description:
          'Sistem kerja ASN Pemda (WFH/WFO/piket). Semua galat berbentuk {code, message}. Masuk lewat POST /api/auth/login (cookie sesi); perubahan memerlukan header x-csrf-token.',
      },
      components: {
        securitySchemes: {
          sesi: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          // terminals pushing their punches (POST /api/perangkat/kejadian): the device token
          perangkat: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ sesi: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Who is asking is settled before the body is even parsed: a caller without the right gets 401/403,
  // never a validation message about a route they may not use.
  app.addHook('onRequest', async (req) => {
    req.lang = langOf(req);
    const perm = req.routeOptions.config?.permission;
    if (!req.url.startsWith('/api') || perm === undefined || perm === 'public') {
      if (perm === 'public' && req.cookies[SESSION_COOKIE])
        req.caller = await resolveSession(opts.sdb, req.cookies[SESSION_COOKIE]);
      return;
    }
    // A kiosk: its device token is its credential, on the routes that take one (no session, no CSRF).
    if (req.routeOptions.config?.tokenKios && /^Bearer\s/i.test(req.headers.authorization ?? '')) {
      req.kios = await perangkatDariToken(opts.sdb, req.headers.authorization, 'kiosk');
      return;
    }
    const caller = await resolveSession(opts.sdb, req.cookies[SESSION_COOKIE]);
    if (!caller) throw errors.notSignedIn();
    req.caller = caller;
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && !req.routeOptions.config?.noCsrf) {
      if (req.headers['x-csrf-token'] !== caller.csrfToken) throw errors.csrf();
    }
    if (
      !allows(
        caller.grants.map((g) => g.role),
        perm,
      )
    )
      throw errors.forbidden();
  });

  app.setErrorHandler((err, req, reply) => {
    const lang = req.lang ?? 'id';
    // No raw database text reaches a user: it is logged, and answered in words.
    const dbErr = fromDatabaseError(err);
    if (dbErr) {
      req.log.warn({ err }, 'database error answered in words');
      return reply.status(statusOf(dbErr.code)).send({ code: dbErr.code, message: teks(dbErr.pesan, lang) });
    }
    if (err instanceof AppError) {
      return reply
        .status(statusOf(err.code))
        .send({ code: err.code, message: teks(err.pesan, lang), issues: err.issues });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.status(400).send({
        code: 'VALIDASI',
        message: pesanValidasi(req, err.validation, err.validationContext ?? 'body', lang),
      });
    }
    const e = err as { statusCode?: number; message?: string; code?: string };
    if (e.statusCode === 429) {
      return reply.status(429).send({
        code: 'TERLALU_BANYAK',
        message: teks(
          pesan(
            'Terlalu banyak percobaan; tunggu sebentar lalu coba lagi',
            'Too many attempts; wait a moment and try again',
          ),
          lang,
        ),
      });
    }
    if (e.statusCode === 413) {
      const batas = req.routeOptions.bodyLimit ?? 0;
      const unggah = batas === batasUnggah().unggahByte ? ' (SIGAP_MAX_UPLOAD_MB)' : '';
      return reply.status(413).send({
        code: 'BERKAS_TERLALU_BESAR',
        message: teks(
          pesan(
            `Isi permintaan terlalu besar: paling besar ${mb(batas)}${unggah}; bagi berkas menjadi beberapa bagian`,
            `The request body is too large: at most ${mb(batas, 'en')}${unggah}; split the file into several parts`,
          ),
          lang,
        ),
      });
    }
    if (e.statusCode === 415) {
      return reply.status(415).send({
        code: 'VALIDASI',
        message: teks(
          pesan(
            `Jenis isi "${req.headers['content-type'] ?? ''}" tidak didukung; pakai application/json, text/yaml, text/csv atau XLSX`,
            `Content type "${req.headers['content-type'] ?? ''}" is not supported; use application/json, text/yaml, text/csv or XLSX`,
          ),
          lang,
        ),
      });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.status(e.statusCode).send({
        code: 'VALIDASI',
        message: lang === 'en' ? `Bad request: ${e.message}` : `Permintaan tidak sah: ${e.message}`,
      });
    }
    req.log.error(err);
    return reply.status(500).send({
      code: 'KESALAHAN_SERVER',
      message: teks(
        pesan(
          'Terjadi kesalahan di server; coba lagi atau hubungi admin',
          'A server error occurred; try again or contact the admin',
        ),
        lang,
      ),
    });
  });

  // Imports a previous run left "berjalan" died with it: say so instead of showing them running forever.
  await tandaiImporTerhenti(opts.sdb);

  const deps = {
    sdb: opts.sdb,
    secureCookies: opts.secureCookies ?? false,
    loginRateLimit: opts.loginRateLimit ?? 10,
  };
  await app.register(
    async (api) => {
      for (const daftar of MODUL_ROUTES) await daftar(api, deps);
    },
    { prefix: '/api' },
  );

  const serveWeb = opts.serveWeb ?? existsSync(WEB_DIST);
  if (serveWeb) await pemanduRoutes(app);
  if (serveWeb && existsSync(WEB_DIST)) {
    // wildcard: files built after start (a rebuild) are served too, not answered with the page fallback.
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true });
  }
  app.setNotFoundHandler((req, reply) => {
    // Only page addresses fall back to the app; a missing asset (/assets/x.js, favicon.png) is a plain 404.
    const path = req.url.split('?')[0] ?? '';
    if (req.url.startsWith('/api') || !serveWeb || req.method !== 'GET' || /\.[a-z0-9]+$/i.test(path)) {
      return reply.status(404).send({
        code: 'TIDAK_DITEMUKAN',
        message: teks(pesan(`Alamat ${req.url} tidak ada`, `No such address ${req.url}`), langOf(req)),
      });
    }
    return reply.sendFile('index.html');
  });
  if (opts.jagaStatistik) {
    const henti = jagaStatistik(opts.sdb, (m) => app.log.info(m));
    app.addHook('onClose', async () => henti());
  }
  if (opts.hangatkan) {
    let hangat: Promise<void> | null = null;
    // After the first statistics round (jagaStatistik waits 1 s): the evaluation's queries plan better.
    const timer = setTimeout(() => {
      hangat = hangatkanEvaluasi(opts.sdb, (m) => app.log.info(m));
    }, 1_500);
    timer.unref();
    app.addHook('onClose', async () => {
      clearTimeout(timer);
      await hangat;
    });
  }
  return app;
}

/** A registered API route and what it needs (for the route × role test and the docs). */
export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly permission: Permission;
}

declare module 'fastify' {
  interface FastifyInstance {
    sigapRoutes: readonly RouteInfo[];
  }
}
