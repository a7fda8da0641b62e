/**
 * Checks a Block Kit payload against Slack's published limits and the escaping rule, independently
 * of the renderer's own constants (the numbers are written out again here on purpose). Returns
 * the problems found, so a test can show all of them at once.
 */
const MAX = {
  message: 50,
  surface: 100,
  sectionText: 3000,
  field: 2000,
  fields: 10,
  header: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  optionText: 75,
  options: 100,
  modalTitle: 24,
  label: 2000,
};

/** mrkdwn must not contain a raw `<` `>` or an `&` that does not start an entity (user text is escaped). */
const UNESCAPED = /[<>]|&(?!(?:amp|lt|gt);)/;

type Json = Record<string, unknown>;

export function blockProblems(blocks: unknown[], surface: 'message' | 'modal' | 'home' = 'message', allow: RegExp[] = []): string[] {
  const problems: string[] = [];
  const max = surface === 'message' ? MAX.message : MAX.surface;
  if (blocks.length > max) problems.push(`${blocks.length} blocks (max ${max})`);
  const checkText = (where: string, t: Json | undefined, limit: number) => {
    if (!t) return;
    const text = String(t.text ?? '');
    if (text.length > limit) problems.push(`${where}: ${text.length} characters (max ${limit})`);
    if (text.length === 0) problems.push(`${where}: empty text`);
    if (t.type === 'mrkdwn') {
      const stripped = allow.reduce((s, re) => s.replace(re, ''), text);
      if (UNESCAPED.test(stripped)) problems.push(`${where}: unescaped markup in ${JSON.stringify(text.slice(0, 80))}`);
    }
  };
  const checkElement = (where: string, el: Json, ids: Set<string>) => {
    if (typeof el.action_id === 'string') {
      if (el.action_id.length > MAX.actionId) problems.push(`${where}: action_id too long`);
      if (ids.has(el.action_id)) problems.push(`${where}: duplicate action_id ${el.action_id}`);
      ids.add(el.action_id);
    }
    if (el.type === 'button') {
      checkText(`${where} button`, el.text as Json, MAX.buttonText);
      if (typeof el.value === 'string' && el.value.length > MAX.buttonValue) problems.push(`${where}: button value too long`);
    }
    const options = (el.options as Json[] | undefined) ?? [];
    if (options.length > MAX.options) problems.push(`${where}: ${options.length} options`);
    for (const o of options) checkText(`${where} option`, o.text as Json, MAX.optionText);
  };
  blocks.forEach((raw, i) => {
    const b = raw as Json;
    const where = `block ${i} (${String(b.type)})`;
    const ids = new Set<string>();
    if (typeof b.block_id === 'string' && b.block_id.length > MAX.blockId) problems.push(`${where}: block_id too long`);
    switch (b.type) {
      case 'section': {
        checkText(where, b.text as Json | undefined, MAX.sectionText);
        const fields = (b.fields as Json[] | undefined) ?? [];
        if (fields.length > MAX.fields) problems.push(`${where}: ${fields.length} fields`);
        fields.forEach((f, j) => checkText(`${where} field ${j}`, f, MAX.field));
        if (!b.text && !fields.length) problems.push(`${where}: neither text nor fields`);
        if (b.accessory) checkElement(where, b.accessory as Json, ids);
        break;
      }
      case 'header':
        checkText(where, b.text as Json, MAX.header);
        break;
      case 'context': {
        const els = b.elements as Json[];
        if (els.length > MAX.contextElements) problems.push(`${where}: ${els.length} elements`);
        els.forEach((e, j) => checkText(`${where} element ${j}`, e, MAX.sectionText));
        break;
      }
      case 'actions': {
        const els = b.elements as Json[];
        if (els.length > MAX.actionsElements) problems.push(`${where}: ${els.length} elements`);
        if (!els.length) problems.push(`${where}: no elements`);
        els.forEach((e, j) => checkElement(`${where} element ${j}`, e, ids));
        break;
      }
      case 'input':
        checkText(`${where} label`, b.label as Json, MAX.label);
        checkElement(where, b.element as Json, ids);
        break;
      case 'divider':
        break;
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  return problems;
}
