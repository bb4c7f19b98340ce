import { Stack, Switch, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { pesanGalat } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { aktifkanDorong, type KeadaanDorong, keadaanDorong, matikanDorong } from './dorong';

/**
 * "Aktifkan pengingat di perangkat ini": reminders as Web Push on this device (docs/wfh.md §4). Shows the
 * state (on, off, blocked, not supported) and turns it on or off.
 */
export function PengingatPerangkat() {
  const { t } = useI18n();
  const [keadaan, setKeadaan] = useState<KeadaanDorong | null>(null);
  const [sibuk, setSibuk] = useState(false);
  const [galat, setGalat] = useState<string | null>(null);

  useEffect(() => {
    let hidup = true;
    void keadaanDorong()
      .then((k) => hidup && setKeadaan(k))
      .catch(() => hidup && setKeadaan('tidak_didukung'));
    return () => {
      hidup = false;
    };
  }, []);

  const ubah = async (nyala: boolean) => {
    setSibuk(true);
    setGalat(null);
    try {
      setKeadaan(await (nyala ? aktifkanDorong() : matikanDorong()));
    } catch (e) {
      setGalat(pesanGalat(e));
    } finally {
      setSibuk(false);
    }
  };

  if (keadaan === null) return null;
  const keterangan =
    keadaan === 'tidak_didukung'
      ? t('notif.dorong.tidakDidukung')
      : keadaan === 'ditolak'
        ? t('notif.dorong.ditolak')
        : keadaan === 'aktif'
          ? t('notif.dorong.aktif')
          : t('notif.dorong.mati');
  return (
    <Stack gap={4} px="sm" py="xs" data-testid="pengingat-perangkat" data-keadaan={keadaan}>
      <Switch
        label={t('notif.dorong.label')}
        checked={keadaan === 'aktif'}
        disabled={sibuk || keadaan === 'tidak_didukung' || keadaan === 'ditolak'}
        onChange={(e) => void ubah(e.currentTarget.checked)}
        data-testid="pengingat-saklar"
      />
      <Text size="xs" c={galat ? 'red' : 'dimmed'} data-testid="pengingat-keterangan">
        {galat ?? keterangan}
      </Text>
    </Stack>
  );
}
