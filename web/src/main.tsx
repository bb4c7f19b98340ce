import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import 'leaflet/dist/leaflet.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';

// The answers are parsed with the contract's zod schemas (lib/api/client.ts). The page runs under a CSP
// without 'unsafe-eval': zod must not probe `new Function` (a reported violation), so it runs jitless
// (measured: a 300 × 31 unit grid parses in about 2 ms either way).
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
