import { ActionIcon, Button, Group, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { cekPeriode, geserBulan, periodeBulan } from './jadwal';

/**
 * A period: a month (‹ month ›, or typed in the month field) and, when `bebas`, any from/to dates
 * applied with a button (at most 93 days, as the server takes).
 */
export function PeriodePicker({
  dari,
  sampai,
  onChange,
  bebas = true,
}: {
  dari: string;
  sampai: string;
  onChange: (dari: string, sampai: string) => void;
  bebas?: boolean;
}) {
  const { t } = useI18n();
  const [d1, setD1] = useState(dari);
  const [d2, setD2] = useState(sampai);
  useEffect(() => {
    setD1(dari);
    setD2(sampai);
  }, [dari, sampai]);
  const bulan = dari.slice(0, 7);
  const keBulan = (ym: string) => {
    const p = periodeBulan(ym);
    onChange(p.dari, p.sampai);
  };
  const galat = cekPeriode(d1, d2);
  const berubah = d1 !== dari || d2 !== sampai;

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="periode">
      <Group gap={4} align="flex-end" wrap="nowrap">
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => keBulan(geserBulan(bulan, -1))}
          aria-label={t('jd.bulanSebelum')}
          data-testid="periode-sebelum"
        >
          ‹
        </ActionIcon>
        <TextInput
          type="month"
          label={t('jd.bulan')}
          value={bulan}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (/^\d{4}-\d{2}$/.test(v)) keBulan(v);
          }}
          w={168}
          data-testid="periode-bulan"
        />
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => keBulan(geserBulan(bulan, 1))}
          aria-label={t('jd.bulanSesudah')}
          data-testid="periode-sesudah"
        >
          ›
        </ActionIcon>
      </Group>
      {bebas && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!galat) onChange(d1, d2);
          }}
        >
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              type="date"
              label={t('jd.dari')}
              value={d1}
              onChange={(e) => setD1(e.currentTarget.value)}
              w={150}
              error={berubah && galat ? t(galat, { n: 93 }) : undefined}
              data-testid="periode-dari"
            />
            <TextInput
              type="date"
              label={t('jd.sampai')}
              value={d2}
              onChange={(e) => setD2(e.currentTarget.value)}
              w={150}
              data-testid="periode-sampai"
            />
            <Button
              type="submit"
              variant="default"
              disabled={!berubah || galat !== null}
              data-testid="periode-terapkan"
              style={{ alignSelf: 'flex-end' }}
            >
              {t('umum.terapkan')}
            </Button>
          </Group>
        </form>
      )}
    </Group>
  );
}
