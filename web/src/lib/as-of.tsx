import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

const KEY = 'sigap_per_tanggal';

interface AsOfValue {
  /** YYYY-MM-DD, or '' for today (the server's default, in the Pemda's zone). */
  readonly tanggal: string;
  readonly setTanggal: (d: string) => void;
}

const AsOfContext = createContext<AsOfValue | null>(null);

/** The "per tanggal" (as-of) date every registry query is asked for; kept for the browser tab. */
export function AsOfProvider({ children }: { children: ReactNode }) {
  const [tanggal, setState] = useState<string>(() => {
    try {
      const s = sessionStorage.getItem(KEY) ?? '';
      return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : '';
    } catch {
      return '';
    }
  });
  const setTanggal = useCallback((d: string) => {
    const v = /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : '';
    try {
      sessionStorage.setItem(KEY, v);
    } catch {
      // ignore
    }
    setState(v);
  }, []);
  const value = useMemo(() => ({ tanggal, setTanggal }), [tanggal, setTanggal]);
  return <AsOfContext.Provider value={value}>{children}</AsOfContext.Provider>;
}

/** The as-of date and its setter. */
export function useAsOf(): AsOfValue {
  const v = useContext(AsOfContext);
  if (!v) throw new Error('useAsOf outside AsOfProvider');
  return v;
}
