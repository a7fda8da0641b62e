/**
 * Loads and validates the knowledge base: every YAML/JSON file under the knowledge root (and the
 * organization's own folder, when configured), checked by the one schema in `schema.ts`, then as a
 * whole: unique refs, resolvable cross-references and the counts the standards fix.
 *
 * Contract: `loadKnowledge` either returns a complete, consistent `KnowledgeBase` or throws a
 * `KnowledgeLoadError` listing every problem as `file: field: message`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  crosswalkFileSchema,
  knowledgeFileSchema,
  type ClausePair,
  type ControlGroup,
  type CrosswalkControlMapping,
  type EntryKind,
  type KnowledgeEntry,
  type Standard,
} from './schema.js';

/** The counts the two standards fix; a knowledge base that disagrees does not load. */
export const EXPECTED_COUNTS: Record<string, number> = {
  '27001 clause': 41,
  '27001 control': 93,
  '42001 clause': 43,
  '42001 control': 38,
  '42001 objective': 11,
  '42001 risk-source': 7,
};

/** The loaded, validated knowledge: every entry by ref (`27001:A.5.15`), the Annex A groups and the crosswalk. Read-only after load. */
export interface KnowledgeBase {
  entries: readonly KnowledgeEntry[];
  byRef: ReadonlyMap<string, KnowledgeEntry>;
  groups: readonly ControlGroup[];
  crosswalk: {
    disclaimer: string;
    clauses: readonly ClausePair[];
    controls: readonly CrosswalkControlMapping[];
  };
}

/** The knowledge did not validate; `problems` name the file and the field of each. */
export class KnowledgeLoadError extends Error {
  readonly code = 'KNOWLEDGE_INVALID';
  constructor(readonly problems: string[]) {
    super(`The knowledge base did not load (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
    this.name = 'KnowledgeLoadError';
  }
}

export interface LoadOptions {
  /** The shipped knowledge folder. */
  root: string;
  /** The organization's own entries (topics), read in addition when the folder exists. */
  organizationDir?: string | undefined;
}

const CROSSWALK_FILE = 'crosswalk.yaml';
/** Folders under the root that hold other formats (gap-check questionnaires, the org folder). */
const OTHER_FORMAT_DIRS = new Set(['gap-checks']);

export function refOf(standard: Standard | null, kind: EntryKind, id: string): string {
  return kind === 'topic' || standard === null ? `topic:${id}` : `${standard}:${id}`;
}

function listDataFiles(dir: string, skipDirs: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!skipDirs.has(name)) out.push(...listDataFiles(full, new Set()));
    } else if (/\.(ya?ml|json)$/i.test(name)) {
      out.push(full);
    }
  }
  return out;
}

export function readDataFile(path: string): unknown {
  const raw = readFileSync(path, 'utf8');
  return path.toLowerCase().endsWith('.json') ? JSON.parse(raw) : parseYaml(raw);
}

export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(file)';
    return `${file}: ${field}: ${issue.message}`;
  });
}

/** Entries of one parsed knowledge file, with derived refs. */
function entriesOf(file: string, data: z.infer<typeof knowledgeFileSchema>, organization: boolean): KnowledgeEntry[] {
  return data.entries.map((raw) => {
    const kind = raw.kind ?? data.kind;
    const standard = kind === 'topic' ? null : (data.standard ?? null);
    const { kind: _ignored, ...rest } = raw;
    return { ...rest, kind, standard, ref: refOf(standard, kind, raw.id), source: file, organization };
  });
}

export function loadKnowledge(options: LoadOptions): KnowledgeBase {
  const problems: string[] = [];
  const entries: KnowledgeEntry[] = [];
  const groups: ControlGroup[] = [];
  let crosswalk: KnowledgeBase['crosswalk'] | undefined;

  const sources: Array<{ dir: string; organization: boolean; label: string }> = [{ dir: options.root, organization: false, label: '' }];
  if (options.organizationDir && existsSync(options.organizationDir)) {
    sources.push({ dir: options.organizationDir, organization: true, label: 'organization' });
  }
  if (!existsSync(options.root)) throw new KnowledgeLoadError([`${options.root}: the knowledge folder does not exist`]);

  for (const source of sources) {
    const skip = new Set(OTHER_FORMAT_DIRS);
    // The organization folder may live inside the root; it is read once, as organization content.
    if (!source.organization && options.organizationDir) {
      const rel = relative(source.dir, options.organizationDir);
      if (rel && !rel.startsWith('..') && !rel.includes(sep)) skip.add(rel);
    }
    for (const path of listDataFiles(source.dir, skip)) {
      const file = join(source.label, relative(source.dir, path)) || path;
      let data: unknown;
      try {
        data = readDataFile(path);
      } catch (err) {
        problems.push(`${file}: (file): not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`);
        continue;
      }
      if (!source.organization && relative(source.dir, path) === CROSSWALK_FILE) {
        const parsed = crosswalkFileSchema.safeParse(data);
        if (!parsed.success) problems.push(...formatIssues(file, parsed.error.issues));
        else crosswalk = parsed.data.crosswalk;
        continue;
      }
      const parsed = knowledgeFileSchema.safeParse(data);
      if (!parsed.success) {
        problems.push(...formatIssues(file, parsed.error.issues));
        continue;
      }
      if (source.organization && parsed.data.entries.some((e) => (e.kind ?? parsed.data.kind) !== 'topic')) {
        problems.push(`${file}: kind: organization entries must be topics (clauses and controls come from the standards)`);
        continue;
      }
      for (const g of parsed.data.groups ?? []) {
        if (!parsed.data.standard) problems.push(`${file}: groups: a file with groups must name its standard`);
        else groups.push({ standard: parsed.data.standard, ...g });
      }
      entries.push(...entriesOf(file, parsed.data, source.organization));
    }
  }

  const byRef = new Map<string, KnowledgeEntry>();
  for (const e of entries) {
    const prior = byRef.get(e.ref);
    if (prior) problems.push(`${e.source}: entries.${e.id}: duplicate id ${e.ref} (also in ${prior.source})`);
    else byRef.set(e.ref, e);
  }

  for (const e of entries) {
    checkEntryCompleteness(e, problems);
    for (const r of e.related) {
      if (!byRef.has(r)) problems.push(`${e.source}: entries.${e.id}.related: ${r} does not exist`);
      if (r === e.ref) problems.push(`${e.source}: entries.${e.id}.related: an entry cannot be related to itself`);
    }
    if (e.standard === '42001' && e.kind === 'control' && !groups.some((g) => g.standard === '42001' && g.id === e.group)) {
      problems.push(`${e.source}: entries.${e.id}.group: ${e.group ?? '(missing)'} is not a known 42001 objective group`);
    }
    if (e.standard === '27001' && e.kind === 'control' && !e.theme) problems.push(`${e.source}: entries.${e.id}.theme: required for a 27001 control`);
  }

  for (const [key, expected] of Object.entries(EXPECTED_COUNTS)) {
    const [standard, kind] = key.split(' ');
    const n = entries.filter((e) => e.standard === standard && e.kind === kind && !e.organization).length;
    if (n !== expected) problems.push(`${options.root}: counts: expected ${expected} ${standard} ${kind} entries, found ${n}`);
  }

  if (!crosswalk) {
    problems.push(`${CROSSWALK_FILE}: (file): missing`);
  } else {
    for (const pair of crosswalk.clauses) {
      if (!byRef.has(`42001:${pair.iso42001}`)) problems.push(`${CROSSWALK_FILE}: crosswalk.clauses: 42001 clause ${pair.iso42001} does not exist`);
      if (pair.iso27001 !== null && !byRef.has(`27001:${pair.iso27001}`)) problems.push(`${CROSSWALK_FILE}: crosswalk.clauses: 27001 clause ${pair.iso27001} does not exist`);
    }
    const mapped = new Set<string>();
    for (const m of crosswalk.controls) {
      if (!byRef.has(`42001:${m.iso42001}`)) problems.push(`${CROSSWALK_FILE}: crosswalk.controls: 42001 control ${m.iso42001} does not exist`);
      if (mapped.has(m.iso42001)) problems.push(`${CROSSWALK_FILE}: crosswalk.controls: ${m.iso42001} is mapped twice`);
      mapped.add(m.iso42001);
      for (const c of m.iso27001) if (!byRef.has(`27001:${c}`)) problems.push(`${CROSSWALK_FILE}: crosswalk.controls.${m.iso42001}: 27001 control ${c} does not exist`);
    }
    for (const e of entries) {
      if (e.standard === '42001' && e.kind === 'control' && !mapped.has(e.id)) problems.push(`${CROSSWALK_FILE}: crosswalk.controls: 42001 control ${e.id} has no mapping (use an empty list for none)`);
    }
  }

  if (problems.length) throw new KnowledgeLoadError(problems);
  return { entries, byRef, groups, crosswalk: crosswalk! };
}

const PLACEHOLDER = /\bTODO\b|\bTBD\b|lorem ipsum/i;

/** Clauses and controls need the full set of guidance; every entry needs a real summary. */
function checkEntryCompleteness(e: KnowledgeEntry, problems: string[]): void {
  const where = `${e.source}: entries.${e.id}`;
  const texts = [e.summary, e.guidance ?? '', e.amendment ?? '', ...e.evidence, ...e.questions];
  if (texts.some((t) => PLACEHOLDER.test(t))) problems.push(`${where}: contains a placeholder (TODO/TBD)`);
  if (e.kind === 'clause' || e.kind === 'control') {
    if (!e.guidance) problems.push(`${where}.guidance: required for a ${e.kind}`);
    if (e.evidence.length < 2) problems.push(`${where}.evidence: give at least 2 examples of evidence`);
    if (e.questions.length < 2 || e.questions.length > 4) problems.push(`${where}.questions: give 2-3 readiness questions`);
    if (e.keywords.length < 2) problems.push(`${where}.keywords: give at least 2 words people use for it`);
  }
  if (e.kind === 'topic' && !e.guidance) problems.push(`${where}.guidance: required for a topic (the detailed answer)`);
}
