import { Alert, Button, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { hasRole, useMe } from '../../lib/session';

/** Shows the page only to accounts holding one of the roles (the server checks again). */
export function RequireRole({ roles, children }: { roles: readonly string[]; children: ReactNode }) {
  const me = useMe();
  const { t } = useI18n();
  if (!hasRole(me, roles)) {
    return (
      <Alert color="orange" data-testid="forbidden">
        {t('galat.tidakBerhak')}
      </Alert>
    );
  }
  return <>{children}</>;
}

/** Unknown address inside the app. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Stack align="flex-start" data-testid="not-found">
      <Title order={3}>{t('umum.halamanTidakAda')}</Title>
      <Button component={Link} to="/organisasi" variant="light">
        {t('umum.kembali')}
      </Button>
    </Stack>
  );
}
