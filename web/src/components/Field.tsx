import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled value on a detail page (OPD, employee). */
export function Field({ label, children, testid }: { label: string; children: ReactNode; testid?: string }) {
  return (
    <Box>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Box data-testid={testid}>{children}</Box>
    </Box>
  );
}
