/**
 * Validates the knowledge base the way the bot loads it and prints every problem.
 * Usage: npm run knowledge:check [-- --only <file-substring>]
 */
import { resolve } from 'node:path';
import { KnowledgeLoadError, loadKnowledge } from '../src/knowledge/load.js';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
try {
  const kb = loadKnowledge({ root: resolve('knowledge'), organizationDir: process.env.ANNEX_ORG_KNOWLEDGE_DIR });
  console.log(`knowledge OK: ${kb.entries.length} entries, ${kb.groups.length} groups, ${kb.crosswalk.controls.length} crosswalk mappings`);
} catch (err) {
  if (!(err instanceof KnowledgeLoadError)) throw err;
  const problems = only ? err.problems.filter((p) => p.includes(only)) : err.problems;
  console.log(problems.join('\n'));
  console.log(`${problems.length} problem(s)${only ? ` matching "${only}"` : ''} (${err.problems.length} in all)`);
  process.exitCode = 1;
}
