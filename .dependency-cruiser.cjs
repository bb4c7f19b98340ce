// Layer and cycle rules for `npm run check` (dependency-cruiser; docs/CONTRIBUTING.md "Layers").
// Production code only: tests (*.test.ts, server/test/) may reach across layers.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'tanpa-siklus-berkas',
      comment: 'No circular import between files of domain/src or server/src.',
      severity: 'error',
      from: { path: '^(domain|server)/src/' },
      to: { circular: true },
    },
    {
      name: 'http-hanya-dari-http',
      comment:
        'Only server/src/http/ and the route files it registers may use the HTTP layer; services, repositories, ' +
        'the CLI and the demo take errors from server/src/errors.ts and the caller from server/src/caller.ts.',
      severity: 'error',
      from: {
        path: '^server/src/',
        pathNot: ['^server/src/http/', '\\.routes\\.ts$', '^server/src/server\\.ts$'],
      },
      to: { path: '^server/src/http/' },
    },
    {
      name: 'cli-lewat-layanan',
      comment: 'The command line calls services (cli/commands/*.ts), never a repository.',
      severity: 'error',
      from: { path: '^server/src/cli/' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'rute-lewat-layanan',
      comment: 'A route validates, calls a service and presents: it imports no repository.',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'domain-murni',
      comment: 'The domain is pure logic: it never imports the server or the web app.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { path: '^(server|web)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.ts$', '^server/test/', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'] },
  },
};
