// First: zod's settings must hold before any schema is built (lib/zod-jitless.ts).
import './lib/zod-jitless';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import 'leaflet/dist/leaflet.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pasangPengirimAntrean } from './lib/antrean';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
// What waits in the offline queue is sent when the connection returns (lib/antrean.ts).
pasangPengirimAntrean();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
