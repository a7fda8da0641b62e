/**
 * Turns knowledge entries into what an answer shows: the citation, the related entries split into
 * "same standard" and "other standard" (the crosswalk, with the note that it is our judgement).
 */
import type { KnowledgeBase } from './load.js';
import type { KnowledgeEntry, Standard } from './schema.js';
import type { EntryCard, Field, RefLink } from '../views/view.js';

export const STANDARD_NAMES: Record<Standard, string> = {
  '27001': 'ISO/IEC 27001:2022',
  '42001': 'ISO/IEC 42001:2023',
};

/** `A.5.15 Access control`, `Clause 6.1.2 AI risk assessment`, or a topic's title. */
export function labelOf(e: KnowledgeEntry): string {
  if (e.kind === 'topic') return e.title;
  if (e.kind === 'clause') return `${e.standard} clause ${e.id} ${e.title}`;
  return `${e.standard} ${e.id} ${e.title}`;
}

export function citationOf(e: KnowledgeEntry): string {
  if (e.kind === 'topic') return `Annex knowledge base · ${e.organization ? 'your organization' : 'topic'} "${e.id}"`;
  const std = STANDARD_NAMES[e.standard as Standard];
  const what = e.kind === 'clause' ? `clause ${e.id}` : e.kind === 'control' ? `Annex A control ${e.id}` : `Annex C ${e.id}`;
  return `${std} · ${what}`;
}

export function linkOf(e: KnowledgeEntry): RefLink {
  return { ref: e.ref, label: labelOf(e), standard: e.standard };
}

/** Entries linked to `e` in the other standard: its own related refs plus the crosswalk. */
function crosswalkRefs(kb: KnowledgeBase, e: KnowledgeEntry): { refs: string[]; judgement: boolean } {
  const refs: string[] = [];
  let judgement = false;
  if (e.standard === '42001' && e.kind === 'control') {
    const m = kb.crosswalk.controls.find((c) => c.iso42001 === e.id);
    if (m?.iso27001.length) judgement = true;
    for (const c of m?.iso27001 ?? []) refs.push(`27001:${c}`);
  }
  if (e.standard === '27001' && e.kind === 'control') {
    for (const m of kb.crosswalk.controls) if (m.iso27001.includes(e.id)) {
      refs.push(`42001:${m.iso42001}`);
      judgement = true;
    }
  }
  if (e.kind === 'clause' && e.standard) {
    const pair = kb.crosswalk.clauses.find((p) => (e.standard === '42001' ? p.iso42001 === e.id : p.iso27001 === e.id));
    const other = e.standard === '42001' ? pair?.iso27001 : pair?.iso42001;
    if (other) refs.push(`${e.standard === '42001' ? '27001' : '42001'}:${other}`);
  }
  return { refs, judgement };
}

function factsOf(e: KnowledgeEntry): Field[] {
  const facts: Field[] = [];
  if (e.theme) facts.push({ label: 'Theme', value: `${e.theme[0]!.toUpperCase()}${e.theme.slice(1)} controls` });
  if (e.newIn2022) facts.push({ label: 'New in 2022', value: 'yes, this control did not exist in the 2013 edition' });
  if (e.replaces2013?.length) facts.push({ label: 'Replaces (2013)', value: e.replaces2013.join(', ') });
  if (e.group) facts.push({ label: 'Objective group', value: e.group });
  if (e.amendment) facts.push({ label: 'Amendment', value: e.amendment });
  if (e.organization) facts.push({ label: 'Source', value: 'your organization\'s own knowledge entry' });
  return facts;
}

export function entryCard(kb: KnowledgeBase, e: KnowledgeEntry): EntryCard {
  const cross = crosswalkRefs(kb, e);
  const otherStandard = (x: KnowledgeEntry) => x.standard !== null && e.standard !== null && x.standard !== e.standard;
  const relatedEntries = e.related.map((r) => kb.byRef.get(r)).filter((x): x is KnowledgeEntry => x !== undefined);
  // Organization entries that point at this one show up next to it.
  const orgEntries = kb.entries.filter((x) => x.organization && x.related.includes(e.ref));
  const crossRefs = new Set([...cross.refs, ...relatedEntries.filter(otherStandard).map((x) => x.ref)]);
  const crosswalk = [...crossRefs].map((r) => kb.byRef.get(r)).filter((x): x is KnowledgeEntry => x !== undefined);
  return {
    ref: e.ref,
    standard: e.standard,
    id: e.id,
    title: e.title,
    citation: citationOf(e),
    summary: e.summary,
    ...(e.guidance ? { guidance: e.guidance } : {}),
    evidence: e.evidence,
    questions: e.questions,
    related: [...orgEntries, ...relatedEntries.filter((x) => !otherStandard(x))].map(linkOf),
    crosswalk: crosswalk.map(linkOf),
    ...(cross.judgement ? { crosswalkNote: 'control mapping between the standards is Annex\'s own judgement, not an official crosswalk' } : {}),
    facts: factsOf(e),
  };
}
