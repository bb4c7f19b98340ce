import { type Pesan, pesan } from '../i18n/message.ts';
import type { JenisPegawai } from './types.ts';

/** What an 18-digit NIP encodes. */
export interface NipParts {
  readonly tanggalLahir: string; // YYYY-MM-DD
  /** First appointment (TMT CPNS) as YYYY-MM; for PPPK only the year is encoded (YYYY). */
  readonly tmt: string;
  readonly jenisKelamin: 'L' | 'P';
  readonly nomorUrut: number;
}

export type NipErrorCode =
  | 'NIP_KOSONG'
  | 'NIP_FORMAT'
  | 'NIP_TANGGAL_LAHIR'
  | 'NIP_TMT'
  | 'NIP_TMT_USIA'
  | 'NIP_TMT_MASA_DEPAN'
  | 'NIP_JENIS_KELAMIN'
  | 'NIP_NOMOR_URUT';

export type NipResult =
  | { readonly ok: true; readonly value: NipParts }
  | { readonly ok: false; readonly code: NipErrorCode; readonly message: Pesan };

function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * Validates a NIP by the rules of Perka BKN 22/2007 (PNS): birth date, TMT CPNS, sex, serial; there
 * is no check digit. PPPK NIPs encode the appointment year in digits 9–12 and the marker `21` (not a
 * month) in digits 13–14, so the validator branches on the employee type.
 * `today` (YYYY-MM-DD) bounds the TMT: an appointment cannot lie in the future.
 */
export function validateNip(raw: string, jenis: JenisPegawai, today: string): NipResult {
  const nip = raw.replace(/\s+/g, '');
  if (nip === '') {
    return {
      ok: false,
      code: 'NIP_KOSONG',
      message: pesan('NIP wajib diisi untuk PNS dan PPPK', 'NIP is required for PNS and PPPK employees'),
    };
  }
  if (!/^\d{18}$/.test(nip)) {
    return {
      ok: false,
      code: 'NIP_FORMAT',
      message: pesan(
        `NIP harus 18 angka (tertulis ${nip.length} karakter: "${raw}")`,
        `NIP must be 18 digits (got ${nip.length} characters: "${raw}")`,
      ),
    };
  }
  const y = Number(nip.slice(0, 4));
  const m = Number(nip.slice(4, 6));
  const d = Number(nip.slice(6, 8));
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  if (y < 1930 || !isValidDate(y, m, d) || y > ty) {
    return {
      ok: false,
      code: 'NIP_TANGGAL_LAHIR',
      message: pesan(
        `Tanggal lahir dalam NIP (angka 1–8: ${nip.slice(0, 8)}) bukan tanggal yang sah`,
        `The birth date in the NIP (digits 1–8: ${nip.slice(0, 8)}) is not a valid date`,
      ),
    };
  }
  const tmtYear = Number(nip.slice(8, 12));
  const tmtPart = nip.slice(12, 14);
  const isPppk = jenis === 'pppk' || jenis === 'pppk_paruh_waktu';
  let tmtMonth: number | null;
  if (isPppk && tmtPart === '21') {
    tmtMonth = null; // PPPK marker
  } else {
    tmtMonth = Number(tmtPart);
    if (tmtMonth < 1 || tmtMonth > 12 || tmtYear < 1950) {
      return {
        ok: false,
        code: 'NIP_TMT',
        message: pesan(
          `TMT pengangkatan dalam NIP (angka 9–14: ${nip.slice(8, 14)}) bukan bulan yang sah${isPppk ? ' (untuk PPPK angka 13–14 boleh "21")' : ''}`,
          `The appointment date in the NIP (digits 9–14: ${nip.slice(8, 14)}) is not a valid month${isPppk ? ' (for PPPK digits 13–14 may be "21")' : ''}`,
        ),
      };
    }
  }
  const tmtKey = tmtYear * 100 + (tmtMonth ?? 1);
  if (tmtKey > ty * 100 + tm) {
    return {
      ok: false,
      code: 'NIP_TMT_MASA_DEPAN',
      message: pesan(
        `TMT pengangkatan dalam NIP (${nip.slice(8, 14)}) jatuh di masa depan`,
        `The appointment date in the NIP (${nip.slice(8, 14)}) lies in the future`,
      ),
    };
  }
  // An ASN is appointed at 18 at the earliest.
  // TMT is the first of its month: in the birth month itself the person is 18 only if born on the 1st.
  // A PPPK NIP gives only the year: the person must turn 18 within it at the latest.
  const ageAtTmt =
    tmtMonth === null ? tmtYear - y : tmtYear - y - (tmtMonth < m || (tmtMonth === m && d > 1) ? 1 : 0);
  if (ageAtTmt < 18) {
    return {
      ok: false,
      code: 'NIP_TMT_USIA',
      message: pesan(
        `TMT dalam NIP (${nip.slice(8, 14)}) terlalu dekat dengan tanggal lahir (${nip.slice(0, 8)}): usia saat diangkat ${ageAtTmt} tahun, minimal 18`,
        `The appointment in the NIP (${nip.slice(8, 14)}) is too close to the birth date (${nip.slice(0, 8)}): age ${ageAtTmt} at appointment, minimum 18`,
      ),
    };
  }
  const sex = nip[14];
  if (sex !== '1' && sex !== '2') {
    return {
      ok: false,
      code: 'NIP_JENIS_KELAMIN',
      message: pesan(
        `Angka ke-15 NIP (jenis kelamin) harus 1 atau 2, tertulis ${sex}`,
        `Digit 15 of the NIP (sex) must be 1 or 2, got ${sex}`,
      ),
    };
  }
  const urut = Number(nip.slice(15));
  if (urut < 1) {
    return {
      ok: false,
      code: 'NIP_NOMOR_URUT',
      message: pesan(
        'Nomor urut NIP (angka 16–18) tidak boleh 000',
        'The NIP serial (digits 16–18) cannot be 000',
      ),
    };
  }
  return {
    ok: true,
    value: {
      tanggalLahir: `${pad(y, 4)}-${pad(m)}-${pad(d)}`,
      tmt: tmtMonth === null ? pad(tmtYear, 4) : `${pad(tmtYear, 4)}-${pad(tmtMonth)}`,
      jenisKelamin: sex === '1' ? 'L' : 'P',
      nomorUrut: urut,
    },
  };
}

/** Builds a NIP from its parts (for demo data and tests). */
export function composeNip(p: {
  lahir: string;
  tmtYear: number;
  tmtMonth: number | 'pppk';
  sex: 1 | 2;
  urut: number;
}): string {
  return `${p.lahir.replaceAll('-', '')}${pad(p.tmtYear, 4)}${p.tmtMonth === 'pppk' ? '21' : pad(p.tmtMonth)}${p.sex}${pad(p.urut, 3)}`;
}
