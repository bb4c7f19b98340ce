import { Alert, Button, Group, List, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ATURAN_SANDI, masalahSandi } from '../../lib/akun';
import { type ApiError, keApiError } from '../../lib/api';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { useGantiSandi } from '../auth/auth.api';

/** The password rule as a checklist while typing (shared by own change and admin reset). */
export function AturanSandi({ password, testid = 'aturan-sandi' }: { password: string; testid?: string }) {
  const { t } = useI18n();
  return (
    <List size="xs" mt={6} spacing={2} listStyleType="none" data-testid={testid}>
      {ATURAN_SANDI.map((r) => {
        const ok = r.ok(password);
        return (
          <List.Item key={r.key} c={ok ? 'green.8' : 'dimmed'} data-ok={ok}>
            {ok ? '✓' : '○'} {t(`akun.aturan.${r.key}`)}
          </List.Item>
        );
      })}
    </List>
  );
}

/** "Ganti kata sandi": the signed-in user's own password (needs the current one). */
export function GantiSandiDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [lama, setLama] = useState('');
  const [baru, setBaru] = useState('');
  const [ulang, setUlang] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const gantiSandi = useGantiSandi();
  const [error, setError] = useState<ApiError | null>(null);

  const masalahBaru = masalahSandi(baru);
  const beda = ulang !== baru;
  const close = () => {
    setLama('');
    setBaru('');
    setUlang('');
    setSubmitted(false);
    setError(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!lama || masalahBaru || beda || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await gantiSandi.mutateAsync({ lama, baru });
      notifications.show({
        color: 'green',
        message: t('sandi.berhasil', { n: r.sesi_diakhiri }),
        'data-testid': 'sandi-berhasil',
      });
      close();
    } catch (err) {
      setError(keApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('sandi.judul')}>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="sandi-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('sandi.bantuan')}
          </Text>
          <PasswordInput
            label={t('akun.sandiLama')}
            value={lama}
            onChange={(e) => setLama(e.currentTarget.value)}
            error={submitted && !lama ? t('valid.wajib') : undefined}
            required
            autoComplete="current-password"
            data-testid="sandi-lama"
          />
          <div>
            <PasswordInput
              label={t('akun.sandiBaru')}
              value={baru}
              onChange={(e) => setBaru(e.currentTarget.value)}
              error={submitted && masalahBaru ? t(`valid.${masalahBaru}` as MessageKey) : undefined}
              required
              autoComplete="new-password"
              data-testid="sandi-baru"
            />
            <AturanSandi password={baru} />
          </div>
          <PasswordInput
            label={t('akun.sandiUlangi')}
            value={ulang}
            onChange={(e) => setUlang(e.currentTarget.value)}
            error={submitted && beda ? t('akun.sandiTidakSama') : undefined}
            required
            autoComplete="new-password"
            data-testid="sandi-ulang"
          />
          {error && (
            <Alert color="red" title={t('sandi.gagal')} data-testid="sandi-galat">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('umum.batal')}
            </Button>
            <Button type="submit" loading={busy} data-testid="sandi-simpan">
              {t('sandi.simpan')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
