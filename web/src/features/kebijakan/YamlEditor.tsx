import { Box } from '@mantine/core';
import { type RefObject, useMemo, useRef } from 'react';
import { rentangBaris } from './dokumen';

/** Height of one line in the editor and its gutter (px): they must match. */
export const TINGGI_BARIS = 20;

/**
 * A monospaced YAML text area with line numbers; lines with a problem are marked in the gutter.
 * No wrapping, so a line number always sits next to its line.
 */
export function YamlEditor({
  value,
  onChange,
  barisMasalah,
  textareaRef,
  label,
}: {
  value: string;
  onChange: (v: string) => void;
  barisMasalah: ReadonlySet<number>;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  label: string;
}) {
  const gutter = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => value.split('\n').length, [value]);
  return (
    <Box className="sigap-yaml">
      <div className="sigap-yaml-gutter" aria-hidden="true">
        <div ref={gutter} data-testid="editor-gutter">
          {Array.from({ length: lines }, (_, i) => i + 1).map((n) => (
            <div key={n} className={barisMasalah.has(n) ? 'sigap-yaml-galat' : undefined}>
              {n}
            </div>
          ))}
        </div>
      </div>
      <textarea
        ref={textareaRef}
        className="sigap-yaml-text"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.style.transform = `translateY(${-e.currentTarget.scrollTop}px)`;
        }}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        wrap="off"
        aria-label={label}
        data-testid="editor-yaml"
      />
    </Box>
  );
}

/** Moves the cursor to a line (selecting it) and scrolls it into view. */
export function keBaris(ta: HTMLTextAreaElement | null, baris: number): void {
  if (!ta) return;
  const [start, end] = rentangBaris(ta.value, baris);
  ta.focus({ preventScroll: true });
  ta.setSelectionRange(start, end);
  ta.scrollTop = Math.max(0, (baris - 1) * TINGGI_BARIS - ta.clientHeight / 3);
  ta.dispatchEvent(new Event('scroll'));
  const box = ta.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) ta.scrollIntoView({ block: 'center' });
}
