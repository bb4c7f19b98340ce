import {
  distanceMeters,
  JABATAN_LEVEL,
  JENIS_PEGAWAI,
  OPD_COLUMNS,
  PEGAWAI_COLUMNS,
  type RawRow,
  ROLES,
  validateNip,
  validateOpdRows,
  validatePegawaiRows,
} from '@sigap/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TENANT, generateDemoPemda } from './data.ts';

const TODAY = '2026-11-23';
const data = generateDemoPemda();
const toRaw = (rows: Record<string, string>[]): RawRow[] =>
  rows.map((values, i) => ({ baris: i + 2, values }));
const asn = data.pegawai.filter((p) => p.jenis_pegawai !== 'non_asn');
const byKey = new Map(data.pegawai.map((p) => [p.nip || p.id_pegawai!, p]));
const opdByKode = new Map(data.opd.map((o) => [o.kode!, o]));
const pusat = { lat: DEMO_TENANT.pusatLat, lng: DEMO_TENANT.pusatLng };

describe('generateDemoPemda', () => {
  it('is deterministic', () => {
    expect(generateDemoPemda()).toEqual(data);
  });

  it('uses exactly the import columns, every value a string', () => {
    for (const o of data.opd) {
      expect(Object.keys(o)).toEqual([...OPD_COLUMNS]);
      for (const v of Object.values(o)) expect(typeof v).toBe('string');
    }
    for (const p of data.pegawai) {
      expect(Object.keys(p)).toEqual([...PEGAWAI_COLUMNS, 'id_pegawai']);
      for (const v of Object.values(p)) expect(typeof v).toBe('string');
    }
  });

  it('has about 40 OPDs and about 3,000 employees', () => {
    const top = data.opd.filter((o) => o.induk_kode === '');
    expect(top.length).toBeGreaterThanOrEqual(35);
    expect(top.length).toBeLessThanOrEqual(45);
    expect(data.pegawai.length).toBeGreaterThanOrEqual(2800);
    expect(data.pegawai.length).toBeLessThanOrEqual(3200);
    for (const k of [
      'SETDA',
      'BAG-UMUM',
      'BAG-KESRA',
      'DINKES',
      'RSUD',
      'BPBD',
      'DISHUB',
      'SATPOLPP',
      'DLH',
      'DISDUKCAPIL',
      'BKPSDM',
      'INSPEKTORAT',
    ]) {
      expect(opdByKode.has(k), k).toBe(true);
    }
    expect(data.opd.filter((o) => o.jenis === 'puskesmas').length).toBeGreaterThanOrEqual(3);
    expect(data.opd.filter((o) => o.jenis === 'kecamatan').map((o) => o.nama)).toEqual([
      'Kecamatan Batu',
      'Kecamatan Junrejo',
      'Kecamatan Bumiaji',
    ]);
  });

  it('passes the OPD import validation', () => {
    const res = validateOpdRows(toRaw(data.opd), new Map());
    expect(res.ok ? [] : res.issues).toEqual([]);
    expect(res.ok).toBe(true);
  });

  it('passes the employee import validation', () => {
    const res = validatePegawaiRows(
      toRaw(data.pegawai),
      new Set(data.opd.map((o) => o.kode!)),
      new Map(),
      TODAY,
    );
    expect(res.ok ? [] : res.issues.slice(0, 5)).toEqual([]);
    expect(res.ok).toBe(true);
  });

  it('gives every ASN a valid, unique NIP and every THL an id_pegawai', () => {
    const nips = new Set<string>();
    for (const p of asn) {
      const v = validateNip(p.nip!, p.jenis_pegawai as 'pns', TODAY);
      expect(v.ok, `${p.nip} ${p.jenis_pegawai}`).toBe(true);
      expect(nips.has(p.nip!), p.nip).toBe(false);
      nips.add(p.nip!);
      expect(p.id_pegawai).toBe('');
      const isPppk = p.jenis_pegawai !== 'pns';
      expect(p.nip!.slice(12, 14) === '21', p.nip).toBe(isPppk);
      const y = Number(p.nip!.slice(0, 4));
      const m = Number(p.nip!.slice(4, 6));
      const tmtY = Number(p.nip!.slice(8, 12));
      expect(y).toBeGreaterThanOrEqual(1966);
      expect(y).toBeLessThanOrEqual(2001);
      expect(tmtY).toBeLessThanOrEqual(2025);
      // age at appointment at least 20 (for PPPK only the year is known: count the worst case)
      const age = isPppk ? tmtY - y - 1 : tmtY - y - (Number(p.nip!.slice(12, 14)) < m ? 1 : 0);
      expect(age, p.nip).toBeGreaterThanOrEqual(20);
    }
    const thl = data.pegawai.filter((p) => p.jenis_pegawai === 'non_asn');
    const ids = new Set(thl.map((p) => p.id_pegawai));
    expect(ids.size).toBe(thl.length);
    for (const p of thl) {
      expect(p.nip).toBe('');
      expect(p.id_pegawai).toMatch(/^THL-\d{4}$/);
      expect(p.jabatan_level).toBe('pelaksana');
    }
  });

  it('has every level and type, with about 8% THL', () => {
    const levels = new Set(data.pegawai.map((p) => p.jabatan_level));
    const types = new Set(data.pegawai.map((p) => p.jenis_pegawai));
    for (const l of JABATAN_LEVEL) expect(levels.has(l), l).toBe(true);
    for (const t of JENIS_PEGAWAI) expect(types.has(t), t).toBe(true);
    const share = (t: string) =>
      data.pegawai.filter((p) => p.jenis_pegawai === t).length / data.pegawai.length;
    expect(share('non_asn')).toBeGreaterThan(0.05);
    expect(share('non_asn')).toBeLessThan(0.11);
    expect(share('pns')).toBeGreaterThan(0.5);
    expect(share('pppk')).toBeGreaterThan(0.1);
    expect(share('pppk_paruh_waktu')).toBeGreaterThan(0.03);
  });

  it('gives every OPD and unit one head, and a supervisor chain without cycles up to the Sekda', () => {
    const tops = data.pegawai.filter((p) => p.atasan_nip === '');
    expect(tops.map((p) => p.jabatan)).toEqual(['Sekretaris Daerah']);
    const sekda = tops[0]!;
    for (const o of data.opd) {
      const inUnit = data.pegawai.filter((p) => p.opd_kode === o.kode);
      const heads = inUnit.filter((p) => byKey.get(p.atasan_nip!)?.opd_kode !== o.kode);
      expect(heads.length, o.kode).toBe(1);
      const h = heads[0]!;
      if (o.induk_kode === '') {
        expect(['jpt', 'administrator']).toContain(h.jabatan_level);
        if (h !== sekda) expect(h.atasan_nip, o.kode).toBe(sekda.nip);
      } else {
        expect(['administrator', 'pengawas'], o.kode).toContain(h.jabatan_level);
        // reports to a head in the parent (or one of its structural officials)
        expect(byKey.get(h.atasan_nip!)?.opd_kode).toBe(o.induk_kode);
      }
    }
    for (const p of data.pegawai) {
      let k: string = p.nip || p.id_pegawai!;
      let steps = 0;
      while (k !== sekda.nip) {
        const atasan = byKey.get(k)!.atasan_nip!;
        expect(byKey.has(atasan), `${k} → ${atasan}`).toBe(true);
        k = atasan;
        expect(++steps).toBeLessThan(10);
      }
    }
  });

  it('places offices within ~5 km and homes within ~10 km of the city centre', () => {
    for (const o of data.opd) {
      if (o.induk_kode === '') {
        expect(o.lat).not.toBe('');
        expect(o.kelas_layanan).not.toBe('');
        expect(Number(o.radius_m)).toBeGreaterThanOrEqual(50);
        expect(Number(o.radius_m)).toBeLessThanOrEqual(300);
      }
      if (o.lat !== '') {
        // agencies within 5 km; schools and kelurahan sit in their (real) villages, up to ~6 km out
        const d = distanceMeters(pusat, { lat: Number(o.lat), lng: Number(o.lng) });
        expect(d, o.kode).toBeLessThan(o.induk_kode === '' ? 5000 : 6500);
        expect(String(Number(o.lat))).toBe(o.lat);
      }
      if (o.jenis === 'puskesmas' || o.jenis === 'kelurahan' || o.jenis === 'upt')
        expect(o.lat, o.kode).not.toBe('');
    }
    for (const p of data.pegawai) {
      expect(p.rumah_lat).toMatch(/^-\d+\.\d{4}$/);
      expect(p.rumah_lng).toMatch(/^\d+\.\d{4}$/);
      expect(String(Number(p.rumah_lat))).toBe(p.rumah_lat);
      expect(distanceMeters(pusat, { lat: Number(p.rumah_lat), lng: Number(p.rumah_lng) })).toBeLessThan(
        10_000,
      );
    }
  });

  it('has unique government emails and mobile numbers', () => {
    const emails = data.pegawai.map((p) => p.email!).filter((e) => e !== '');
    expect(new Set(emails).size).toBe(emails.length);
    for (const e of emails) expect(e).toMatch(/^[a-z]+(\.[a-z]+)?\d*@batukota\.go\.id$/);
    for (const p of asn) expect(p.email).not.toBe('');
    for (const p of data.pegawai) expect(p.telepon).toMatch(/^08\d{10}$/);
  });
});

describe('DEMO_ACCOUNTS', () => {
  it('has an account for every role, and a person at home with their supervisor; each linked to an existing employee', () => {
    expect([...new Set(DEMO_ACCOUNTS.map((a) => a.role))].sort()).toEqual([...ROLES].sort());
    expect(DEMO_ACCOUNTS.map((a) => a.username)).toEqual([
      'admin',
      'bkpsdm',
      'admin.dinkes',
      'kepala.umum',
      'pegawai',
      'nakes',
      'auditor',
      'pegawai.wfh',
      'kepala.hukum',
    ]);
    const nips = new Set(asn.map((p) => p.nip));
    for (const a of DEMO_ACCOUNTS) {
      expect(a.password).toBe(DEMO_PASSWORD);
      expect(a.password).toBe('sigap-demo-2026');
      if (a.nip !== null) {
        expect(nips.has(a.nip), a.username).toBe(true);
        expect(byKey.get(a.nip)!.nama).toBe(a.nama);
      }
      if (a.opdKode !== null) expect(opdByKode.has(a.opdKode), a.username).toBe(true);
    }
    const get = (u: string) => DEMO_ACCOUNTS.find((a) => a.username === u)!;
    for (const u of ['bkpsdm', 'admin.dinkes', 'kepala.umum', 'pegawai', 'nakes', 'auditor'])
      expect(get(u).nip, u).not.toBeNull();
    expect(get('admin.dinkes').opdKode).toBe('DINKES');
    expect(get('kepala.umum').opdKode).toBe('BAG-UMUM');
    const kabag = byKey.get(get('kepala.umum').nip!)!;
    expect(kabag.opd_kode).toBe('BAG-UMUM');
    expect(kabag.jabatan).toBe('Kepala Bagian Umum');
    expect(byKey.get(get('pegawai').nip!)!.jabatan_level).toBe('pelaksana');
    // the WFH demo: a Law section staff member whose direct supervisor is the kepala.hukum account
    const wfh = byKey.get(get('pegawai.wfh').nip!)!;
    expect(wfh.jabatan_level).toBe('pelaksana');
    expect(wfh.atasan_nip).toBe(get('kepala.hukum').nip);
    expect(get('kepala.hukum').opdKode).toBe('BAG-HUKUM');
  });
});
