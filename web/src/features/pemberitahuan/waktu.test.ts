import { describe, expect, test } from 'vitest';
import { waktuLalu } from './waktu';

describe('time ago', () => {
  const now = Date.parse('2026-11-23T08:00:00Z');
  test('in Indonesian and English', () => {
    expect(waktuLalu('2026-11-23T07:59:30Z', now, 'id')).toBe('baru saja');
    expect(waktuLalu('2026-11-23T07:55:00Z', now, 'id')).toBe('5 menit yang lalu');
    expect(waktuLalu('2026-11-23T05:00:00Z', now, 'id')).toBe('3 jam yang lalu');
    expect(waktuLalu('2026-11-21T08:00:00Z', now, 'en')).toBe('2 days ago');
  });
});
