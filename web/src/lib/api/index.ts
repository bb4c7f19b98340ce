// The web's one way to the server: a typed client (client.ts) and the query cache around it (query.tsx).
// Pages use the hooks of their area's `features/<area>/<area>.api.ts`; see docs/ARCHITECTURE.md.
export * from './client';
export * from './query';
