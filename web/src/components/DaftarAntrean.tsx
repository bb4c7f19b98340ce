import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { buang, type Kiriman, kirimAntrean } from '../lib/antrean';
import { fmtWaktu } from '../lib/format';
import { useI18n } from '../lib/i18n';

/** What still waits in the phone's offline queue (lib/antrean.ts), with a button to send it now. */
export function DaftarAntrean({
  antrean,
  zona,
}: {
  antrean: readonly Kiriman[];
  zona: Parameters<typeof fmtWaktu>[1];
}) {
  const { t, lang } = useI18n();
  return (
    <Card withBorder data-testid="lokasi-antrean">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('lokasi.antrean.judul', { n: antrean.length })}</Text>
          <Button
            size="xs"
            variant="light"
            onClick={() => void kirimAntrean()}
            data-testid="lokasi-kirim-antrean"
          >
            {t('lokasi.antrean.kirim')}
          </Button>
        </Group>
        {antrean.map((k) => (
          <Group key={k.id} justify="space-between" data-testid="lokasi-antrean-item" data-status={k.status}>
            <Text size="sm">
              {fmtWaktu(k.dibuat, zona, lang)} ·{' '}
              {k.status === 'ditolak'
                ? t('lokasi.antrean.ditolak', { galat: k.galat ?? '' })
                : t('lokasi.antrean.menunggu')}
            </Text>
            {k.status === 'ditolak' ? (
              <Button size="xs" variant="subtle" color="red" onClick={() => void buang(k.id)}>
                {t('lokasi.antrean.buang')}
              </Button>
            ) : null}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
