import { type Pesan, pesan } from '../i18n/message.ts';
import { formatTanggal } from '../kalender/dates.ts';
import { LABEL_JABATAN_LEVEL, LABEL_JENIS_PEGAWAI } from '../org/types.ts';
import type { Aturan, Hasil, Kebijakan, Pemilih } from './schema.ts';

const join = (xs: readonly string[], and: string) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${and} ${xs.at(-1)}`;

/** A selector in plain words: "pelaksana di DINKES (beserta unitnya)". */
export function uraikanPemilih(p: Pemilih): Pesan {
  if (p.semua && Object.keys(p).every((k) => k === 'semua' || k === 'termasuk_unit'))
    return pesan('semua pegawai', 'all employees');
  const id: string[] = [];
  const en: string[] = [];
  if (p.jabatan_level) {
    id.push(
      `jabatan ${join(
        p.jabatan_level.map((l) => LABEL_JABATAN_LEVEL[l].id),
        'atau',
      )}`,
    );
    en.push(
      `${join(
        p.jabatan_level.map((l) => LABEL_JABATAN_LEVEL[l].en),
        'or',
      )} positions`,
    );
  }
  if (p.jenis_pegawai) {
    id.push(
      join(
        p.jenis_pegawai.map((j) => LABEL_JENIS_PEGAWAI[j].id),
        'atau',
      ),
    );
    en.push(
      join(
        p.jenis_pegawai.map((j) => LABEL_JENIS_PEGAWAI[j].en),
        'or',
      ),
    );
  }
  const unit = p.termasuk_unit
    ? [' (beserta unitnya)', ' (and its units)']
    : [' (tanpa unit di bawahnya)', ' (not its units)'];
  if (p.opd) {
    id.push(`di ${join(p.opd, 'atau')}${unit[0]}`);
    en.push(`in ${join(p.opd, 'or')}${unit[1]}`);
  }
  if (p.opd_jenis) {
    id.push(`di unit berjenis ${join(p.opd_jenis, 'atau')}${p.termasuk_unit ? ' (atau di bawahnya)' : ''}`);
    en.push(`in units of kind ${join(p.opd_jenis, 'or')}${p.termasuk_unit ? ' (or under one)' : ''}`);
  }
  if (p.kelas_layanan) {
    id.push(
      `di unit ${join(
        p.kelas_layanan.map((k) => (k === 'pelayanan' ? 'pelayanan' : 'non pelayanan')),
        'atau',
      )}`,
    );
    en.push(
      `in ${join(
        p.kelas_layanan.map((k) => (k === 'pelayanan' ? 'service' : 'non-service')),
        'or',
      )} units`,
    );
  }
  if (p.sektor) {
    id.push(`di sektor ${join(p.sektor, 'atau')}`);
    en.push(`in the ${join(p.sektor, 'or')} sector`);
  }
  if (p.nip) {
    id.push(`bernama: ${p.nip.join(', ')}`);
    en.push(`named: ${p.nip.join(', ')}`);
  }
  return pesan(
    `pegawai ${id.join(' ')}`,
    `employees ${en.join(' ')}`.replace('employees in', 'employees in'),
  );
}

function kuota(m: { persen: number } | { jumlah: number }): Pesan {
  return 'persen' in m
    ? pesan(`${m.persen}%`, `${m.persen}%`)
    : pesan(`${m.jumlah} orang`, `${m.jumlah} people`);
}

const PER = { opd: ['per OPD', 'per OPD'], unit: ['per unit kerja', 'per work unit'] } as const;
const METODE: Record<string, [string, string]> = {
  wajah: ['absensi wajah', 'face attendance'],
  elektronik: ['absensi elektronik', 'electronic attendance'],
  lokasi_berkala: ['lapor lokasi berkala', 'periodic location reports'],
  catatan_admin: ['dicatat admin OPD', 'recorded by the OPD admin'],
  tidak_ada: ['tanpa absensi', 'no attendance'],
};

/** What a rule's outcome means, in plain words. */
export function uraikanHasil(h: Hasil): Pesan {
  switch (h.jenis) {
    case 'wfo':
      return pesan('selalu bekerja di kantor (WFO)', 'always work at the office (WFO)');
    case 'wfh':
      return pesan('selalu bekerja dari rumah (WFH)', 'always work from home (WFH)');
    case 'batas_kantor': {
      const m = h.maks;
      const q =
        'menurut' in m
          ? pesan(
              `batas menurut ${m.menurut.instrumen.replaceAll('_', ' ')} (${m.menurut.kategori}, ${m.menurut.wilayah.replaceAll('_', ' ')})`,
              `the cap of ${m.menurut.instrumen.replaceAll('_', ' ')} (${m.menurut.kategori}, ${m.menurut.wilayah.replaceAll('_', ' ')})`,
            )
          : kuota(m);
      const base =
        h.penyebut === 'asn_terpilih' ? ['dari ASN', 'of the ASN'] : ['dari pegawai', 'of the staff'];
      return pesan(
        `paling banyak ${q.id} ${base[0]} di kantor ${PER[h.per][0]} per hari (dibulatkan ke ${h.pembulatan}${h.piket_dihitung ? ', piket dihitung hadir' : ''}); sisanya bekerja dari rumah`,
        `at most ${q.en} ${base[1]} at the office ${PER[h.per][1]} per day (rounded ${h.pembulatan === 'bawah' ? 'down' : h.pembulatan === 'atas' ? 'up' : 'to nearest'}${h.piket_dihitung ? ', piket counted as present' : ''}); the rest work from home`,
      );
    }
    case 'minimum_kantor':
      return pesan(
        `paling sedikit ${kuota(h.min).id} di kantor ${PER[h.per][0]} per hari`,
        `at least ${kuota(h.min).en} at the office ${PER[h.per][1]} per day`,
      );
    case 'piket':
      return pesan(
        `${h.jumlah} orang piket ${PER[h.per][0]} per hari${h.boleh ? `, dipilih dari ${uraikanPemilih(h.boleh).id}` : ''}${h.tugas ? ` — ${h.tugas}` : ''}; piket hadir di kantor`,
        `${h.jumlah} on duty (piket) ${PER[h.per][1]} per day${h.boleh ? `, chosen from ${uraikanPemilih(h.boleh).en}` : ''}${h.tugas ? ` — ${h.tugas}` : ''}; piket are at the office`,
      );
    case 'jam_kerja':
      return pesan(
        `jam kerja ${h.mulai.replace(':', '.')}–${h.selesai.replace(':', '.')}${h.istirahat_menit ? `, istirahat ${h.istirahat_menit} menit` : ''}`,
        `working hours ${h.mulai}–${h.selesai}${h.istirahat_menit ? `, ${h.istirahat_menit}-minute break` : ''}`,
      );
    case 'absensi': {
      const parts: [string, string][] = [];
      for (const s of ['wfo', 'wfh', 'piket'] as const) {
        const m = h[s];
        if (!m) continue;
        const every =
          m === 'lokasi_berkala' && h.lokasi_setiap_jam
            ? [` setiap ${h.lokasi_setiap_jam} jam`, ` every ${h.lokasi_setiap_jam} hours`]
            : ['', ''];
        parts.push([
          `${s.toUpperCase()}: ${METODE[m]![0]}${every[0]}`,
          `${s.toUpperCase()}: ${METODE[m]![1]}${every[1]}`,
        ]);
      }
      return pesan(
        `absensi — ${parts.map((p) => p[0]).join('; ')}`,
        `attendance — ${parts.map((p) => p[1]).join('; ')}`,
      );
    }
    case 'kewajiban_wfh': {
      const d: [string, string][] = [];
      if (h.surat_pernyataan) d.push(['menandatangani surat pernyataan', 'sign a statement']);
      if (h.tetap_di_rumah)
        d.push(['tetap di rumah kecuali keperluan mendesak', 'stay at home except for urgent needs']);
      if (h.target_kinerja) d.push(['bekerja dengan target kinerja terukur', 'work to measurable targets']);
      if (h.lapor_harian) d.push(['melapor setiap hari', 'report daily']);
      return pesan(
        `selama WFH wajib ${join(
          d.map((x) => x[0]),
          'dan',
        )}`,
        `while at home they must ${join(
          d.map((x) => x[1]),
          'and',
        )}`,
      );
    }
    case 'pelaporan': {
      const d: [string, string][] = [];
      if (h.kepala_unit_membagi_tugas)
        d.push(['kepala unit membagi beban kerja', 'the unit head splits the work']);
      if (h.evaluasi_harian_kepala_unit)
        d.push(['kepala unit melaporkan evaluasi harian', 'the unit head reports a daily evaluation']);
      if (h.rekap_jadwal_oleh_admin_opd)
        d.push(['admin OPD mencatat rekap jadwal', 'the OPD admin records the schedule recap']);
      return pesan(
        join(
          d.map((x) => x[0]),
          'dan',
        ),
        join(
          d.map((x) => x[1]),
          'and',
        ),
      );
    }
    case 'penutupan_kantor':
      return pesan(
        `kantor ditutup (${h.alasan})${h.tanggal ? ` pada ${h.tanggal.map((t) => formatTanggal(t, 'id', false)).join(', ')}` : ''}: bekerja dari rumah`,
        `office closed (${h.alasan})${h.tanggal ? ` on ${h.tanggal.map((t) => formatTanggal(t, 'en', false)).join(', ')}` : ''}: work from home`,
      );
    case 'layanan_publik':
      return pesan(
        `layanan publik ${h.mode}${h.kecuali ? `, kecuali ${h.kecuali}` : ''}`,
        `public service ${{ normal: 'as usual', daring: 'online', terbatas: 'limited', tutup: 'closed' }[h.mode]}${h.kecuali ? `, except ${h.kecuali}` : ''}`,
      );
  }
}

/** A whole rule in plain words: who, except whom, what. */
export function uraikanAturan(a: Aturan): Pesan {
  const who = (Array.isArray(a.pilih) ? a.pilih : [a.pilih]).map(uraikanPemilih);
  const whoId = join(
    who.map((w) => w.id),
    'atau',
  );
  const whoEn = join(
    who.map((w) => w.en),
    'or',
  );
  const ex = a.kecuali.map(uraikanPemilih);
  const h = uraikanHasil(a.hasil);
  return pesan(
    `${whoId.charAt(0).toUpperCase()}${whoId.slice(1)}${
      ex.length
        ? `, kecuali ${join(
            ex.map((e) => e.id),
            'dan',
          )}`
        : ''
    }: ${h.id}.`,
    `${whoEn.charAt(0).toUpperCase()}${whoEn.slice(1)}${
      ex.length
        ? `, except ${join(
            ex.map((e) => e.en),
            'and',
          )}`
        : ''
    }: ${h.en}.`,
  );
}

/** The validity in plain words. */
export function uraikanBerlaku(k: Kebijakan): Pesan {
  const b = k.berlaku;
  const tail = [
    b.hari_kerja_saja ? ['hari kerja saja', 'working days only'] : ['setiap hari', 'every day'],
    b.termasuk_libur
      ? ['termasuk hari libur', 'holidays included']
      : ['kecuali hari libur dan cuti bersama', 'except holidays and cuti bersama'],
  ];
  const sfx = (i: 0 | 1) => ` (${tail.map((t) => t[i]).join(', ')})`;
  if (b.tanggal) {
    return pesan(
      `pada ${join(
        b.tanggal.map((t) => formatTanggal(t, 'id', false)),
        'dan',
      )}${sfx(0)}`,
      `on ${join(
        b.tanggal.map((t) => formatTanggal(t, 'en', false)),
        'and',
      )}${sfx(1)}`,
    );
  }
  return b.sampai
    ? pesan(
        `${formatTanggal(b.dari!, 'id', false)} sampai ${formatTanggal(b.sampai, 'id', false)}${sfx(0)}`,
        `${formatTanggal(b.dari!, 'en', false)} to ${formatTanggal(b.sampai, 'en', false)}${sfx(1)}`,
      )
    : pesan(
        `mulai ${formatTanggal(b.dari!, 'id', false)}, tanpa batas waktu${sfx(0)}`,
        `from ${formatTanggal(b.dari!, 'en', false)}, open-ended${sfx(1)}`,
      );
}

/** One difference between two versions: a field path and its value before and after. */
export interface Perubahan {
  readonly jalur: string;
  readonly sebelum: unknown;
  readonly sesudah: unknown;
}

/**
 * What changed between two versions of a policy, field by field. Rules are matched by their id (so a
 * reordered rule shows as a move, not as a change of every rule); status and version are left out.
 */
export function bandingkanVersi(lama: Kebijakan, baru: Kebijakan): Perubahan[] {
  const out: Perubahan[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const k of keys)
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      return;
    }
    out.push({ jalur: path, sebelum: a, sesudah: b });
  };
  const { aturan: ra, status: _s1, versi: _v1, ...restA } = lama;
  const { aturan: rb, status: _s2, versi: _v2, ...restB } = baru;
  walk(restA, restB, '');
  const byIdA = new Map(ra.map((r, i) => [r.id, { r, i }]));
  const byIdB = new Map(rb.map((r, i) => [r.id, { r, i }]));
  for (const [id, { r, i }] of byIdA) {
    const other = byIdB.get(id);
    if (!other) out.push({ jalur: `aturan[${id}]`, sebelum: r, sesudah: undefined });
    else {
      if (other.i !== i) out.push({ jalur: `aturan[${id}].urutan`, sebelum: i + 1, sesudah: other.i + 1 });
      walk(r, other.r, `aturan[${id}]`);
    }
  }
  for (const [id, { r }] of byIdB)
    if (!byIdA.has(id)) out.push({ jalur: `aturan[${id}]`, sebelum: undefined, sesudah: r });
  return out;
}
