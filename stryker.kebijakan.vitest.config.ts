import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Runs the example files before the property files: a mutant run stops at the first failing test, so
 * a mutant an example catches costs milliseconds instead of the seconds the properties take.
 */
class ExamplesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const property = (f: TestSpecification) => f.moduleId.includes('.property.');
    return [...sorted.filter((f) => !property(f)), ...sorted.filter(property)];
  }
}

// The policy tests only, for mutation testing of the policy evaluator alone (stryker.kebijakan.config.json,
// `npm run mutation:kebijakan`): the roster tests also import evaluate.ts but the solver's take minutes.
// Each property runs 10 cases instead of 300 (SIGAP_FC_RUNS), so that ~800 mutants fit in about an hour
// on a shared 2-core machine; a mutant only the extra cases would catch counts as surviving.
export default defineConfig({
  test: {
    include: ['domain/src/kebijakan/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 20_000,
    env: { SIGAP_FC_RUNS: '10' },
    sequence: { sequencer: ExamplesFirst },
  },
});
