import { Badge, Group, Tooltip } from '@mantine/core';
import { useI18n } from '../lib/i18n';
import { LABEL_SEKTOR, labelOf, sektorColor } from '../lib/labels';
import type { OpdNode } from '../lib/types';

/** Badges for the service class and sectors of an OPD; inherited values are drawn outlined. */
export function OpdBadges({ node, size = 'sm' }: { node: OpdNode; size?: 'xs' | 'sm' | 'md' }) {
  const { t, lang } = useI18n();
  const kelas = node.efektif.kelas_layanan;
  const kelasInherited = node.kelas_layanan === null;
  const sektorInherited = node.sektor.length === 0 && node.efektif.sektor.length > 0;
  const inheritedTip = t('org.diwarisi');
  return (
    <Group gap={4} wrap="wrap">
      <Tooltip label={inheritedTip} disabled={!kelasInherited}>
        <Badge
          size={size}
          color={kelas === 'pelayanan' ? 'green' : 'gray'}
          variant={kelasInherited ? 'outline' : 'light'}
          data-testid="badge-kelas"
        >
          {t(kelas === 'pelayanan' ? 'org.kelas.pelayanan' : 'org.kelas.non_pelayanan')}
        </Badge>
      </Tooltip>
      {node.efektif.sektor.map((s) => (
        <Tooltip key={s} label={inheritedTip} disabled={!sektorInherited}>
          <Badge
            size={size}
            color={sektorColor(s)}
            variant={sektorInherited ? 'outline' : 'light'}
            data-testid="badge-sektor"
          >
            {labelOf(LABEL_SEKTOR, s, lang)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
