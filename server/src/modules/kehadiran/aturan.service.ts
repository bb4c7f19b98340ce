import {
  type AturanJam,
  LANGKAH_TANTANGAN,
  type LangkahTantangan,
  OPSI_TANTANGAN_BAKU,
  type OpsiTantangan,
} from '@sigap/domain';
import type { AturanKehadiran } from '@sigap/domain/api/kehadiran';
import type { Actor } from '../../caller.ts';
import type { Db, Trx } from '../../db/database.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as repo from './aturan.repository.ts';

// The Pemda's attendance rules: grace, windows and the liveness steps (docs/kehadiran.md §2, §5).
// The day status and the check-in read them through `aturanKehadiran`; until a Pemda sets its own, the
// column defaults are the domain's ATURAN_JAM_BAKU and every challenge step.

export interface AturanPemda {
  readonly jam: AturanJam;
  readonly tantangan: OpsiTantangan;
}

const langkahSah = (ls: readonly string[]): LangkahTantangan[] =>
  ls.filter((l): l is LangkahTantangan => (LANGKAH_TANTANGAN as readonly string[]).includes(l));

function dariBaris(b: repo.BarisAturan): AturanPemda {
  return {
    jam: {
      toleransiMasukMenit: b.toleransi_masuk_menit,
      toleransiPulangMenit: b.toleransi_pulang_menit,
      bukaMasukSebelumMenit: b.buka_masuk_sebelum_menit,
      tutupPulangSetelahMenit: b.tutup_pulang_setelah_menit,
      selangPulangMinimalMenit: b.selang_pulang_minimal_menit,
    },
    tantangan: { ...OPSI_TANTANGAN_BAKU, langkah: langkahSah(b.langkah_tantangan) },
  };
}

/** The rules the day status and the check-in apply for this Pemda. */
export async function aturanKehadiran(db: Db | Trx, tenantId: string): Promise<AturanPemda> {
  return dariBaris(await repo.bacaAturan(db, tenantId));
}

/** The rules as the API shows them. */
export async function lihatAturanKehadiran(db: Db | Trx, tenantId: string): Promise<AturanKehadiran> {
  const b = await repo.bacaAturan(db, tenantId);
  return { ...b, langkah_tantangan: langkahSah(b.langkah_tantangan) };
}

/** Replaces the rules (validated by the API schema and the table's checks); audited when anything changed. */
export async function ubahAturanKehadiran(
  trx: Trx,
  tenantId: string,
  actor: Actor,
  baru: AturanKehadiran,
): Promise<AturanKehadiran> {
  const lama = await lihatAturanKehadiran(trx, tenantId);
  const beda = (Object.keys(baru) as (keyof AturanKehadiran)[]).filter(
    (k) => JSON.stringify(baru[k]) !== JSON.stringify(lama[k]),
  );
  if (beda.length > 0) {
    await repo.simpanAturan(trx, tenantId, { ...baru, langkah_tantangan: [...baru.langkah_tantangan] });
    await insertAudit(trx, tenantId, actor, [
      {
        aksi: 'ubah',
        entitas: 'pengaturan',
        entitasId: tenantId,
        ringkasan: `Aturan kehadiran diubah: ${beda.join(', ')}`,
        sebelum: lama,
        sesudah: baru,
      },
    ]);
  }
  return lihatAturanKehadiran(trx, tenantId);
}
