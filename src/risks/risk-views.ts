/**
 * Risks -> views: the risk card (one risk, its facts and history) and list rows. Pure; every
 * string is plain text and the renderers escape it, so a title like `<!channel>` shows as typed.
 */
import type { KnowledgeBase } from '../knowledge/load.js';
import type { Standard } from '../knowledge/schema.js';
import { STANDARD_NAMES, linkOf } from '../knowledge/entry-card.js';
import type { Action, Field, RefLink, RiskCardView, RiskRow } from '../views/view.js';
import { controlLabel } from './controls.js';
import { FIELD_LABELS } from './field-values.js';
import { IMPACT_WORDS, LEVEL_NAMES, LIKELIHOOD_WORDS } from './matrix.js';
import type { HistoryEntry, Person, Risk, RiskFieldName } from './risk.js';

const PLATFORM_NAMES: Record<Risk['origin']['platform'], string> = { slack: 'Slack', teams: 'Teams', cli: 'terminal' };

/** History shown on a card; the export has all of it. */
export const CARD_HISTORY_LINES = 25;

/** `2026-11-28 10:02 UTC`. */
export function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const shortRef = (ref: string): string => ref.replace(':', ' ');
const short = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function ratingText(value: number | null, words: readonly string[]): string {
  return value === null ? 'not rated' : `${value} (${words[value]})`;
}

/** The level the card shows. An unrated risk is drawn as medium (it needs attention) and says so in words. */
export function levelOfRisk(risk: Risk): { level: RiskCardView['level']; levelText: string } {
  if (!risk.rating) return { level: 'medium', levelText: 'Not rated yet' };
  return { level: risk.rating.level, levelText: `${LEVEL_NAMES[risk.rating.level]} (${risk.rating.score})` };
}

export function statusText(risk: Risk): string {
  return risk.withdrawn ? 'withdrawn' : risk.status;
}

function valueText(field: RiskFieldName, value: unknown): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return '(none)';
  switch (field) {
    case 'owner':
      return (value as Person).name;
    case 'controls':
      return (value as string[]).map(shortRef).join(', ');
    case 'standards':
      return (value as string[]).join(', ');
    case 'title':
      return `"${short(String(value))}"`;
    case 'description':
    case 'treatmentPlan':
      return `"${short(String(value), 40)}"`;
    default:
      return String(value);
  }
}

/** The starting values a "logged it" line names; the rest is on the card. */
const CREATE_FACTS: RiskFieldName[] = ['likelihood', 'impact', 'owner', 'controls', 'treatment', 'due', 'residualLikelihood', 'residualImpact'];

/** One line per change: `2026-11-28 10:02 UTC Sam (owner): likelihood 3 -> 4; owner (none) -> Alex`. */
export function historyLine(h: HistoryEntry): string {
  const who = `${formatTime(h.at)} ${h.by.name}${h.role && h.type !== 'create' ? ` (${h.role})` : ''}`;
  const changes = h.changes.map((c) => `${FIELD_LABELS[c.field]} ${valueText(c.field, c.from)} -> ${valueText(c.field, c.to)}`).join('; ');
  switch (h.type) {
    case 'create': {
      const facts = h.changes.filter((c) => CREATE_FACTS.includes(c.field)).map((c) => `${FIELD_LABELS[c.field]} ${valueText(c.field, c.to)}`);
      return `${who}: logged it${facts.length ? ` (${facts.join(', ')})` : ''}`;
    }
    case 'update':
      return `${who}: ${changes}`;
    case 'close':
      return `${who}: closed it. Reason: ${h.reason ?? ''}`;
    case 'accept':
      return `${who}: accepted the residual risk${h.accepted ? `, ${h.accepted.level} (${h.accepted.score}): likelihood ${h.accepted.likelihood}, impact ${h.accepted.impact}` : ''}`;
    case 'undo':
      return `${who}: undid logging it (withdrawn)`;
    default:
      return `${who}: ${h.type}`;
  }
}

function standardsText(list: readonly Standard[]): string {
  return list.length ? list.map((s) => STANDARD_NAMES[s]).join(', ') : 'not set';
}

/** The facts of a risk, in the order an auditor reads them. */
export function riskFields(kb: KnowledgeBase, risk: Risk): Field[] {
  const fields: Field[] = [
    { label: 'Owner', value: risk.owner ? risk.owner.name : 'not set' },
    { label: 'Logged by', value: `${risk.reporter.name}, ${formatTime(risk.createdAt)}` },
    { label: 'Likelihood', value: ratingText(risk.likelihood, LIKELIHOOD_WORDS) },
    { label: 'Impact', value: ratingText(risk.impact, IMPACT_WORDS) },
    {
      label: 'Residual',
      value: risk.residualRating ? `${LEVEL_NAMES[risk.residualRating.level]} (${risk.residualRating.score}): likelihood ${risk.residualLikelihood}, impact ${risk.residualImpact}` : 'not rated',
    },
    { label: 'Treatment', value: risk.treatment ?? 'not decided' },
  ];
  if (risk.treatmentPlan) fields.push({ label: 'Treatment plan', value: risk.treatmentPlan });
  if (risk.due) fields.push({ label: 'Due / next review', value: risk.due });
  fields.push({ label: 'Controls', value: risk.controls.length ? risk.controls.map((r) => controlLabel(kb, r)).join('; ') : 'none linked' });
  fields.push({ label: 'Standards', value: standardsText(risk.standards) });
  const o = risk.origin;
  const via = o.source && o.source !== 'command' && o.source !== 'form' ? `, from ${o.source}` : '';
  fields.push({ label: 'Raised in', value: `${PLATFORM_NAMES[o.platform]} workspace ${o.workspace}${o.channel ? `, channel ${o.channel}` : ''}${via}` });
  if (risk.origin.messageLink) fields.push({ label: 'Message', value: risk.origin.messageLink });
  if (risk.acceptance) {
    const a = risk.acceptance;
    fields.push({ label: 'Residual risk accepted', value: `by ${a.by.name}${a.role ? ` (${a.role})` : ''}, ${formatTime(a.at)}: ${a.level} (${a.score}), likelihood ${a.likelihood}, impact ${a.impact}` });
  }
  if (risk.closure) fields.push({ label: 'Closed', value: `by ${risk.closure.by.name}, ${formatTime(risk.closure.at)}: ${risk.closure.reason}` });
  if (risk.withdrawn) fields.push({ label: 'Withdrawn', value: `by ${risk.withdrawn.by.name}, ${formatTime(risk.withdrawn.at)} (undo right after logging)` });
  fields.push({ label: 'Updated', value: formatTime(risk.updatedAt) });
  return fields;
}

export function suggestionLinks(kb: KnowledgeBase, risk: Risk): RefLink[] {
  if (risk.controls.length) return [];
  return risk.suggestedControls.map((r) => kb.byRef.get(r)).filter((e) => e !== undefined).map(linkOf);
}

export interface CardOptions {
  /** The viewer may change this risk (owner, reporter, admin): offer the actions that write. */
  canChange: boolean;
  /** Just logged by the viewer: offer undo. */
  justLogged?: boolean;
  history?: boolean;
}

export function riskActions(kb: KnowledgeBase, risk: Risk, options: CardOptions): Action[] {
  if (risk.withdrawn) return [{ label: 'List risks', command: '/risk list' }];
  const actions: Action[] = [];
  if (options.canChange) {
    actions.push({ label: 'Edit', command: `/risk update ${risk.id}` });
    const suggested = suggestionLinks(kb, risk);
    if (suggested.length) actions.push({ label: 'Link the suggested controls', command: `/risk update ${risk.id} control=${suggested.map((s) => s.ref).join(',')}` });
  }
  if (options.justLogged) actions.push({ label: 'Undo', command: `/risk undo ${risk.id}`, style: 'danger' });
  if (options.canChange && !options.justLogged) {
    if (risk.status === 'closed') actions.push({ label: 'Reopen', command: `/risk update ${risk.id} status=open` });
    else {
      if (risk.status !== 'accepted') actions.push({ label: 'Accept residual risk', command: `/risk accept ${risk.id}` });
      actions.push({ label: 'Close', command: `/risk close ${risk.id}`, style: 'danger' });
    }
  }
  actions.push({ label: 'List risks', command: '/risk list' });
  return actions;
}

export function riskCard(kb: KnowledgeBase, risk: Risk, options: CardOptions): RiskCardView {
  const suggestions = suggestionLinks(kb, risk);
  const lines = risk.history.map(historyLine);
  const history = lines.length > CARD_HISTORY_LINES ? [`(${lines.length - CARD_HISTORY_LINES} earlier changes: see /risk export)`, ...lines.slice(-CARD_HISTORY_LINES)] : lines;
  return {
    kind: 'risk-card',
    id: risk.id,
    title: risk.title,
    ...levelOfRisk(risk),
    status: statusText(risk),
    fields: riskFields(kb, risk),
    ...(risk.description ? { description: risk.description } : {}),
    ...(suggestions.length ? { suggestions } : {}),
    ...(options.history === false ? {} : { history }),
    actions: riskActions(kb, risk, options),
  };
}

export function riskRow(risk: Risk): RiskRow {
  return { id: risk.id, title: risk.title, ...levelOfRisk(risk), status: statusText(risk), owner: risk.owner?.name ?? 'not set' };
}
