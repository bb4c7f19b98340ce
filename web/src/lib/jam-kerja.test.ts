import { JAM_KERJA_PERPRES_21_2023 } from '@sigap/domain';
import { describe, expect, test } from 'vitest';
import {
  draftFrom,
  fmtDurasi,
  jamKerjaSah,
  masalahHari,
  menitHari,
  menitMingguan,
  rapikanJam,
  toJamKerja,
} from './jam-kerja';

describe('jam kerja form', () => {
  test('the Perpres 21/2023 default is 37 hours 30 minutes a week and survives a round trip', () => {
    const draft = draftFrom(JAM_KERJA_PERPRES_21_2023);
    expect(menitMingguan(draft)).toBe(37 * 60 + 30);
    expect(fmtDurasi(menitMingguan(draft), 'id')).toBe('37 jam 30 menit');
    expect(fmtDurasi(menitMingguan(draft), 'en')).toBe('37 h 30 min');
    expect(fmtDurasi(36 * 60, 'id')).toBe('36 jam');
    expect(draft['6'].aktif).toBe(false);
    expect(jamKerjaSah(draft)).toBe(true);
    expect(toJamKerja(draft)).toEqual(JAM_KERJA_PERPRES_21_2023);
  });

  test('a longer Friday break lowers the total; an end before start + break is flagged', () => {
    const draft = draftFrom(JAM_KERJA_PERPRES_21_2023);
    const jumat = { ...draft['5'], istirahat: 60 };
    expect(menitMingguan({ ...draft, '5': jumat })).toBe(38 * 60);
    const bad = { ...draft['1'], mulai: '08:00', selesai: '08:30', istirahat: 30 };
    expect(masalahHari(bad)).toBe('selesaiSebelumMulai');
    expect(menitHari(bad)).toBeNull();
    expect(jamKerjaSah({ ...draft, '1': bad })).toBe(false);
    expect(masalahHari({ ...bad, selesai: '' })).toBe('jamFormat');
    expect(masalahHari({ ...draft['1'], istirahat: '' })).toBe('istirahatSalah');
    expect(masalahHari({ ...draft['1'], istirahat: 241 })).toBe('istirahatSalah');
    // A day switched off is never a problem and does not count.
    expect(masalahHari({ ...bad, aktif: false })).toBeNull();
  });

  test('a week without a working day cannot be saved', () => {
    const draft = draftFrom({});
    expect(menitMingguan(draft)).toBe(0);
    expect(jamKerjaSah(draft)).toBe(false);
  });
});

test('typed times are tidied the way people write them', () => {
  expect(rapikanJam('8.00')).toBe('08:00');
  expect(rapikanJam('7:30')).toBe('07:30');
  expect(rapikanJam('0800')).toBe('08:00');
  expect(rapikanJam('800')).toBe('08:00');
  expect(rapikanJam(' 16.30 ')).toBe('16:30');
  expect(rapikanJam('25:00')).toBe('25:00');
  expect(rapikanJam('8')).toBe('8');
});
