/**
 * Loads the gap-check questionnaires from `knowledge/gap-checks/` at start-up and checks them as a
 * set against the knowledge base: the schema (questionnaire.ts), then what a schema cannot see:
 * every ref exists and is a clause or control, ids are unique, the file is named after its id,
 * sizes fit the kind, a quick check reaches every clause 4-10 and every Annex A theme or group of
 * its standard, and no alias collides with another check or a subcommand.
 *
 * Contract: `loadQuestionnaires` returns a complete set or throws `QuestionnaireLoadError` listing
 * every problem as `file: field: message`, like the knowledge loader.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatIssues, readDataFile, type KnowledgeBase } from '../knowledge/load.js';
import { areaOfEntry, areasOfStandard } from './areas.js';
import { FOCUSED_SIZE, QUICK_SIZE, questionnaireSchema, type Questionnaire } from './questionnaire.js';

export class QuestionnaireLoadError extends Error {
  readonly code = 'GAPCHECK_INVALID';
  constructor(readonly problems: string[]) {
    super(`The gap-check questionnaires did not load (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
    this.name = 'QuestionnaireLoadError';
  }
}

/** The loaded questionnaires, in a stable order (quick checks first, then by id). */
export interface QuestionnaireSet {
  all: readonly Questionnaire[];
  byId: ReadonlyMap<string, Questionnaire>;
}

/** Words `/gapcheck` uses as subcommands: an alias equal to one would be unreachable. */
export const RESERVED_WORDS = new Set([
  'answer', 'back', 'cancel', 'checks', 'continue', 'export', 'finish', 'for', 'help', 'history', 'list',
  'log', 'restart', 'result', 'results', 'resume', 'show', 'skip', 'soa', 'start', 'status', 'why',
]);

/** How names are compared: lower case, punctuation to spaces, spaces collapsed. */
export function normalizeName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

const PLACEHOLDER = /\bTODO\b|\bTBD\b|lorem ipsum/i;

/** Validates parsed files as a set. Pure: tests feed it data without touching the disk. */
export function validateQuestionnaires(files: ReadonlyArray<{ file: string; data: unknown }>, kb: KnowledgeBase): { set: QuestionnaireSet; problems: string[] } {
  const problems: string[] = [];
  const loaded: Questionnaire[] = [];
  const names = new Map<string, string>();

  for (const { file, data } of files) {
    const parsed = questionnaireSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...formatIssues(file, parsed.error.issues));
      continue;
    }
    const q = parsed.data;
    const before = problems.length;
    const stem = basename(file).replace(/\.(ya?ml|json)$/i, '');
    if (stem !== q.id) problems.push(`${file}: id: "${q.id}" must match the file name (${stem})`);
    if (loaded.some((x) => x.id === q.id)) problems.push(`${file}: id: duplicate questionnaire id ${q.id}`);
    const size = q.kind === 'quick' ? QUICK_SIZE : FOCUSED_SIZE;
    if (q.questions.length < size.min || q.questions.length > size.max) {
      problems.push(`${file}: questions: a ${q.kind} check has ${size.min}-${size.max} questions, found ${q.questions.length}`);
    }
    for (const name of [q.id, ...q.aliases]) {
      const n = normalizeName(name);
      if (RESERVED_WORDS.has(n)) problems.push(`${file}: aliases: "${name}" is a /gapcheck subcommand`);
      const other = names.get(n);
      if (other && other !== q.id) problems.push(`${file}: aliases: "${name}" is also a name of ${other}`);
      names.set(n, q.id);
    }
    const ids = new Set<string>();
    const reached = new Set<string>();
    q.questions.forEach((question, i) => {
      const at = `${file}: questions[${i}]`;
      if (ids.has(question.id)) problems.push(`${at}.id: duplicate question id ${question.id}`);
      ids.add(question.id);
      for (const [field, value] of Object.entries({ text: question.text, gap: question.gap, help: question.help, recommendation: question.recommendation })) {
        if (PLACEHOLDER.test(value)) problems.push(`${at}.${field}: contains a placeholder (TODO/TBD)`);
      }
      if (new Set(question.refs).size !== question.refs.length) problems.push(`${at}.refs: a ref is listed twice`);
      // The first ref names the area the question is scored under, so it must be in the check's standard.
      if (!question.refs[0]!.startsWith(`${q.standard}:`)) problems.push(`${at}.refs[0]: the first ref must be a clause or control of ${q.standard}`);
      question.refs.forEach((ref, j) => {
        const e = kb.byRef.get(ref);
        if (!e) {
          problems.push(`${at}.refs[${j}]: ${ref} does not exist in the knowledge base`);
          return;
        }
        const area = areaOfEntry(kb, e);
        if (!area) problems.push(`${at}.refs[${j}]: ${ref} is not a clause or an Annex A control`);
        else if (e.standard === q.standard) reached.add(area.key);
      });
    });
    if (q.kind === 'quick') {
      for (const area of areasOfStandard(kb, q.standard)) {
        if (!reached.has(area.key)) problems.push(`${file}: questions: a quick check must reach every clause and Annex A area; nothing refers to ${area.label}`);
      }
    }
    if (problems.length === before) loaded.push(q);
  }

  loaded.sort((a, b) => (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'quick' ? -1 : 1));
  return { set: { all: loaded, byId: new Map(loaded.map((q) => [q.id, q])) }, problems };
}

/** Reads every `*.yaml`/`*.yml`/`*.json` in `dir` (not recursive) and validates them as a set. */
export function loadQuestionnaires(dir: string, kb: KnowledgeBase): QuestionnaireSet {
  if (!existsSync(dir)) throw new QuestionnaireLoadError([`${dir}: the gap-check folder does not exist`]);
  const files: Array<{ file: string; data: unknown }> = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(ya?ml|json)$/i.test(name)) continue;
    const file = `gap-checks/${name}`;
    try {
      files.push({ file, data: readDataFile(join(dir, name)) });
    } catch (err) {
      problems.push(`${file}: (file): not valid ${name.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  const { set, problems: more } = validateQuestionnaires(files, kb);
  problems.push(...more);
  if (!files.length && !problems.length) problems.push(`${dir}: no questionnaires found`);
  if (problems.length) throw new QuestionnaireLoadError(problems);
  return set;
}
