import { currentLang, translate } from './i18n';

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
 * server sent one, otherwise a generic message naming the status.
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

type QueryValue = string | number | boolean | null | undefined;

/** Appends the non-empty query parameters to a path. */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

function headersFor(method: string, extra?: Record<string, string>): Record<string, string> {
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

export interface ApiOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as is, instead of `body` (e.g. a CSV text with `text/csv`). */
  readonly raw?: { readonly contentType: string; readonly data: string | Blob };
  readonly signal?: AbortSignal;
}

/** Calls the Sigap API and returns the parsed JSON, or throws an ApiError. */
export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const url = withQuery(path, opts.query);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: headersFor(
        method,
        opts.raw
          ? { 'content-type': opts.raw.contentType }
          : opts.body !== undefined
            ? { 'content-type': 'application/json' }
            : undefined,
      ),
      body: opts.raw ? opts.raw.data : opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw parseApiError(0, '');
  }
  const text = await res.text();
  if (!res.ok) {
    const err = parseApiError(res.status, text);
    noteUnauthorized(err, path);
    throw err;
  }
  return (text ? JSON.parse(text) : null) as T;
}

/**
 * Uploads a file as the raw request body with XMLHttpRequest, so the upload's progress can be shown
 * (fetch cannot report it). Resolves with the parsed JSON answer.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (loaded: number, total: number) => void,
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
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : null) as T);
        } catch {
          reject(parseApiError(xhr.status, ''));
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
