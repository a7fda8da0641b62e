/**
 * The risk forms, defined once in the core: Slack shows them as a modal, Teams as a card, the
 * terminal asks field by field. Form ids: `risk` (log a risk), `risk:edit:<id>`, `risk:close:<id>`.
 *
 * A submitted form becomes the same `field=value` pairs a typed command gives, so a form accepts
 * and refuses exactly what the command does.
 */
import type { FormField, FormView } from '../views/view.js';
import { IMPACT_WORDS, LIKELIHOOD_WORDS } from './matrix.js';
import type { FieldArg } from './parse-args.js';
import { LIMITS, TREATMENTS, type Risk, type RiskChanges } from './risk.js';

export const NEW_RISK_FORM_ID = 'risk';
export const EDIT_FORM_PREFIX = 'risk:edit:';
export const CLOSE_FORM_PREFIX = 'risk:close:';

type FormValues = Record<string, string | string[] | undefined>;

/** Form field id -> risk field. */
const FORM_FIELDS: Record<string, keyof RiskChanges> = {
  title: 'title',
  description: 'description',
  likelihood: 'likelihood',
  impact: 'impact',
  owner: 'owner',
  controls: 'controls',
  standards: 'standards',
  treatment: 'treatment',
  treatmentPlan: 'treatmentPlan',
  due: 'due',
  status: 'status',
  residualLikelihood: 'residualLikelihood',
  residualImpact: 'residualImpact',
};

const scale = (words: readonly string[], unrated: boolean) => [
  ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} ${words[n]}` })),
  ...(unrated ? [{ value: 'none', label: 'not rated' }] : []),
];

function fields(edit: boolean): FormField[] {
  return [
    { id: 'title', label: 'What could go wrong?', type: 'text', required: !edit, maxLength: LIMITS.title, placeholder: 'Laptops are not encrypted' },
    { id: 'description', label: 'Details', type: 'textarea', required: false, maxLength: LIMITS.description, ...(edit ? { hint: 'type none to clear' } : {}) },
    { id: 'likelihood', label: 'Likelihood', type: 'select', required: false, options: scale(LIKELIHOOD_WORDS, edit) },
    { id: 'impact', label: 'Impact', type: 'select', required: false, options: scale(IMPACT_WORDS, edit) },
    { id: 'owner', label: 'Owner', type: 'user', required: false, placeholder: '@name', hint: 'who answers for treating it' },
    { id: 'controls', label: 'Controls', type: 'text', required: false, placeholder: 'A.8.1, A.8.24', hint: 'leave empty and I will suggest some' },
    { id: 'standards', label: 'Standards', type: 'multiselect', required: false, options: [{ value: '27001', label: 'ISO/IEC 27001' }, { value: '42001', label: 'ISO/IEC 42001' }] },
    { id: 'treatment', label: 'Treatment', type: 'select', required: false, options: TREATMENTS.map((t) => ({ value: t, label: t })) },
    { id: 'treatmentPlan', label: 'Treatment plan', type: 'textarea', required: false, maxLength: LIMITS.treatmentPlan },
    { id: 'due', label: 'Due / next review', type: 'date', required: false, placeholder: 'YYYY-MM-DD' },
  ];
}

/** Initial values of a form from a change (prefilled fields of `/risk add control=A.5.15`). */
function initials(form: FormField[], values: RiskChanges): FormField[] {
  const initial = (id: string): string | string[] | undefined => {
    const f = FORM_FIELDS[id];
    const v = f ? values[f] : undefined;
    if (v === undefined || v === null) return undefined;
    if (f === 'owner') return (v as { id: string }).id;
    if (f === 'standards') return v as string[];
    if (Array.isArray(v)) return v.join(', ');
    return String(v);
  };
  return form.map((field) => {
    const v = initial(field.id);
    return v === undefined || (Array.isArray(v) && !v.length) ? field : { ...field, initial: v };
  });
}

export function newRiskForm(prefill: RiskChanges = {}): FormView {
  return { kind: 'form', id: NEW_RISK_FORM_ID, title: 'Log a risk', submitLabel: 'Log it', fields: initials(fields(false), prefill) };
}

export function editRiskForm(risk: Risk): FormView {
  const all: FormField[] = [
    ...fields(true),
    { id: 'status', label: 'Status', type: 'select', required: false, options: [{ value: 'open', label: 'open' }, { value: 'treating', label: 'treating' }], hint: 'accept and close have their own commands' },
    { id: 'residualLikelihood', label: 'Residual likelihood (after treatment)', type: 'select', required: false, options: scale(LIKELIHOOD_WORDS, true) },
    { id: 'residualImpact', label: 'Residual impact (after treatment)', type: 'select', required: false, options: scale(IMPACT_WORDS, true) },
  ];
  const current: RiskChanges = { ...risk, status: risk.status === 'open' || risk.status === 'treating' ? risk.status : undefined };
  return { kind: 'form', id: `${EDIT_FORM_PREFIX}${risk.id}`, title: `Edit ${risk.id}`, submitLabel: 'Save', fields: initials(all, current) };
}

export function closeRiskForm(risk: Risk): FormView {
  return {
    kind: 'form',
    id: `${CLOSE_FORM_PREFIX}${risk.id}`,
    title: `Close ${risk.id}`,
    submitLabel: 'Close it',
    fields: [{ id: 'reason', label: 'Why is it closed?', type: 'textarea', required: true, maxLength: LIMITS.reason, placeholder: 'All laptops now encrypted with BitLocker; checked 2026-12-01' }],
  };
}

/** Submitted values as `field=value` pairs; empty values are left out (no change). */
export function formToFieldArgs(values: FormValues): FieldArg[] {
  const out: FieldArg[] = [];
  for (const [id, raw] of Object.entries(values)) {
    // Own keys only: a submitted input named "constructor" is not a field.
    const field = Object.hasOwn(FORM_FIELDS, id) ? FORM_FIELDS[id] : undefined;
    if (!field || raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(',') : raw;
    if (!value.trim()) continue;
    out.push({ field, key: id, value });
  }
  return out;
}

export function formValue(values: FormValues, id: string): string {
  const v = values[id];
  return (Array.isArray(v) ? v.join(' ') : (v ?? '')).trim();
}
