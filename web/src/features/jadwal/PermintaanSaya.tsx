import { Button, Card, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/Feedback';
import { type ApiError, keApiError } from '../../lib/api';
import { fmtTanggal } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useKirimPermintaan, usePermintaanSaya } from './jadwal.api';

/**
 * The employee's WFO/WFH requests for days from today on. The next schedule build honours them where
 * the policies and the Pemda's higher-ranked goals allow; they never override a rule.
 */
export function PermintaanSaya({ dari, sampai, hariIni }: { dari: string; sampai: string; hariIni: string }) {
  const { t, lang } = useI18n();
  const daftar = usePermintaanSaya(dari, sampai);
  const kirimPermintaan = useKirimPermintaan();
  const [tanggal, setTanggal] = useState(hariIni >= dari && hariIni <= sampai ? hariIni : dari);
  const [lokasi, setLokasi] = useState<'WFO' | 'WFH'>('WFH');
  const [alasan, setAlasan] = useState('');
  const [galat, setGalat] = useState<ApiError | null>(null);
  const [sibuk, setSibuk] = useState(false);

  const kirim = (v: { tanggal: string; lokasi: 'WFO' | 'WFH' | null; alasan?: string }) => {
    setSibuk(true);
    setGalat(null);
    kirimPermintaan
      .mutateAsync(v)
      .then(() => {
        setSibuk(false);
        setAlasan('');
      })
      .catch((e: unknown) => {
        setSibuk(false);
        setGalat(keApiError(e));
      });
  };

  return (
    <Card withBorder padding="md" data-testid="saya-permintaan">
      <Stack gap="xs">
        <Title order={4}>{t('jd.minta.judul')}</Title>
        <Text size="sm" c="dimmed">
          {t('jd.minta.bantuan')}
        </Text>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            type="date"
            label={t('jd.minta.tanggal')}
            value={tanggal}
            min={hariIni}
            onChange={(e) => setTanggal(e.currentTarget.value)}
            data-testid="minta-tanggal"
          />
          <SegmentedControl
            value={lokasi}
            onChange={(v) => setLokasi(v as 'WFO' | 'WFH')}
            data={[
              { value: 'WFO', label: 'WFO' },
              { value: 'WFH', label: 'WFH' },
            ]}
          />
          <TextInput
            label={t('jd.minta.alasan')}
            value={alasan}
            maxLength={300}
            onChange={(e) => setAlasan(e.currentTarget.value)}
            style={{ flex: '1 1 12rem' }}
          />
          <Button
            onClick={() => kirim({ tanggal, lokasi, alasan })}
            loading={sibuk}
            data-testid="minta-kirim"
          >
            {t('jd.minta.kirim')}
          </Button>
        </Group>
        {galat && <ErrorAlert error={galat} />}
        {daftar.data && daftar.data.length > 0 && (
          <Table striped withTableBorder data-testid="minta-daftar">
            <Table.Tbody>
              {daftar.data.map((p) => (
                <Table.Tr key={p.tanggal}>
                  <Table.Td>{fmtTanggal(p.tanggal, lang, true)}</Table.Td>
                  <Table.Td>
                    <span className="sj-status" data-s={p.lokasi}>
                      {p.lokasi}
                    </span>
                  </Table.Td>
                  <Table.Td>{p.alasan}</Table.Td>
                  <Table.Td ta="right">
                    {p.tanggal >= hariIni && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => kirim({ tanggal: p.tanggal, lokasi: null })}
                      >
                        {t('jd.minta.tarik')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
