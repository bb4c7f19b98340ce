import type { Trx } from '../src/db/database.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.repository.ts';
import { aturPin, daftarkanPerangkat } from '../src/modules/kehadiran/perangkat.service.ts';

/**
 * The terminals the attendance tests share: MESIN-DINKES ("Lobi Dinkes", DINKES) with the PIN table `pin`,
 * and, with `bpbd`, MESIN-BPBD ("Pos BPBD", BPBD) without one.
 */
export async function terminalUji(
  trx: Trx,
  tenantId: string,
  opsi: { pin: readonly { pin: string; key: string }[]; bpbd?: boolean },
): Promise<void> {
  await daftarkanPerangkat(trx, tenantId, SYSTEM_ACTOR, null, {
    kode: 'MESIN-DINKES',
    nama: 'Lobi Dinkes',
    opdKode: 'DINKES',
  });
  if (opsi.bpbd)
    await daftarkanPerangkat(trx, tenantId, SYSTEM_ACTOR, null, {
      kode: 'MESIN-BPBD',
      nama: 'Pos BPBD',
      opdKode: 'BPBD',
    });
  await aturPin(trx, tenantId, SYSTEM_ACTOR, null, 'MESIN-DINKES', opsi.pin);
}
