import type { Command } from 'commander';
import { t } from '../bantuan.ts';
import { withDb } from '../umum.ts';

// sigap face: face-enrolment data at rest. `rekey` moves every template and kept photo to the current
// key of SIGAP_KUNCI_WAJAH (docs/privacy.md, "Kunci dan rotasi"). Enrolment itself (`face enrol`,
// `face verify`) comes with the face engine.

const mWajah = () => import('../../modules/wajah/wajah.service.ts');
const mKunci = () => import('../../modules/wajah/kunci.ts');

export function perintahWajah(program: Command): void {
  const face = program
    .command('face')
    .description(
      t('data wajah: templat tersandi dan kuncinya', 'face data: encrypted templates and their key'),
    );
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
            `${r.templat} templat dan ${r.foto} foto disandikan ulang dengan kunci "${kunci.kini}".`,
            `${r.templat} templates and ${r.foto} photos re-encrypted under key "${kunci.kini}".`,
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
