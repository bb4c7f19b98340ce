import { Box, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { singkatanZona } from '@sigap/domain';
import { useSearchParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { todayIn } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { SETTINGS_WRITE_ROLES } from '../../lib/labels';
import { hasRole, useMe } from '../../lib/session';
import { HariLiburPanel } from './HariLiburPanel';
import { PengaturanForm } from './PengaturanForm';
import { PengaturanView } from './PengaturanView';
import { usePengaturan } from './pengaturan.api';

type Tab = 'umum' | 'libur';

/**
 * Pengaturan: the Pemda's identity, zone and working hours (editable by the Pemda admin, read-only for
 * everyone else) and, in the "Hari libur" tab, the holiday calendar. The tab is kept in the address.
 */
export function PengaturanPage() {
  const me = useMe();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'libur' ? 'libur' : 'umum';
  const canEdit = hasRole(me, SETTINGS_WRITE_ROLES);
  const thisYear = Number(todayIn(me.pemda.zona_waktu).slice(0, 4));
  const s = usePengaturan();

  const setTab = (v: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (v === 'libur') next.set('tab', 'libur');
        else next.delete('tab');
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="md" data-testid="page-pengaturan">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Box>
          <Title order={2}>{t('atur.judul')}</Title>
          <Text size="sm" c="dimmed">
            {t(canEdit ? 'atur.bisaUbah' : 'atur.bacaSaja')}
          </Text>
        </Box>
        {s.data && (
          <Text size="sm" c="dimmed" ta="right" data-testid="atur-ringkas">
            {s.data.nama} ·{' '}
            <span data-testid="atur-zona">{`${singkatanZona(s.data.zona_waktu)} (${s.data.zona_waktu})`}</span>
          </Text>
        )}
      </Group>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="md">
          <Tabs.Tab value="umum" data-testid="tab-umum">
            {t('atur.tab.umum')}
          </Tabs.Tab>
          <Tabs.Tab value="libur" data-testid="tab-libur">
            {t('atur.tab.libur')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="umum">
          {s.error && <ErrorAlert error={s.error} onRetry={() => void s.refetch()} />}
          {!s.data && !s.error && <Loading />}
          {s.data &&
            (canEdit ? (
              <PengaturanForm key={JSON.stringify(s.data)} saved={s.data} />
            ) : (
              <PengaturanView s={s.data} />
            ))}
        </Tabs.Panel>
        <Tabs.Panel value="libur">
          <HariLiburPanel thisYear={thisYear} canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
