import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { LangSwitch } from '../../components/LangSwitch';
import { pesanGalat } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useDaftarPemda } from './auth.api';

/** Masuk: choose the Pemda (only when there are several), username and password. */
export function LoginPage({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const { login } = useSession();
  const [pemda, setPemda] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(expired ? t('masuk.sesiBerakhir') : null);
  const [busy, setBusy] = useState(false);

  const daftar = useDaftarPemda();
  const pemdaList = daftar.data ?? (daftar.error ? [] : null);
  useEffect(() => {
    const list = daftar.data;
    if (list?.length === 1 && list[0]) setPemda(list[0].kode);
  }, [daftar.data]);
  useEffect(() => {
    if (daftar.error) setError(daftar.error.message);
  }, [daftar.error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ ...(pemda ? { pemda } : {}), username: username.trim(), password });
    } catch (err) {
      setError(pesanGalat(err));
    } finally {
      setBusy(false);
    }
  };

  const many = (pemdaList?.length ?? 0) > 1;
  const single = pemdaList?.length === 1 ? pemdaList[0] : undefined;

  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420} radius="lg">
        <form onSubmit={submit} data-testid="login-form" noValidate>
          <Stack>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Box>
                <Title order={2} c="blue.8">
                  {t('app.nama')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('app.tagline')}
                </Text>
              </Box>
              <LangSwitch />
            </Group>
            <Title order={4}>{t('masuk.judul')}</Title>
            {single && (
              <Text size="sm" fw={500} data-testid="login-pemda-nama">
                {single.nama}
              </Text>
            )}
            {many && (
              <Select
                label={t('masuk.pemda')}
                placeholder={t('masuk.pilihPemda')}
                data={(pemdaList ?? []).map((p) => ({ value: p.kode, label: p.nama }))}
                value={pemda}
                onChange={setPemda}
                searchable
                required
                data-testid="login-pemda"
              />
            )}
            <TextInput
              label={t('masuk.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              autoCapitalize="none"
              required
              data-testid="login-username"
            />
            <PasswordInput
              label={t('masuk.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              required
              data-testid="login-password"
            />
            {error && (
              <Alert color="red" variant="light" data-testid="login-error" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={busy} fullWidth data-testid="login-submit">
              {t('masuk.tombol')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
