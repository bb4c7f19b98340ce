// Module-level cycles for `npm run check`: a second pass over server/src/modules only (see
// .dependency-cruiser.cjs for the file-level and layer rules). Each folder modules/<area> is one node;
// a cycle a → b → a between them fails. Only imports between modules count (the HTTP layer registers
// every module's routes and is left out), tests aside.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'tanpa-siklus-modul',
      comment:
        'No cycle between the folders of server/src/modules (a → b → a): the dependency must go one way, ' +
        'or the shared part moves to a module of its own.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^server/src/modules/[^/]+$' },
      to: { path: '^server/src/modules/[^/]+$', circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^server/src/modules/',
    exclude: { path: ['\\.test\\.ts$', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
  },
};
