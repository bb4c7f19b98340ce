/**
 * The state of one day's evaluation: what applies that day, the national caps resolved, the groups and
 * messages made.
 */

import { type Pesan, pesan } from '../../i18n/message.ts';
import { type IsoDate, isoWeekday } from '../../kalender/dates.ts';
import type { JamHari, JamKerja } from '../../kalender/work-hours.ts';
import { batasNasional, type KonteksWilayah, konteksPada } from '../national.ts';
import type { Aturan, Kebijakan } from '../schema.ts';
import {
  berlakuPada,
  hariKerja,
  type InfoHari,
  type KalenderKerja,
  rujukanAturan,
  sebut,
  type UnitInfo,
  versiBerlaku,
} from './umum.ts';

/** The people a group rule gathers in one OPD or unit on the day (members, and who may be on piket). */
export interface Grup {
  readonly k: Kebijakan;
  readonly a: Aturan;
  readonly per: 'opd' | 'unit';
  readonly kode: string;
  readonly anggota: string[];
  readonly boleh: string[];
}

/** One day's evaluation under way (see `evaluateDay`). */
export class KonteksHari {
  readonly tanggal: IsoDate;
  readonly hk: InfoHari;
  /** the policy versions in force that day */
  readonly aktif: Kebijakan[];
  readonly jamDefault: JamHari | null;
  readonly peringatan: Pesan[] = [];
  /** national caps resolved once per rule for the day (key: policy id and rule id) */
  readonly persenNasional = new Map<string, number | null>();
  /** group members: key = ruleRef + group code */
  readonly grup = new Map<string, { id: string; g: Grup }>();
  /** the messages of a day's decisions, one object per distinct text: profiles share them */
  readonly pesanHari = new Map<string, Pesan>();

  constructor(
    kebijakanSemua: readonly Kebijakan[],
    tanggal: IsoDate,
    kal: KalenderKerja,
    konteks: readonly KonteksWilayah[],
  ) {
    this.tanggal = tanggal;
    const hk = hariKerja(tanggal, kal);
    this.hk = hk;
    this.aktif = versiBerlaku(kebijakanSemua).filter((k) => berlakuPada(k, tanggal, hk));
    this.jamDefault = kal.jamKerja[String(isoWeekday(tanggal)) as keyof JamKerja] ?? null;
    const kons = konteksPada(konteks, tanggal);
    for (const k of this.aktif) {
      for (const a of k.aturan) {
        if (a.hasil.jenis === 'batas_kantor' && 'menurut' in a.hasil.maks) {
          const m = a.hasil.maks.menurut;
          const r = batasNasional(m.instrumen, m.kategori, m.wilayah, kons);
          this.persenNasional.set(`${k.id}:${a.id}`, r.persen);
          if (r.persen === null) {
            this.peringatan.push(
              pesan(
                `${sebut(rujukanAturan(k, a)).id} tidak dapat diterapkan pada ${tanggal}: ${r.alasan.id}`,
                `${sebut(rujukanAturan(k, a)).en} cannot be applied on ${tanggal}: ${r.alasan.en}`,
              ),
            );
          }
        }
      }
    }
  }

  /** A cap rule's share of the group (null: an absolute count, or a national cap unknown today). */
  fraksiBatas(k: Kebijakan, a: Aturan): number | null {
    if (a.hasil.jenis !== 'batas_kantor') return null;
    const m = a.hasil.maks;
    if ('persen' in m) return m.persen / 100;
    if ('jumlah' in m) return null; // absolute count: strictness compared as 0.5
    return (this.persenNasional.get(`${k.id}:${a.id}`) ?? null) === null
      ? null
      : this.persenNasional.get(`${k.id}:${a.id}`)! / 100;
  }

  /** Whether a cap by national level cannot be applied today (its level is not recorded). */
  batasTakTerapkan(k: Kebijakan, a: Aturan): boolean {
    return (
      a.hasil.jenis === 'batas_kantor' &&
      'menurut' in a.hasil.maks &&
      this.persenNasional.get(`${k.id}:${a.id}`) === null
    );
  }

  /** Whether a rule is not a closure, or a closure that applies today. */
  penutupanHariIni(a: Aturan): boolean {
    return (
      a.hasil.jenis !== 'penutupan_kantor' ||
      a.hasil.tanggal === undefined ||
      a.hasil.tanggal.includes(this.tanggal)
    );
  }

  /** The group of a rule for a unit (created on first use) and its id — the same string for every member. */
  grupOf(k: Kebijakan, a: Aturan, per: 'opd' | 'unit', unit: UnitInfo): [string, Grup] {
    const kode = per === 'opd' ? unit.opdIndukKode : unit.kode;
    const id = `${k.id}@${k.versi}:${a.id}:${kode}`;
    const ada = this.grup.get(id);
    if (ada) return [ada.id, ada.g];
    const g: Grup = { k, a, per, kode, anggota: [], boleh: [] };
    this.grup.set(id, { id, g });
    return [id, g];
  }

  /** A message of the day's decisions, shared by every decision with the same text. */
  psn(id: string, en: string): Pesan {
    const k = `${id}\u0000${en}`;
    let m = this.pesanHari.get(k);
    if (!m) {
      m = pesan(id, en);
      this.pesanHari.set(k, m);
    }
    return m;
  }
}
