import { Button, Group, TextInput } from '@mantine/core';
import { useAsOf } from '../lib/as-of';
import { fmtTanggal } from '../lib/format';
import { useI18n } from '../lib/i18n';

/** The "per tanggal" date input: every registry query on the page is asked as of this date. */
export function AsOfInput({ effective }: { effective?: string | undefined }) {
  const { t, lang } = useI18n();
  const { tanggal, setTanggal } = useAsOf();
  const shown = tanggal || effective || '';
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        type="date"
        label={t('umum.perTanggal')}
        title={t('umum.perTanggalBantuan')}
        value={shown}
        onChange={(e) => setTanggal(e.currentTarget.value)}
        data-testid="as-of"
        w={170}
        description={shown ? fmtTanggal(shown, lang) : undefined}
        inputWrapperOrder={['label', 'input', 'description']}
      />
      {tanggal && (
        <Button variant="subtle" size="xs" mb={22} onClick={() => setTanggal('')} data-testid="as-of-today">
          {t('umum.hariIni')}
        </Button>
      )}
    </Group>
  );
}
