import {
  ActionIcon,
  Box,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { fmtWaktu } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { PengingatPerangkat } from './PengingatPerangkat';
import { useBacaPemberitahuan, usePemberitahuan } from './pemberitahuan.api';
import { waktuLalu } from './waktu';

/** How often the unread count is asked for while the app is open. */
const SELANG_MS = 60_000;

function IkonLonceng() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.9"
      aria-hidden
    >
      <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Z" strokeLinejoin="round" />
      <path d="M10 20.5a2 2 0 0 0 4 0" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The bell in the header: the unread count (asked every minute and on every navigation), the newest
 * notices in a dropdown; opening one marks it read and goes to its page; "mark all read".
 */
export function Lonceng() {
  const me = useMe();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [buka, setBuka] = useState(false);
  const tertaut = me.pegawai_id !== null;
  // Polled every SELANG_MS; a failed poll leaves the bell as it was (the page reports network trouble).
  const q = usePemberitahuan(tertaut, SELANG_MS);
  const data = q.data ?? null;
  const sekarang = q.dataUpdatedAt || Date.now();
  const { refetch } = q;
  const bacaM = useBacaPemberitahuan();

  // Each navigation asks again (the first answer comes with the query itself).
  const lokasi = `${location.pathname}${location.search}`;
  const lalu = useRef(lokasi);
  useEffect(() => {
    if (lalu.current === lokasi) return;
    lalu.current = lokasi;
    if (tertaut) void refetch();
  }, [refetch, tertaut, lokasi]);

  if (!tertaut) return null;
  const belum = data?.belum_dibaca ?? 0;

  const baca = (id?: string) => bacaM.mutateAsync(id).catch(() => {});

  return (
    <Popover
      opened={buka}
      onChange={setBuka}
      position="bottom-end"
      width={360}
      shadow="md"
      withinPortal
      trapFocus={false}
    >
      <Popover.Target>
        <Indicator
          label={belum > 99 ? '99+' : belum}
          size={18}
          color="red"
          disabled={belum === 0}
          offset={4}
          data-testid="lonceng-jumlah"
          data-jumlah={belum}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => {
              setBuka((o) => !o);
              void refetch();
            }}
            aria-label={belum ? t('notif.labelBelum', { n: belum }) : t('notif.judul')}
            data-testid="lonceng"
          >
            <IkonLonceng />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="lonceng-daftar" maw="calc(100vw - 16px)">
        <Group justify="space-between" px="sm" py="xs" wrap="nowrap">
          <Text fw={700} size="sm">
            {t('notif.judul')}
          </Text>
          <Button
            variant="subtle"
            size="compact-xs"
            disabled={belum === 0}
            onClick={() => void baca()}
            data-testid="lonceng-baca-semua"
          >
            {t('notif.bacaSemua')}
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={420} type="auto">
          {(data?.item.length ?? 0) === 0 ? (
            <Text size="sm" c="dimmed" p="md" data-testid="lonceng-kosong">
              {t('notif.kosong')}
            </Text>
          ) : (
            <Stack gap={0}>
              {data?.item.map((n) => (
                <UnstyledButton
                  key={n.id}
                  px="sm"
                  py={8}
                  onClick={() => {
                    setBuka(false);
                    if (!n.dibaca) void baca(n.id);
                    if (n.tautan) void navigate(n.tautan);
                  }}
                  style={{
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                    background: n.dibaca ? undefined : 'var(--mantine-color-blue-0)',
                  }}
                  data-testid="notif-item"
                  data-dibaca={n.dibaca ? 'true' : 'false'}
                  data-jenis={n.jenis}
                >
                  <Group gap={8} wrap="nowrap" align="flex-start">
                    <Box
                      mt={6}
                      w={8}
                      h={8}
                      style={{
                        flexShrink: 0,
                        borderRadius: 4,
                        background: n.dibaca ? 'transparent' : 'var(--mantine-color-blue-6)',
                      }}
                    />
                    <Box style={{ minWidth: 0 }}>
                      <Text size="sm" fw={n.dibaca ? 500 : 700} data-testid="notif-judul">
                        {n.judul}
                      </Text>
                      <Text size="xs" c="dimmed" data-testid="notif-isi">
                        {n.isi}
                      </Text>
                      <Text size="xs" c="dimmed" title={fmtWaktu(n.dibuat_pada, me.pemda.zona_waktu, lang)}>
                        {waktuLalu(n.dibuat_pada, sekarang, lang)}
                      </Text>
                    </Box>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <Divider />
        <PengingatPerangkat />
      </Popover.Dropdown>
    </Popover>
  );
}
