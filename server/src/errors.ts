import type { ImportIssue, Pesan } from '@sigap/domain';
import { pesan } from '@sigap/domain';

/** Stable error codes of the API; one switch below maps each to an HTTP status. */
export type ErrorCode =
  | 'VALIDASI'
  | 'TIDAK_MASUK'
  | 'DILARANG'
  | 'CSRF'
  | 'TIDAK_DITEMUKAN'
  | 'KONFLIK'
  | 'LOGIN_GAGAL'
  | 'AKUN_TERKUNCI'
  | 'TERLALU_BANYAK'
  | 'IMPOR_GAGAL'
  | 'KEBIJAKAN_TIDAK_SAH'
  | 'BERKAS_TIDAK_SAH'
  | 'BERKAS_TERLALU_BESAR'
  | 'PEMDA_TIDAK_DIKENAL'
  | 'KESALAHAN_SERVER';

/** An error the API reports as `{code, message}` (plus `issues` for imports). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly pesan: Pesan,
    readonly issues?: readonly ImportIssue[],
  ) {
    super(pesan.en);
  }
}

/** The HTTP status of each error code. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDASI':
    case 'BERKAS_TIDAK_SAH':
      return 400;
    case 'TIDAK_MASUK':
    case 'LOGIN_GAGAL':
      return 401;
    case 'DILARANG':
    case 'CSRF':
      return 403;
    case 'TIDAK_DITEMUKAN':
    case 'PEMDA_TIDAK_DIKENAL':
      return 404;
    case 'KONFLIK':
      return 409;
    case 'IMPOR_GAGAL':
    case 'KEBIJAKAN_TIDAK_SAH':
      return 422;
    case 'BERKAS_TERLALU_BESAR':
      return 413;
    case 'AKUN_TERKUNCI':
    case 'TERLALU_BANYAK':
      return 429;
    case 'KESALAHAN_SERVER':
      return 500;
  }
}

export const errors = {
  notSignedIn: () =>
    new AppError('TIDAK_MASUK', pesan('Silakan masuk terlebih dahulu', 'Please sign in first')),
  forbidden: () =>
    new AppError('DILARANG', pesan('Anda tidak berhak melakukan ini', 'You are not allowed to do this')),
  outOfScope: () =>
    new AppError(
      'DILARANG',
      pesan(
        'Data ini di luar bagian organisasi yang boleh Anda lihat',
        'This lies outside the part of the organisation you may see',
      ),
    ),
  notFound: (what: string, whatEn: string) =>
    new AppError('TIDAK_DITEMUKAN', pesan(`${what} tidak ditemukan`, `${whatEn} not found`)),
  csrf: () =>
    new AppError(
      'CSRF',
      pesan(
        'Token keamanan (CSRF) tidak cocok; muat ulang halaman',
        'Security token (CSRF) mismatch; reload the page',
      ),
    ),
};

/** Whether `e` is an error PostgreSQL (or PGlite) raised: a five-character SQLSTATE and a severity. */
function sqlStateOf(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const { code, severity } = e as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string' ? code : null;
}

/**
 * A database error in words for the user (the raw text, which names tables and constraints, stays in
 * the server log); null when `e` is not a database error.
 */
export function fromDatabaseError(e: unknown): AppError | null {
  const state = sqlStateOf(e);
  if (!state) return null;
  switch (state) {
    case '23505':
      return new AppError(
        'KONFLIK',
        pesan(
          'Data yang sama sudah ada (nilai yang harus unik dipakai dua kali); periksa kode, NIP atau nama pengguna',
          'The same data already exists (a value that must be unique is used twice); check the code, NIP or username',
        ),
      );
    case '23503':
      return new AppError(
        'KONFLIK',
        pesan(
          'Data ini merujuk data yang tidak ada, atau masih dirujuk data lain; muat ulang lalu periksa lagi',
          'This refers to data that does not exist, or other data still refers to it; reload and check again',
        ),
      );
    case '23502':
    case '23514':
    case '23P01':
      return new AppError(
        'VALIDASI',
        pesan(
          'Ada nilai kosong atau di luar batas yang diizinkan; periksa isian lalu coba lagi',
          'A value is missing or outside what is allowed; check the input and try again',
        ),
      );
    case '22021':
    case '22P05':
      return new AppError(
        'VALIDASI',
        pesan(
          'Teks berisi karakter yang tidak sah (misalnya karakter NUL atau pengodean selain UTF-8); hapus karakter itu lalu kirim lagi',
          'The text contains invalid characters (such as NUL, or an encoding other than UTF-8); remove them and send again',
        ),
      );
    case '40001':
    case '40P01':
    case '55P03':
      return new AppError(
        'KONFLIK',
        pesan(
          'Data yang sama sedang diubah oleh permintaan lain; coba lagi sebentar lagi',
          'The same data is being changed by another request; try again in a moment',
        ),
      );
  }
  if (state.startsWith('22')) {
    return new AppError(
      'VALIDASI',
      pesan(
        'Ada nilai yang tidak sah (terlalu panjang, di luar jangkauan, atau bentuknya salah); periksa isian',
        'A value is invalid (too long, out of range or malformed); check the input',
      ),
    );
  }
  if (state.startsWith('23')) {
    return new AppError(
      'KONFLIK',
      pesan(
        'Perubahan ini bertentangan dengan data yang sudah ada; muat ulang lalu periksa lagi',
        'This change conflicts with data already there; reload and check again',
      ),
    );
  }
  if (state.startsWith('53') || state === '57014') {
    return new AppError(
      'KESALAHAN_SERVER',
      pesan('Server sedang sibuk; coba lagi sebentar lagi', 'The server is busy; try again in a moment'),
    );
  }
  return null;
}
