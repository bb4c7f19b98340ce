import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';

/** An API error as a red box, with a retry button when one is given. */
export function ErrorAlert({ error, onRetry }: { error: ApiError | Error; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      color="red"
      variant="light"
      data-testid="error"
      data-kode={'code' in error ? error.code : undefined}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('umum.cobaLagi')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** A centred spinner with "Memuat…". */
export function Loading() {
  const { t } = useI18n();
  return (
    <Center py="xl" data-testid="loading">
      <Loader size="sm" mr="sm" />
      <Text c="dimmed" size="sm">
        {t('umum.memuat')}
      </Text>
    </Center>
  );
}
