import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { teks } from '@sigap/domain';
import type { Command } from 'commander';
import { lang, t } from '../bantuan.ts';
import { MasukanSalah, mAktor, tenantOf, UserError, withDb } from '../umum.ts';

// sigap face: enrolment from photos (`enrol`, one person or a folder), comparing a photo with a person's
// templates (`verify`, records nothing), and the data at rest: `rekey` moves every template and kept photo
// to the current key of SIGAP_KUNCI_WAJAH (docs/privacy.md, "Kunci dan rotasi"). docs/wajah.md.

const mWajah = () => import('../../modules/wajah/wajah.service.ts');
const mDaftar = () => import('../../modules/wajah/daftar.service.ts');
const mKunci = () => import('../../modules/wajah/kunci.ts');
const mMesin = () => import('../../modules/wajah/mesin/kolam.ts');

/** Bounds of `face enrol --folder`: files looked at, photos per person, bytes per photo (the engine's). */
export const BATAS_FOLDER = { berkas: 5000, fotoPerOrang: 10, byte: 2 * 1024 * 1024 } as const;

function bacaFoto(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    throw new UserError(t(`Berkas ${file} tidak dapat dibaca`, `File ${file} cannot be read`));
  }
}

/** `<key>.jpg` or `<key>-<n>.jpg` (key = NIP or id_pegawai); the whole stem is tried first. */
export function kunciBerkas(nama: string): { utuh: string; pangkal: string | null } | null {
  const m = /^(.+)\.jpe?g$/i.exec(nama);
  if (!m) return null;
  const utuh = m[1]!;
  const n = /^(.+)-\d{1,3}$/.exec(utuh);
  return { utuh, pangkal: n ? n[1]! : null };
}

interface BarisFoto {
  nama: string;
  hasil: 'diterima' | 'ditolak';
  alasan: readonly { id: string; en: string }[];
}

function teksFoto(f: BarisFoto): string {
  const kata = f.hasil === 'diterima' ? t('diterima', 'accepted') : t('ditolak', 'refused');
  const alasan = f.alasan.map((a) => teks(a, lang)).join('; ');
  return `${f.nama}: ${kata}${alasan ? ` — ${alasan}` : ''}`;
}

export function perintahWajah(program: Command): void {
  const face = program
    .command('face')
    .description(
      t(
        'wajah: pendaftaran dari foto, pencocokan, templat tersandi dan kuncinya',
        'face: enrolment from photos, verification, encrypted templates and their key',
      ),
    );
  face
    .command('enrol')
    .description(
      t(
        'mendaftarkan wajah dari foto (minimal tiga layak): satu baris per foto; --folder: berkas <NIP>.jpg atau <NIP>-<n>.jpg, satu baris per orang; exit 1 bila ada yang kurang dari tiga templat',
        'enrols faces from photos (at least three usable): one line per photo; --folder: files <NIP>.jpg or <NIP>-<n>.jpg, one line per person; exit 1 if anyone ends with fewer than three templates',
      ),
    )
    .argument('[foto...]', t('foto JPEG (dengan --nip)', 'JPEG photos (with --nip)'))
    .option('--nip <nip>', t('NIP atau id_pegawai orangnya', "the person's NIP or id_pegawai"))
    .option(
      '--folder <dir>',
      t('folder foto resmi, dinamai menurut NIP', 'folder of official photos named by NIP'),
    )
    .option(
      '--persetujuan <teks>',
      t(
        'persetujuan yang diberikan: siapa mencatat dan bagaimana (mis. "formulir no. 12, dicatat Budi")',
        'the consent given: who recorded it and how (e.g. "form no. 12, recorded by Budi")',
      ),
    )
    .action(
      async (foto: string[], o: { nip?: string; folder?: string; persetujuan?: string }, cmd: Command) => {
        if (Boolean(o.nip) === Boolean(o.folder))
          throw new MasukanSalah(t('Pilih salah satu: --nip atau --folder', 'Choose one: --nip or --folder'));
        if (o.folder && foto.length > 0)
          throw new MasukanSalah(
            t(
              'Dengan --folder, jangan sebut foto satu per satu',
              'With --folder, do not name photos one by one',
            ),
          );
        if (o.nip && foto.length === 0)
          throw new MasukanSalah(t('Sebut foto-fotonya sesudah --nip', 'Name the photos after --nip'));
        try {
          await withDb(cmd, async (sdb) => {
            const tenantId = await tenantOf(sdb, cmd);
            const [
              { pegawaiMenurutKunci },
              { daftarkanDariFoto },
              { cincinUntuk },
              { SYSTEM_ACTOR },
              { withTenant },
            ] = await Promise.all([mWajah(), mDaftar(), mKunci(), mAktor(), import('../../db/database.ts')]);
            const kunci = cincinUntuk(sdb);
            const ctx = { tenantId, caller: null, actor: SYSTEM_ACTOR };
            const cari = (k: string) => withTenant(sdb, tenantId, (trx) => pegawaiMenurutKunci(trx, k));
            const isian = (cara: 'petugas' | 'massal') =>
              o.persetujuan ? { persetujuan: { cara, keterangan: o.persetujuan } } : {};
            if (o.nip) {
              const id = await cari(o.nip);
              if (!id)
                throw new UserError(t(`Pegawai ${o.nip} tidak ditemukan`, `Employee ${o.nip} not found`));
              const r = await daftarkanDariFoto(
                sdb,
                ctx,
                kunci,
                id,
                foto.map((f) => ({ nama: f, bytes: bacaFoto(f) })),
                isian('petugas'),
              );
              for (const f of r.foto) console.log(teksFoto(f));
              console.log(`${o.nip}: ${teks(r.pesan, lang)}`);
              if (!r.lengkap) throw new UserError('');
              return;
            }
            const dir = o.folder!;
            let nama: string[];
            try {
              nama = readdirSync(dir).sort();
            } catch {
              throw new UserError(t(`Folder ${dir} tidak dapat dibaca`, `Folder ${dir} cannot be read`));
            }
            if (nama.length > BATAS_FOLDER.berkas)
              throw new UserError(
                t(
                  `Folder ${dir} berisi ${nama.length} berkas; paling banyak ${BATAS_FOLDER.berkas} sekali jalan`,
                  `Folder ${dir} holds ${nama.length} files; at most ${BATAS_FOLDER.berkas} per run`,
                ),
              );
            // Group the files by person (the whole stem as a key first, else the stem without "-<n>").
            const orang = new Map<string, { key: string; berkas: string[] }>();
            const salah: string[] = [];
            for (const n of nama) {
              const k = kunciBerkas(n);
              if (!k || !statSync(join(dir, n)).isFile()) continue;
              let key = k.utuh;
              let id = await cari(key);
              if (!id && k.pangkal) {
                key = k.pangkal;
                id = await cari(key);
              }
              if (!id) {
                salah.push(
                  t(
                    `${n}: tidak ada pegawai dengan NIP atau id_pegawai ${k.pangkal ?? k.utuh}`,
                    `${n}: no employee has NIP or id_pegawai ${k.pangkal ?? k.utuh}`,
                  ),
                );
                continue;
              }
              const g = orang.get(id) ?? { key, berkas: [] };
              g.berkas.push(n);
              orang.set(id, g);
            }
            let kurang = salah.length;
            for (const s of salah) console.log(s);
            for (const [id, g] of orang) {
              if (g.berkas.length > BATAS_FOLDER.fotoPerOrang) {
                kurang++;
                console.log(
                  t(
                    `${g.key}: ${g.berkas.length} foto, paling banyak ${BATAS_FOLDER.fotoPerOrang} per orang; tidak didaftarkan`,
                    `${g.key}: ${g.berkas.length} photos, at most ${BATAS_FOLDER.fotoPerOrang} per person; not enrolled`,
                  ),
                );
                continue;
              }
              try {
                const r = await daftarkanDariFoto(
                  sdb,
                  ctx,
                  kunci,
                  id,
                  g.berkas.map((b) => ({ nama: b, bytes: bacaFoto(join(dir, b)) })),
                  isian('massal'),
                );
                const terima = r.foto.filter((f) => f.hasil === 'diterima').length;
                const tolak = r.foto.filter((f) => f.hasil === 'ditolak').map(teksFoto);
                if (!r.lengkap) kurang++;
                console.log(
                  `${g.key}: ${t(`${terima} diterima, ${tolak.length} ditolak`, `${terima} accepted, ${tolak.length} refused`)}; ${teks(r.pesan, lang)}${tolak.length ? ` (${tolak.join('; ')})` : ''}`,
                );
              } catch (e) {
                const { AppError } = await import('../../errors.ts');
                if (!(e instanceof AppError)) throw e;
                kurang++;
                console.log(`${g.key}: ${teks(e.pesan, lang)}`);
              }
            }
            if (kurang > 0) throw new UserError('');
          });
        } finally {
          await (await mMesin()).hentikanMesin();
        }
      },
    );
  face
    .command('verify')
    .description(
      t(
        'membandingkan satu foto dengan templat seseorang tanpa mencatat kehadiran: cocok, tinjau atau tidak_cocok dengan skor dan alasannya; exit 0 hanya untuk cocok',
        "compares one photo with a person's templates without recording attendance: cocok, tinjau or tidak_cocok with the score and the reason; exit 0 only for cocok",
      ),
    )
    .argument('<foto>', t('foto JPEG', 'JPEG photo'))
    .requiredOption('--nip <nip>', t('NIP atau id_pegawai orangnya', "the person's NIP or id_pegawai"))
    .option('--json', t('keluaran JSON', 'JSON output'))
    .action(async (foto: string, o: { nip: string; json?: boolean }, cmd: Command) => {
      const bytes = bacaFoto(foto);
      try {
        await withDb(cmd, async (sdb) => {
          const tenantId = await tenantOf(sdb, cmd);
          const [{ pegawaiMenurutKunci }, { verifikasiFoto }, { cincinUntuk }, { withTenant }] =
            await Promise.all([mWajah(), mDaftar(), mKunci(), import('../../db/database.ts')]);
          const id = await withTenant(sdb, tenantId, (trx) => pegawaiMenurutKunci(trx, o.nip));
          if (!id) throw new UserError(t(`Pegawai ${o.nip} tidak ditemukan`, `Employee ${o.nip} not found`));
          const r = await verifikasiFoto(sdb, tenantId, cincinUntuk(sdb), id, bytes);
          const skor = r.skor === null ? null : Number(r.skor.toFixed(4));
          if (o.json) {
            console.log(
              JSON.stringify({
                nip: o.nip,
                foto: basename(foto),
                putusan: r.putusan,
                skor,
                alasan: teks(r.alasan, lang),
              }),
            );
          } else {
            console.log(
              `${o.nip} ${basename(foto)}: ${r.putusan}${skor === null ? '' : ` ${skor}`} — ${teks(r.alasan, lang)}`,
            );
          }
          if (r.putusan !== 'cocok') throw new UserError('');
        });
      } finally {
        await (await mMesin()).hentikanMesin();
      }
    });
  face
    .command('rekey')
    .description(
      t(
        'menyandikan ulang semua templat (dan foto yang disimpan) dengan kunci pertama SIGAP_KUNCI_WAJAH, di semua Pemda; sesudahnya kunci lama yang tidak lagi dipakai boleh dihapus',
        're-encrypts every template (and kept photo) under the first key of SIGAP_KUNCI_WAJAH, in every Pemda; afterwards old keys no longer used may be removed',
      ),
    )
    .action(async (_o: unknown, cmd: Command) =>
      withDb(cmd, async (sdb) => {
        const [{ rekeyWajah }, { cincinUntuk }] = await Promise.all([mWajah(), mKunci()]);
        const kunci = cincinUntuk(sdb);
        const r = await rekeyWajah(sdb, kunci);
        console.log(
          t(
            `${r.templat} templat, ${r.foto} foto dan ${r.bingkai} gambar tinjauan disandikan ulang dengan kunci "${kunci.kini}".`,
            `${r.templat} templates, ${r.foto} photos and ${r.bingkai} review frames re-encrypted under key "${kunci.kini}".`,
          ),
        );
        const dipakai = Object.entries(r.sisa).map(([k, n]) => `${k}: ${n}`);
        console.log(
          t(
            `Dipakai per kunci: ${dipakai.join(', ') || '(kosong)'}`,
            `In use per key: ${dipakai.join(', ') || '(none)'}`,
          ),
        );
        const bebas = kunci.ids.filter((k) => k !== kunci.kini && !r.sisa[k]);
        if (bebas.length > 0) {
          console.log(
            t(
              `Kunci ${bebas.join(', ')} tidak lagi dipakai dan boleh dihapus dari SIGAP_KUNCI_WAJAH.`,
              `Key(s) ${bebas.join(', ')} are no longer used and may be removed from SIGAP_KUNCI_WAJAH.`,
            ),
          );
        }
      }),
    );
}
