import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BingkaiTantangan,
  buatTantangan,
  LANGKAH_TANTANGAN,
  type LangkahTantangan,
  nilaiTantangan,
  OPSI_PENILAIAN_BAKU,
  OPSI_TANTANGAN_BAKU,
  TANDA_PITCH_ATAS,
  TANDA_YAW_KIRI,
  type Tantangan,
} from './tantangan.ts';

const T0 = new Date('2024-03-04T00:20:00Z');
const tantangan = (langkah: LangkahTantangan[]): Tantangan => ({
  langkah,
  dibuat: T0,
  berlakuSampai: new Date(T0.getTime() + 120_000),
});
const nanti = new Date(T0.getTime() + 10_000);

const netral: BingkaiTantangan = { jumlahWajah: 1, yaw: 2, pitch: -3, samaDenganPertama: true };
/** A frame showing a pose at `sudut` degrees, signs as the module documents them. */
function pose(l: LangkahTantangan, sudut = 30): BingkaiTantangan {
  const s = {
    toleh_kiri: TANDA_YAW_KIRI,
    toleh_kanan: -TANDA_YAW_KIRI,
    lihat_atas: TANDA_PITCH_ATAS,
    lihat_bawah: -TANDA_PITCH_ATAS,
  }[l];
  const yaw = l.startsWith('toleh') ? s * sudut : 3;
  const pitch = l.startsWith('lihat') ? s * sudut : -2;
  return { jumlahWajah: 1, yaw, pitch, samaDenganPertama: true };
}

describe('tantangan: examples', () => {
  it('the yaw and pitch signs expected of the engine: a left turn is positive yaw, looking up positive pitch', () => {
    expect(TANDA_YAW_KIRI).toBe(1);
    expect(TANDA_PITCH_ATAS).toBe(1);
    const t = tantangan(['toleh_kiri', 'lihat_atas']);
    const bingkai = [netral, { ...netral, yaw: 25 }, { ...netral, pitch: 20 }];
    expect(nilaiTantangan(t, bingkai, nanti)).toEqual({ lulus: true });
    const cermin = [netral, { ...netral, yaw: -25 }, { ...netral, pitch: 20 }];
    expect(nilaiTantangan(t, cermin, nanti)).toMatchObject({ lulus: false, alasan: 'tantangan_gagal' });
  });

  it('a turn below the threshold (14°) does not count; 15° does', () => {
    const t = tantangan(['toleh_kanan', 'lihat_bawah']);
    expect(nilaiTantangan(t, [pose('toleh_kanan', 14), pose('lihat_bawah')], nanti).lulus).toBe(false);
    expect(nilaiTantangan(t, [pose('toleh_kanan', 15), pose('lihat_bawah')], nanti).lulus).toBe(true);
  });

  it('no face, two faces, another person, expired: each refused with its code and words', () => {
    const t = tantangan(['toleh_kiri', 'toleh_kanan']);
    const ok = [netral, pose('toleh_kiri'), pose('toleh_kanan')];
    expect(
      nilaiTantangan(t, [netral, { ...pose('toleh_kiri'), jumlahWajah: 0 }, pose('toleh_kanan')], nanti),
    ).toMatchObject({
      alasan: 'tidak_ada_wajah',
      bingkai: 1,
      sebab: { id: 'gambar 2: wajah tidak terlihat' },
    });
    expect(nilaiTantangan(t, [{ ...netral, jumlahWajah: 2 }, ...ok.slice(1)], nanti)).toMatchObject({
      alasan: 'banyak_wajah',
    });
    expect(
      nilaiTantangan(
        t,
        [netral, pose('toleh_kiri'), { ...pose('toleh_kanan'), samaDenganPertama: false }],
        nanti,
      ),
    ).toMatchObject({
      alasan: 'tantangan_gagal',
      sebab: { en: "frame 3: not the same person's face" },
    });
    const skor = { ...OPSI_PENILAIAN_BAKU, kemiripanMin: 0.6 };
    expect(
      nilaiTantangan(
        t,
        ok.map((b, i) => ({ ...b, kemiripan: i === 2 ? 0.4 : 0.8 })),
        nanti,
        skor,
      ),
    ).toMatchObject({
      alasan: 'tantangan_gagal',
      bingkai: 2,
    });
    expect(nilaiTantangan(t, ok, new Date(T0.getTime() + 121_000))).toMatchObject({
      alasan: 'tantangan_gagal',
      sebab: { en: 'the challenge expired, start again' },
    });
  });

  it('a replay cycling through every movement fails: extra poses are not allowed', () => {
    const t = tantangan(['toleh_kiri', 'lihat_atas']);
    const semua = LANGKAH_TANTANGAN.map((l) => pose(l));
    expect(nilaiTantangan(t, semua, nanti)).toMatchObject({
      lulus: false,
      sebab: {
        en: 'asked: Turn your head to your left, Look up; seen: Turn your head to your left, Turn your head to your right, Look up, Look down',
      },
    });
  });

  it('buatTantangan: draws from the injected source; 2 or 3 steps; expires after 120 s', () => {
    const urutan = [1, 0, 1, 2];
    const t = buatTantangan(() => urutan.shift()!, T0);
    // 2 + 1 = 3 steps: index 0 of all four, then index 1 and 2 of the three others each time
    expect(t.langkah).toEqual(['toleh_kiri', 'lihat_atas', 'lihat_bawah']);
    expect(t.berlakuSampai.toISOString()).toBe('2024-03-04T00:22:00.000Z');
    expect(() => buatTantangan(() => 7, T0)).toThrow(RangeError);
  });
});

describe('tantangan: properties', () => {
  const acak = fc.infiniteStream(fc.nat());
  it('every challenge has 2–3 steps, none repeated back to back, whatever the random source', () => {
    fc.assert(
      fc.property(acak, (s) => {
        const it = s[Symbol.iterator]();
        const t = buatTantangan((n) => it.next().value! % n, T0);
        expect(t.langkah.length).toBeGreaterThanOrEqual(2);
        expect(t.langkah.length).toBeLessThanOrEqual(3);
        for (let i = 1; i < t.langkah.length; i++) expect(t.langkah[i]).not.toBe(t.langkah[i - 1]);
      }),
    );
  });

  it("a Pemda's allowed steps: only those are asked, every one of them can be, and fewer than two different ones is refused", () => {
    const boleh = fc.subarray([...LANGKAH_TANTANGAN], { minLength: 2 });
    fc.assert(
      fc.property(boleh, acak, (izin, s) => {
        const it = s[Symbol.iterator]();
        const t = buatTantangan((n) => it.next().value! % n, T0, { ...OPSI_TANTANGAN_BAKU, langkah: izin });
        for (const l of t.langkah) expect(izin).toContain(l);
        for (let i = 1; i < t.langkah.length; i++) expect(t.langkah[i]).not.toBe(t.langkah[i - 1]);
      }),
    );
    // with only the two turns, the source's choices map onto exactly those two
    const t = buatTantangan(() => 0, T0, { ...OPSI_TANTANGAN_BAKU, langkah: ['toleh_kanan', 'toleh_kiri'] });
    expect(t.langkah).toEqual(['toleh_kanan', 'toleh_kiri']);
    for (const izin of [['lihat_atas'], ['toleh_kiri', 'toleh_kiri']] as LangkahTantangan[][])
      expect(() => buatTantangan(() => 0, T0, { ...OPSI_TANTANGAN_BAKU, langkah: izin })).toThrow(RangeError);
  });

  // A challenge, and an answer that shows each asked step in 1–2 frames at 15–60°, with neutral frames around (at most 10 frames)
  const langkah = fc
    .array(fc.constantFrom(...LANGKAH_TANTANGAN), { minLength: 2, maxLength: 3 })
    .filter((ls) => ls.every((l, i) => i === 0 || l !== ls[i - 1]));
  const kelompok = (ls: LangkahTantangan[]) =>
    fc.tuple(
      ...ls.map((l) =>
        fc
          .tuple(
            fc.array(fc.double({ min: 15, max: 60, noNaN: true }), { minLength: 1, maxLength: 2 }),
            fc.nat(1),
          )
          .map(([sudut, netralSesudah]) => [
            ...sudut.map((s) => pose(l, s)),
            ...Array.from({ length: netralSesudah }, () => netral),
          ]),
      ),
    );
  const jawaban = langkah.chain((ls) => fc.tuple(fc.constant(ls), kelompok(ls), fc.nat(1)));
  const ratakan = (awalNetral: number, g: BingkaiTantangan[][]) => [
    ...Array.from({ length: awalNetral }, () => netral),
    ...g.flat(),
  ];

  it('a sequence that shows the asked poses in order passes', () => {
    fc.assert(
      fc.property(jawaban, ([ls, g, a]) => {
        expect(nilaiTantangan(tantangan(ls), ratakan(a, g), nanti)).toEqual({ lulus: true });
      }),
    );
  });

  it('removing any asked pose fails', () => {
    fc.assert(
      fc.property(jawaban, fc.nat(), ([ls, g, a], k) => {
        const i = k % g.length;
        const tanpa = g.map((x, j) => (j === i ? [netral] : x));
        expect(nilaiTantangan(tantangan(ls), ratakan(a, tanpa), nanti)).toMatchObject({
          lulus: false,
          alasan: 'tantangan_gagal',
        });
      }),
    );
  });

  it('showing the poses in another order fails', () => {
    fc.assert(
      fc.property(jawaban, fc.nat(), ([ls, g, a], k) => {
        const i = k % (g.length - 1);
        const tukar = [...g];
        [tukar[i], tukar[i + 1]] = [tukar[i + 1]!, tukar[i]!];
        const urut = [...ls];
        [urut[i], urut[i + 1]] = [urut[i + 1]!, urut[i]!];
        fc.pre(urut.join() !== ls.join());
        expect(nilaiTantangan(tantangan(ls), ratakan(a, tukar), nanti).lulus).toBe(false);
      }),
    );
  });

  it('an extra frame of a different identity, anywhere, fails', () => {
    fc.assert(
      fc.property(jawaban, fc.nat(), fc.boolean(), ([ls, g, a], k, caraSkor) => {
        const bingkai = ratakan(a, g);
        const i = k % (bingkai.length + 1);
        const lain: BingkaiTantangan = caraSkor
          ? { ...netral, samaDenganPertama: null, kemiripan: 0.2 }
          : { ...netral, samaDenganPertama: false };
        const skor = bingkai.map((b) => ({ ...b, kemiripan: 0.9 }));
        const dengan = [...skor.slice(0, i), lain, ...skor.slice(i)];
        const opsi = { ...OPSI_PENILAIAN_BAKU, kemiripanMin: 0.5 };
        expect(nilaiTantangan(tantangan(ls), dengan, nanti, opsi)).toMatchObject({
          lulus: false,
          alasan: 'tantangan_gagal',
        });
      }),
    );
  });

  it('an extra pose that was not asked fails', () => {
    fc.assert(
      fc.property(jawaban, fc.constantFrom(...LANGKAH_TANTANGAN), ([ls, g, a], l) => {
        fc.pre(l !== ls[ls.length - 1]);
        expect(nilaiTantangan(tantangan(ls), [...ratakan(a, g), pose(l)], nanti).lulus).toBe(false);
      }),
    );
  });
});
