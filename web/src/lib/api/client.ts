// Before any schema is built (lib/zod-jitless.ts says why).
import '../zod-jitless';
import { Galat, MasalahBaris } from '@sigap/domain/api/umum';
import { type core, type ZodType, z } from 'zod';
import { currentLang, type Lang, translate } from '../i18n';

/** One problem in an uploaded file (a CSV/XLSX row, a line of a policy document), as the contract gives it. */
export type ApiIssue = MasalahBaris;
const DaftarMasalah = z.array(MasalahBaris);

/** An error answer of the API: a stable code and a message already in the requested language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * THE place that turns a failed answer into an ApiError: the body `{code, message, issues?}` (the
 * contract's `Galat`) when the server sent one, otherwise a generic message naming the status (status 0 =
 * the server was not reached).
 */
export function parseApiError(status: number, bodyText: string): ApiError {
  try {
    const body = Galat.safeParse(JSON.parse(bodyText));
    if (body.success) {
      const issues = DaftarMasalah.safeParse(body.data.issues ?? []);
      return new ApiError(status, body.data.code, body.data.message, issues.success ? issues.data : []);
    }
  } catch {
    // not JSON: fall through
  }
  if (status === 0) return new ApiError(0, 'JARINGAN', translate(currentLang(), 'galat.jaringan'));
  return new ApiError(status, 'HTTP', translate(currentLang(), 'galat.umum', { status }));
}

/**
 * Any thrown value as an ApiError: an ApiError as it is, anything else (a TypeError from a failed
 * fetch, a bug) as a network-class error carrying its text. The one coercion every page uses.
 */
export function keApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError(0, 'JARINGAN', message || translate(currentLang(), 'galat.jaringan'));
}

/** The message of any thrown value, for a notification or a red box. */
export function pesanGalat(e: unknown): string {
  return keApiError(e).message;
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** Remembers the CSRF token from /api/auth/me or the login answer. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401 (the session ended). */
export function onUnauthorized(fn: () => void): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** Appends the non-empty query parameters to a path. */
export function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

/** A body sent as it is with its own content type (e.g. a CSV text as `text/csv`). */
export class RawBody {
  constructor(
    readonly contentType: string,
    readonly data: string | Blob,
  ) {}
}

/** Wraps a body to be sent as it is. */
export function raw(contentType: string, data: string | Blob): RawBody {
  return new RawBody(contentType, data);
}

/** The request body: `FormData` goes as multipart, a `RawBody` as it is, anything else as JSON. */
export type RequestBody = FormData | RawBody | object | readonly unknown[] | string | number | boolean | null;

export interface RequestOptions<T> {
  readonly query?: QueryParams;
  readonly signal?: AbortSignal;
  /** Parses the answer: a mismatch is an ApiError (code `KONTRAK`) instead of a wrong shape downstream. */
  readonly schema?: ZodType<T>;
  /**
   * An `Authorization` header (a kiosk's `Bearer <device token>`): the request then speaks for the device,
   * not the session, so it carries no CSRF token and its 401 does not end the app's session.
   */
  readonly authorization?: string;
}

/**
 * Options of a call whose answer is JSON: the answer's schema from the contract (`@sigap/domain/api/<area>`)
 * is required, so the web checks every answer and its type is the schema's, never written by hand.
 */
export type ParsedOptions<T> = RequestOptions<T> & { readonly schema: ZodType<T> };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function headersFor(
  method: Method | 'HEAD',
  extra?: Record<string, string>,
  authorization?: string,
): Record<string, string> {
  const h: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLang(),
    ...extra,
  };
  if (authorization !== undefined) h.authorization = authorization;
  else if (method !== 'GET' && method !== 'HEAD' && csrfToken) h['x-csrf-token'] = csrfToken;
  return h;
}

function noteUnauthorized(err: ApiError, path: string): void {
  if (err.status === 401 && err.code === 'TIDAK_MASUK' && !path.startsWith('/api/auth/')) {
    for (const fn of unauthorizedListeners) fn();
  }
}

function encode(body: RequestBody | undefined): { body?: BodyInit; contentType?: string } {
  if (body === undefined) return {};
  if (typeof FormData !== 'undefined' && body instanceof FormData) return { body }; // fetch sets the boundary
  if (body instanceof RawBody) return { body: body.data, contentType: body.contentType };
  return { body: JSON.stringify(body), contentType: 'application/json' };
}

/** A field's place in an answer as a page's code names it: `rows[3].nama`; the root is `(jawaban)`. */
export function namaIsian(path: readonly PropertyKey[]): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s ? `.${String(k)}` : String(k);
  return s || '(jawaban)';
}

const JENIS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  id: {
    string: 'teks',
    number: 'angka',
    int: 'bilangan bulat',
    boolean: 'ya/tidak',
    object: 'objek',
    array: 'daftar',
  },
  en: {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true/false',
    object: 'an object',
    array: 'a list',
  },
};

function nilaiDi(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const k of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** What is wrong with the first field at fault, in the app's language: missing, the wrong kind, or a value outside the contract. */
function masalahIsian(issue: core.$ZodIssue, value: unknown, lang: Lang): string {
  const kurang = issue.code === 'invalid_type' || issue.code === 'invalid_value';
  if (kurang && nilaiDi(value, issue.path) === undefined) return translate(lang, 'galat.kontrak.tidakAda');
  if (issue.code === 'invalid_type')
    return translate(lang, 'galat.kontrak.bukan', { jenis: JENIS[lang][issue.expected] ?? issue.expected });
  if (issue.code === 'invalid_value')
    return translate(lang, 'galat.kontrak.nilai', { nilai: issue.values.join(', ') });
  return translate(lang, 'galat.kontrak.lain');
}

/**
 * THE place that checks an answer against the contract: JSON at all, then the schema (when given). A
 * mismatch is an ApiError `KONTRAK` whose message names the path and the first field at fault.
 */
function parseAnswer<T>(status: number, text: string, path: string, schema?: ZodType<T>): T {
  const lang = currentLang();
  let value: unknown = null;
  if (text) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError(status, 'KONTRAK', translate(lang, 'galat.bukanJson', { path }));
    }
  }
  if (!schema) return value as T;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const isian = issue ? namaIsian(issue.path) : namaIsian([]);
  const masalah = issue ? masalahIsian(issue, value, lang) : translate(lang, 'galat.kontrak.lain');
  throw new ApiError(status, 'KONTRAK', translate(lang, 'galat.kontrak', { path, isian, masalah }));
}

/**
 * The typed client: one method per HTTP verb, all sharing headers, CSRF and error parsing. Each verb takes
 * the answer's schema and returns what it parsed; `request` alone may go without one (an answer no schema
 * describes), and then its answer is `unknown` unless the caller says otherwise.
 */
export interface ApiClient {
  request<T = unknown>(
    method: Method,
    path: string,
    body?: RequestBody,
    opts?: RequestOptions<T>,
  ): Promise<T>;
  get<T>(path: string, opts: ParsedOptions<T>): Promise<T>;
  post<T>(path: string, body: RequestBody | undefined, opts: ParsedOptions<T>): Promise<T>;
  put<T>(path: string, body: RequestBody | undefined, opts: ParsedOptions<T>): Promise<T>;
  patch<T>(path: string, body: RequestBody | undefined, opts: ParsedOptions<T>): Promise<T>;
  delete<T>(path: string, opts: ParsedOptions<T>): Promise<T>;
}

/** Builds a client for an origin (`''` = the page's own origin, as the app uses it). */
export function createApiClient(baseUrl = ''): ApiClient {
  async function request<T = unknown>(
    method: Method,
    path: string,
    body?: RequestBody,
    opts: RequestOptions<T> = {},
  ): Promise<T> {
    const enc = encode(body);
    let res: Response;
    try {
      res = await fetch(baseUrl + withQuery(path, opts.query), {
        method,
        credentials: 'same-origin',
        headers: headersFor(
          method,
          enc.contentType ? { 'content-type': enc.contentType } : undefined,
          opts.authorization,
        ),
        body: enc.body,
        signal: opts.signal,
      });
    } catch (e) {
      if (opts.signal?.aborted) throw e; // a cancelled request is not an error to show
      throw parseApiError(0, '');
    }
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      throw parseApiError(0, '');
    }
    if (!res.ok) {
      const err = parseApiError(res.status, text);
      if (opts.authorization === undefined) noteUnauthorized(err, path);
      throw err;
    }
    return parseAnswer(res.status, text, path, opts.schema);
  }
  return {
    request,
    get: (path, opts) => request('GET', path, undefined, opts),
    post: (path, body, opts) => request('POST', path, body ?? {}, opts),
    put: (path, body, opts) => request('PUT', path, body ?? {}, opts),
    patch: (path, body, opts) => request('PATCH', path, body ?? {}, opts),
    delete: (path, opts) => request('DELETE', path, undefined, opts),
  };
}

/** The app's client (same origin). */
export const api: ApiClient = createApiClient();

/**
 * Uploads a file as the raw request body with XMLHttpRequest, so the upload's progress can be shown
 * (fetch cannot report it). Resolves with the answer parsed by its schema; errors go through parseApiError too.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (loaded: number, total: number) => void,
  schema: ZodType<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [k, v] of Object.entries(headersFor('POST', { 'content-type': contentType })))
      xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(parseAnswer(xhr.status, xhr.responseText, path, schema));
        } catch (e) {
          reject(e);
        }
        return;
      }
      const err = parseApiError(xhr.status, xhr.responseText);
      noteUnauthorized(err, path);
      reject(err);
    };
    xhr.onerror = () => reject(parseApiError(0, ''));
    xhr.send(file);
  });
}
