/**
 * Which area of a standard a clause or control belongs to: clauses by their top-level clause
 * (`Clause 6 Planning`), 27001 Annex A controls by theme (`A.8 Technological controls`), 42001
 * Annex A controls by objective group (`A.7 Data for AI systems`). The gap-check breakdown and the
 * coverage rule for quick checks are both stated in these terms.
 */
import type { KnowledgeBase } from '../knowledge/load.js';
import type { KnowledgeEntry } from '../knowledge/schema.js';

export interface Area {
  /** `27001:clause:6`, `27001:theme:technological`, `42001:group:A.7`. */
  key: string;
  label: string;
  /** Sorts clauses 4-10 first, then Annex A in its order. */
  order: number;
}

const THEME_AREAS: Record<string, { label: string; order: number }> = {
  organizational: { label: 'A.5 Organizational controls', order: 5 },
  people: { label: 'A.6 People controls', order: 6 },
  physical: { label: 'A.7 Physical controls', order: 7 },
  technological: { label: 'A.8 Technological controls', order: 8 },
};

/** The area of a knowledge entry, or undefined for entries that are not clauses or controls. */
export function areaOfEntry(kb: KnowledgeBase, e: KnowledgeEntry): Area | undefined {
  if (!e.standard) return undefined;
  if (e.kind === 'clause') {
    const top = e.id.split('.')[0]!;
    const title = kb.byRef.get(`${e.standard}:${top}`)?.title ?? '';
    return { key: `${e.standard}:clause:${top}`, label: `Clause ${top} ${title}`.trim(), order: Number(top) };
  }
  if (e.kind === 'control' && e.standard === '27001' && e.theme) {
    const t = THEME_AREAS[e.theme]!;
    return { key: `27001:theme:${e.theme}`, label: t.label, order: 100 + t.order };
  }
  if (e.kind === 'control' && e.standard === '42001' && e.group) {
    const g = kb.groups.find((x) => x.standard === '42001' && x.id === e.group);
    return { key: `42001:group:${e.group}`, label: `${e.group} ${g?.title ?? ''}`.trim(), order: 100 + Number(e.group.slice(2)) };
  }
  return undefined;
}

export function areaOfRef(kb: KnowledgeBase, ref: string): Area | undefined {
  const e = kb.byRef.get(ref);
  return e ? areaOfEntry(kb, e) : undefined;
}

/** Every area of a standard a quick check must reach: clauses 4-10 and each Annex A theme or group. */
export function areasOfStandard(kb: KnowledgeBase, standard: string): Area[] {
  const seen = new Map<string, Area>();
  for (const e of kb.entries) {
    if (e.standard !== standard || (e.kind !== 'clause' && e.kind !== 'control') || e.organization) continue;
    const a = areaOfEntry(kb, e);
    if (a && !seen.has(a.key)) seen.set(a.key, a);
  }
  return [...seen.values()].sort((a, b) => a.order - b.order);
}
