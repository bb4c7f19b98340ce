import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { galatTabrakan } from './kunci.ts';

const APA = { id: 'Impor ini', en: 'This import' };

describe('galatTabrakan', () => {
  it('puts each collision SQLSTATE into words, without the database text', () => {
    for (const code of ['40001', '40P01', '23505', '23P01', '55P03']) {
      const e = Object.assign(new Error('duplicate key value violates unique constraint "x_pkey"'), { code });
      const a = galatTabrakan(e, APA);
      expect(a, code).toBeInstanceOf(AppError);
      expect(a!.code).toBe('KONFLIK');
      expect(a!.pesan.id).toBe(
        'Impor ini bertabrakan dengan perubahan lain pada data yang sama dan dibatalkan; tidak ada yang diubah. Coba lagi setelah perubahan itu selesai',
      );
      expect(a!.pesan.en).not.toMatch(/constraint|duplicate/);
    }
  });

  it('leaves every other error alone', () => {
    for (const e of [new Error('x'), { code: '23514' }, { code: 42 }, null, 'text', undefined]) {
      expect(galatTabrakan(e, APA)).toBeNull();
    }
  });
});
