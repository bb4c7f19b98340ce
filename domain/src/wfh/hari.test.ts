import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { teks } from '../i18n/message.ts';
import { type MasukanHariWfh, nilaiHariWfh, rangkumHariWfh } from './hari.ts';
import { type HasilSlot, STATUS_SLOT, type StatusSlot, susunSlot } from './slot.ts';

// Kudus 2020: every two hours, 07:30–16:00 → slots at 07:30, 09:30, 11:30, 13:30, 15:30
const KUDUS = susunSlot({ setiapJam: 2, dari: '07:30', sampai: '16:00' });
const slot = (...status: StatusSlot[]): HasilSlot[] =>
  status.map((s, i) => ({ slot: KUDUS[i]!, status: s, laporanId: null }));
const hari = (m: Partial<MasukanHariWfh>): MasukanHariWfh => ({
  slot: slot('tepat_waktu', 'tepat_waktu', 'tepat_waktu', 'tepat_waktu', 'tepat_waktu'),
  pernyataanBelum: false,
  hariSelesai: true,
  izinDikeberatani: [],
  lompatan: [],
  ...m,
});
const kata = (m: MasukanHariWfh) =>
  nilaiHariWfh(m)
    .alasan.map((a) => teks(a.pesan, 'id'))
    .join('; ');

describe('nilaiHariWfh: a WFH day’s status', () => {
  it('every slot reported at home: compliant', () => {
    expect(nilaiHariWfh(hari({}))).toEqual({ status: 'WFH_PATUH', alasan: [] });
  });

  it('a missed slot: not compliant, naming the slot (CONTRACTS: "slot 13:30 missed")', () => {
    const m = hari({ slot: slot('tepat_waktu', 'terlambat', 'tepat_waktu', 'terlewat', 'tepat_waktu') });
    expect(nilaiHariWfh(m).status).toBe('WFH_TIDAK_PATUH');
    expect(kata(m)).toBe('slot 13:30 terlewat; slot 09:30 terlambat dilaporkan');
  });

  it('a going-out notice excuses its slots: compliant, the notice listed', () => {
    const m = hari({ slot: slot('tepat_waktu', 'izin_keluar', 'izin_keluar', 'terlambat', 'tepat_waktu') });
    expect(nilaiHariWfh(m).status).toBe('WFH_PATUH');
    expect(kata(m)).toBe('slot 13:30 terlambat dilaporkan; slot 09:30, 11:30 izin keluar rumah');
  });

  it('the same notice objected to by the supervisor: not compliant', () => {
    const m = hari({
      slot: slot('tepat_waktu', 'izin_keluar', 'izin_keluar', 'tepat_waktu', 'tepat_waktu'),
      izinDikeberatani: ['09:00–12:00'],
    });
    expect(nilaiHariWfh(m).status).toBe('WFH_TIDAK_PATUH');
    expect(kata(m)).toBe('izin keluar 09:00–12:00 dikeberatani atasan; slot 09:30, 11:30 izin keluar rumah');
  });

  it('an unsigned statement: not compliant once the day is over, even when every slot is fine; on the day, it waits', () => {
    const m = hari({ pernyataanBelum: true });
    expect(nilaiHariWfh(m).status).toBe('WFH_TIDAK_PATUH');
    expect(kata(m)).toBe('surat pernyataan WFH belum ditandatangani');
    const hariIni = hari({ pernyataanBelum: true, hariSelesai: false });
    expect(nilaiHariWfh(hariIni).status).toBe('WFH_BELUM_DINILAI');
    expect(kata(hariIni)).toBe('surat pernyataan WFH belum ditandatangani');
  });

  it('a slot still open, or a home not yet confirmed: not yet assessed; an earlier failure still decides', () => {
    expect(nilaiHariWfh(hari({ slot: slot('tepat_waktu', 'belum') })).status).toBe('WFH_BELUM_DINILAI');
    expect(nilaiHariWfh(hari({ slot: slot('menunggu_rumah', 'menunggu_rumah') })).status).toBe(
      'WFH_BELUM_DINILAI',
    );
    expect(nilaiHariWfh(hari({ slot: slot('terlewat', 'belum') })).status).toBe('WFH_TIDAK_PATUH');
  });

  it('no location rule: not yet assessed, said so', () => {
    const m = hari({ slot: [] });
    expect(nilaiHariWfh(m).status).toBe('WFH_BELUM_DINILAI');
    expect(kata(m)).toBe('kebijakan tidak meminta laporan lokasi; WFH belum dinilai');
  });

  it('an impossible jump is listed, not judged', () => {
    const m = hari({ lompatan: ['10:05'] });
    expect(nilaiHariWfh(m)).toMatchObject({ status: 'WFH_PATUH' });
    expect(kata(m)).toBe('perpindahan lokasi tidak wajar pukul 10:05');
  });

  it('property: not compliant exactly when a slot is missed or away, the statement unsigned, or a notice objected to', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...STATUS_SLOT), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (st, belumTtd, keberatan, selesai) => {
          const m = hari({
            slot: slot(...st),
            pernyataanBelum: belumTtd,
            hariSelesai: selesai,
            izinDikeberatani: keberatan ? ['10:00–11:00'] : [],
          });
          const r = nilaiHariWfh(m);
          const gagal =
            st.includes('terlewat') || st.includes('di_luar_rumah') || (belumTtd && selesai) || keberatan;
          expect(r.status === 'WFH_TIDAK_PATUH').toBe(gagal);
          const belum = st.includes('belum') || st.includes('menunggu_rumah') || belumTtd;
          if (!gagal) expect(r.status).toBe(belum ? 'WFH_BELUM_DINILAI' : 'WFH_PATUH');
          // a non-compliant day always says why
          if (gagal) expect(r.alasan.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('rangkumHariWfh: a WFH day put together', () => {
  const RUMAH = { lat: -6.8048, lng: 110.8405 };
  const utara = (m: number) => ({ lat: RUMAH.lat + m / 111_195, lng: RUMAH.lng });
  // 07:40 WIB on 4 Dec 2026 is 00:40Z
  const wib = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00+07:00`);
  const lapor = (id: string, hhmm: string, m = 20) => ({
    id,
    ...utara(m),
    akurasiM: 15,
    dihitung: wib(hhmm),
  });
  const dasar = {
    aturanSlot: { setiapJam: 2, dari: '07:30', sampai: '16:00' },
    tanggal: '2026-12-04',
    zona: 'Asia/Jakarta' as const,
    rumah: [{ ...RUMAH, berlakuSejak: wib('07:00') }],
    izin: [],
    pernyataanBelum: false,
    aturan: { radiusRumahM: 150, kecepatanMaksKmj: 120, tepatMenit: 30 },
    sekarang: new Date('2026-12-05T03:00:00Z'),
  };

  it('a day with a missed slot: not compliant, "slot 13:30 terlewat"', () => {
    const r = rangkumHariWfh({
      ...dasar,
      laporan: [lapor('a', '07:40'), lapor('b', '09:35'), lapor('c', '11:50'), lapor('e', '15:31')],
    });
    expect(r.slot.map((s) => s.status)).toEqual([
      'tepat_waktu',
      'tepat_waktu',
      'tepat_waktu',
      'terlewat',
      'tepat_waktu',
    ]);
    expect(r.penilaian.status).toBe('WFH_TIDAK_PATUH');
    expect(teks(r.penilaian.alasan[0]!.pesan, 'id')).toBe('slot 13:30 terlewat');
    expect(r.laporan.map((l) => [l.id, l.slotKe, l.tempat, l.jarakM])).toEqual([
      ['a', 1, 'di_rumah', 20],
      ['b', 2, 'di_rumah', 20],
      ['c', 3, 'di_rumah', 20],
      ['e', 5, 'di_rumah', 20],
    ]);
  });

  it('a day with a going-out notice over the 13:30 slot: compliant; objected to: not', () => {
    const laporan = [lapor('a', '07:40'), lapor('b', '09:35'), lapor('c', '11:50'), lapor('e', '15:31')];
    const izin = { dari: wib('13:00'), sampai: wib('15:00'), dikeberatani: false };
    const r = rangkumHariWfh({ ...dasar, laporan, izin: [izin] });
    expect(r.slot[3]!.status).toBe('izin_keluar');
    expect(r.penilaian.status).toBe('WFH_PATUH');
    const k = rangkumHariWfh({ ...dasar, laporan, izin: [{ ...izin, dikeberatani: true }] });
    expect(k.penilaian.status).toBe('WFH_TIDAK_PATUH');
    expect(teks(k.penilaian.alasan[0]!.pesan, 'id')).toBe('izin keluar 13:00–15:00 dikeberatani atasan');
  });

  it('a notice counts to the second: from 13:30:30 it does not excuse the 13:30 slot; until 13:30:30 it does', () => {
    const laporan = [lapor('a', '07:40'), lapor('b', '09:35'), lapor('c', '11:50'), lapor('e', '15:31')];
    const detik = (hhmmss: string) => new Date(`2026-12-04T${hhmmss}+07:00`);
    const telat = rangkumHariWfh({
      ...dasar,
      laporan,
      izin: [{ dari: detik('13:30:30'), sampai: detik('15:00:00'), dikeberatani: false }],
    });
    expect(telat.slot[3]!.status).toBe('terlewat');
    const sampai = rangkumHariWfh({
      ...dasar,
      laporan,
      izin: [{ dari: detik('12:00:00'), sampai: detik('13:30:30'), dikeberatani: false }],
    });
    expect(sampai.slot[3]!.status).toBe('izin_keluar');
  });

  it('during the day only closed slots count; before the home is confirmed reports wait; a jump is listed', () => {
    const siang = rangkumHariWfh({ ...dasar, laporan: [lapor('a', '07:40')], sekarang: wib('10:00') });
    expect(siang.slot.map((s) => s.status)).toEqual(['tepat_waktu', 'belum', 'belum', 'belum', 'belum']);
    expect(siang.penilaian.status).toBe('WFH_BELUM_DINILAI');
    const tanpaRumah = rangkumHariWfh({ ...dasar, rumah: [], laporan: [lapor('a', '07:40')] });
    expect(tanpaRumah.slot[0]!.status).toBe('menunggu_rumah');
    expect(tanpaRumah.laporan[0]!.jarakM).toBeNull();
    const lompat = rangkumHariWfh({ ...dasar, laporan: [lapor('a', '07:40'), lapor('b', '07:50', 50_000)] });
    expect(lompat.laporan.map((l) => l.lompatan)).toEqual([false, true]);
    expect(
      lompat.penilaian.alasan.some(
        (a) => teks(a.pesan, 'id') === 'perpindahan lokasi tidak wajar pukul 07:50',
      ),
    ).toBe(true);
  });
});
