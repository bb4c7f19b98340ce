/** The day's group constraints (caps, minimums, piket) from the groups the decisions joined. */
import { pesan } from '../../i18n/message.ts';
import { bandingTeks } from '../../urutan.ts';
import type { KonteksHari } from './konteks.ts';
import { bulat, type KelompokBatasan, rujukanAturan } from './umum.ts';

/** Each group as a constraint of the day (a cap from its share or count, a minimum, a piket duty), by id. */
export function susunKelompok(kx: KonteksHari): KelompokBatasan[] {
  const { grup, persenNasional } = kx;
  const kelompok: KelompokBatasan[] = [];
  for (const { id, g } of grup.values()) {
    const h = g.a.hasil;
    const src = rujukanAturan(g.k, g.a);
    const n = g.anggota.length;
    if (h.jenis === 'batas_kantor') {
      const m = h.maks;
      const maks =
        'jumlah' in m
          ? Math.min(m.jumlah, n)
          : bulat(
              (('persen' in m ? m.persen : (persenNasional.get(`${g.k.id}:${g.a.id}`) ?? 100)) / 100) * n,
              h.pembulatan,
            );
      const dasar =
        'persen' in m
          ? `${m.persen}%`
          : 'jumlah' in m
            ? `${m.jumlah} orang`
            : `${persenNasional.get(`${g.k.id}:${g.a.id}`)}% (${m.menurut.instrumen})`;
      kelompok.push({
        id,
        jenis: 'batas_kantor',
        per: g.per,
        grupKode: g.kode,
        anggota: g.anggota,
        maks,
        dasarBatas: dasar,
        piketDihitung: h.piket_dihitung,
        sumber: src,
        penjelasan: pesan(
          `Paling banyak ${maks} dari ${n} orang di kantor (${dasar}, dibulatkan ke ${h.pembulatan}) di ${g.kode}`,
          `At most ${maks} of ${n} people at the office (${dasar}, rounded ${h.pembulatan === 'bawah' ? 'down' : h.pembulatan === 'atas' ? 'up' : 'to nearest'}) in ${g.kode}`,
        ),
      });
    } else if (h.jenis === 'minimum_kantor') {
      const min =
        'jumlah' in h.min ? Math.min(h.min.jumlah, n) : bulat((h.min.persen / 100) * n, h.pembulatan);
      kelompok.push({
        id,
        jenis: 'minimum_kantor',
        per: g.per,
        grupKode: g.kode,
        anggota: g.anggota,
        min,
        piketDihitung: true,
        sumber: src,
        penjelasan: pesan(
          `Paling sedikit ${min} dari ${n} orang di kantor di ${g.kode}`,
          `At least ${min} of ${n} people at the office in ${g.kode}`,
        ),
      });
    } else if (h.jenis === 'piket') {
      kelompok.push({
        id,
        jenis: 'piket',
        per: g.per,
        grupKode: g.kode,
        anggota: g.anggota,
        jumlahPiket: h.jumlah,
        bolehPiket: g.boleh,
        piketDihitung: true,
        sumber: src,
        penjelasan: pesan(
          `${h.jumlah} orang piket per hari di ${g.kode} (${g.boleh.length} orang boleh ditunjuk)`,
          `${h.jumlah} on duty (piket) per day in ${g.kode} (${g.boleh.length} eligible)`,
        ),
      });
    }
  }
  kelompok.sort((a, b) => bandingTeks(a.id, b.id));
  return kelompok;
}
