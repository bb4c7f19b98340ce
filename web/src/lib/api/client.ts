import type { ZodType } from 'zod';
import { currentLang, translate } from '../i18n';

/** One problem in an import file, as the server reports it. */
export interface ApiIssue {
  readonly baris: number;
  readonly kolom: string | null;
  readonly kode: string;
  readonly pesan: { readonly id: string; readonly en: string };
}

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
 * THE place that turns a failed answer into an ApiError: the body `{code, message, issues?}` when the
 * server sent one, otherwise a generic message naming the status (status 0 = the server was not reached).
 */
export function parseApiError(status: number, bodyText: string): ApiError {
  try {
    const body = JSON.parse(bodyText) as { code?: unknown; message?: unknown; issues?: unknown };
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      return new ApiError(
        status,
        body.code,
        body.message,
        Array.isArray(body.issues) ? (body.issues as ApiIssue[]) : [],
      );
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
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function headersFor(method: Method | 'HEAD', extra?: Record<string, string>): Record<string, string> {
  const h: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLang(),
    ...extra,
  };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) h['x-csrf-token'] = csrfToken;
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

function parseAnswer<T>(status: number, text: string, path: string, schema?: ZodType<T>): T {
  let value: unknown = null;
  if (text) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError(status, 'KONTRAK', translate(currentLang(), 'galat.kontrak', { path }));
    }
  }
  if (!schema) return value as T;
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError(status, 'KONTRAK', translate(currentLang(), 'galat.kontrak', { path }));
  return r.data;
}

/** The typed client: one method per HTTP verb, all sharing headers, CSRF and error parsing. */
export interface ApiClient {
  request<T>(method: Method, path: string, body?: RequestBody, opts?: RequestOptions<T>): Promise<T>;
  get<T>(path: string, opts?: RequestOptions<T>): Promise<T>;
  post<T>(path: string, body?: RequestBody, opts?: RequestOptions<T>): Promise<T>;
  put<T>(path: string, body?: RequestBody, opts?: RequestOptions<T>): Promise<T>;
  patch<T>(path: string, body?: RequestBody, opts?: RequestOptions<T>): Promise<T>;
  delete<T>(path: string, opts?: RequestOptions<T>): Promise<T>;
}

/** Builds a client for an origin (`''` = the page's own origin, as the app uses it). */
export function createApiClient(baseUrl = ''): ApiClient {
  async function request<T>(
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
        headers: headersFor(method, enc.contentType ? { 'content-type': enc.contentType } : undefined),
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
      noteUnauthorized(err, path);
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
 * (fetch cannot report it). Resolves with the parsed JSON answer; errors go through parseApiError too.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (loaded: number, total: number) => void,
  schema?: ZodType<T>,
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
