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
