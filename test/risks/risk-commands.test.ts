/**
 * `/risk` as people use it, through `bot.handle` on a real app (SQLite file, shipped knowledge):
 * transcripts of "user says" / "bot answers" for each command, bad input and permissions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Turn } from '../../src/turn.js';
import { renderReplyText } from '../../src/views/text.js';
import type { FileView, FormView, Reply, RiskCardView, RiskListView, View } from '../../src/views/view.js';
import { createTestApp, turn, type TestApp } from '../helpers/app.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ env: { ANNEX_RISK_ADMINS: 'T-test:U-lead' } });
});
afterEach(async () => {
  await app.dispose();
});

const SAM = { id: 'U-sam', name: 'Sam' };
const ALEX = { id: 'U-alex', name: 'Alex' };
const LEAD = { id: 'U-lead', name: 'Lee' };

async function say(text: string, overrides: Partial<Turn> = {}): Promise<Reply> {
  return app.bot.handle(turn(text, overrides));
}
const as = (user: { id: string; name: string }) => ({ user });
const text = (r: Reply): string => renderReplyText(r.views);
function only<K extends View['kind']>(r: Reply, kind: K): Extract<View, { kind: K }> {
  const v = r.views.find((x) => x.kind === kind);
  if (!v) throw new Error(`no ${kind} view in: ${text(r)}`);
  return v as Extract<View, { kind: K }>;
}
const card = (r: Reply) => only(r, 'risk-card') as RiskCardView;
const field = (c: RiskCardView, label: string) => c.fields.find((f) => f.label === label)?.value;
async function count(): Promise<number> {
  return (only(await say('/risk list all'), 'risk-list') as RiskListView).total;
}

describe('the "done when" of the issue', () => {
  it('logs, lists and shows a risk with level, suggested controls and history, keeps it over a restart, and refuses likelihood=banana', async () => {
    const added = await say('/risk add "Laptops are not encrypted" likelihood=4 impact=4 owner=@sam');
    const id = card(added).id;
    expect(card(added)).toMatchObject({ title: 'Laptops are not encrypted', level: 'high', levelText: 'High (16)', status: 'open' });
    expect(field(card(added), 'Owner')).toBe('sam');
    expect(card(added).actions.map((a) => a.command)).toEqual(expect.arrayContaining([`/risk update ${id}`, `/risk undo ${id}`]));

    const list = only(await say('/risk list'), 'risk-list') as RiskListView;
    expect(list.items).toEqual([{ id, title: 'Laptops are not encrypted', level: 'high', levelText: 'High (16)', status: 'open', owner: 'sam' }]);

    const shown = card(await say(`/risk show ${id}`));
    expect(shown.levelText).toBe('High (16)');
    const suggested = (shown.suggestions ?? []).map((s) => s.ref);
    expect(suggested).toEqual(expect.arrayContaining(['27001:A.8.1', '27001:A.8.24']));
    expect(shown.history).toEqual(['2026-11-28 10:00 UTC Sam: logged it (likelihood 4, impact 4, owner sam)']);

    const dir = app.dir;
    await app.close();
    app = { ...(await createTestApp({ dir })), dispose: app.dispose };
    const afterRestart = card(await say(`/risk show ${id}`));
    expect(afterRestart).toMatchObject({ id, title: 'Laptops are not encrypted', levelText: 'High (16)' });

    const banana = await say(`/risk update ${id} likelihood=banana`);
    expect(only(banana, 'error').code).toBe('BAD_INPUT');
    expect(text(banana)).toMatch(/likelihood must be a number from 1 to 5, or a word: rare \(1\), unlikely \(2\), possible \(3\), likely \(4\), almost certain \(5\)/);
    expect(text(banana)).toContain('"banana" is none of these');
    expect(text(banana)).toContain('Nothing was changed');
    const unchanged = card(await say(`/risk show ${id}`));
    expect(field(unchanged, 'Likelihood')).toBe('4 (likely)');
    expect(unchanged.history).toHaveLength(1);
  });
});

describe('/risk add', () => {
  it.each([
    ['/risk add Laptops are not encrypted likelihood:high impact: major', { title: 'Laptops are not encrypted', likelihood: '4 (likely)', impact: '4 (major)' }],
    ["/risk add 'Shared admin password' l=5 i=very high treatment=reduce", { title: 'Shared admin password', likelihood: '5 (almost certain)', impact: '5 (severe)', treatment: 'mitigate' }],
    ['/risk add “No DPA with the vendor” likelihood = 2 standard=27001', { title: 'No DPA with the vendor', likelihood: '2 (unlikely)', standards: 'ISO/IEC 27001:2022' }],
    ['/risk add Backup: never tested due=2027-01-31 control=A.8.13', { title: 'Backup: never tested', due: '2027-01-31', controls: '27001 A.8.13 Information backup' }],
  ])('reads %s', async (command, expected) => {
    const c = card(await say(command));

    expect(c.title).toBe(expected.title);
    if ('likelihood' in expected) expect(field(c, 'Likelihood')).toBe(expected.likelihood);
    if ('impact' in expected) expect(field(c, 'Impact')).toBe(expected.impact);
    if ('treatment' in expected) expect(field(c, 'Treatment')).toBe(expected.treatment);
    if ('standards' in expected) expect(field(c, 'Standards')).toBe(expected.standards);
    if ('due' in expected) expect(field(c, 'Due / next review')).toBe(expected.due);
    if ('controls' in expected) expect(field(c, 'Controls')).toBe(expected.controls);
  });

  it('accepts control ids in every notation and checks them against the knowledge base', async () => {
    const c = card(await say('/risk add "Access not reviewed" control=A.5.15,5.18 control=27001:A.8.2 controls:"42001 A.9.2"'));

    expect(field(c, 'Controls')).toBe('27001 A.5.15 Access control; 27001 A.5.18 Access rights; 27001 A.8.2 Privileged access rights; 42001 A.9.2 Processes for responsible use of AI systems');
    expect(field(c, 'Standards')).toBe('ISO/IEC 27001:2022, ISO/IEC 42001:2023');
    expect(c.suggestions).toBeUndefined();
  });

  it('logs free text such as "log a risk: ..." and suggests controls', async () => {
    const r = await say('log a risk: our vendor has no SOC 2 report');

    expect(card(r).title).toBe('our vendor has no SOC 2 report');
    expect(card(r).levelText).toBe('Not rated yet');
    expect((card(r).suggestions ?? []).map((s) => s.ref)).toContain('27001:A.5.19');
    expect(only(r, 'notice').text).toMatch(/^Logged R-\w+ in the risk register/);
  });

  it('records where a risk was raised', async () => {
    const c = card(await say('/risk add Test origin', { platform: 'slack', workspace: 'T-test', conversation: 'C42', origin: { channel: 'C42', messageLink: 'https://acme.slack.com/archives/C42/p123' } }));

    expect(field(c, 'Raised in')).toBe('Slack workspace T-test, channel C42');
    expect(field(c, 'Message')).toBe('https://acme.slack.com/archives/C42/p123');
  });

  it('returns the same risk when a delivery is retried with the same event id', async () => {
    const first = card(await say('/risk add Retried risk', { eventId: 'Ev1' }));
    const again = await say('/risk add Retried risk', { eventId: 'Ev1' });

    expect(card(again).id).toBe(first.id);
    expect(only(again, 'notice').text).toContain('already logged');
    expect(await count()).toBe(1);
  });

  it('gives a form when there is no title, prefilled with the fields that were given', async () => {
    const bare = only(await say('/risk'), 'form') as FormView;
    const prefilled = only(await say('/risk add control=27001:A.5.15 likelihood=low'), 'form') as FormView;

    expect(bare).toMatchObject({ id: 'risk', title: 'Log a risk' });
    expect(bare.fields.map((f) => f.id)).toEqual(['title', 'description', 'likelihood', 'impact', 'owner', 'controls', 'standards', 'treatment', 'treatmentPlan', 'due']);
    expect(prefilled.fields.find((f) => f.id === 'controls')?.initial).toBe('27001:A.5.15');
    expect(prefilled.fields.find((f) => f.id === 'likelihood')?.initial).toBe('2');
    expect(await count()).toBe(0);
  });

  it('logs a risk from a submitted form, and shows the form again with the reason when a value is wrong', async () => {
    const bad = await app.bot.handle(turn('', { text: undefined, form: { id: 'risk', values: { title: 'From the form', likelihood: '9', owner: '@alex' } } }));
    expect(only(bad, 'error').message).toMatch(/likelihood is rated in whole numbers from 1 to 5, so 9 does not fit/);
    expect((only(bad, 'form') as FormView).fields.find((f) => f.id === 'title')?.initial).toBe('From the form');
    expect(await count()).toBe(0);

    const good = await app.bot.handle(turn('', { text: undefined, form: { id: 'risk', values: { title: 'From the form', likelihood: '3', impact: '2', owner: '@alex', standards: ['42001'], controls: '' } } }));
    expect(card(good)).toMatchObject({ title: 'From the form', levelText: 'Medium (6)' });
    expect(field(card(good), 'Owner')).toBe('alex');
    expect(field(card(good), 'Standards')).toBe('ISO/IEC 42001:2023');
  });

  it('refuses a 10,000-character title, an unknown control and an unknown field, storing nothing', async () => {
    const long = await app.bot.handle(turn('', { text: undefined, form: { id: 'risk', values: { title: 'x'.repeat(10_000) } } }));
    const typedLong = await say(`/risk add ${'y'.repeat(10_000)}`);
    const control = await say('/risk add "Weak crypto" control=A.5.99');
    const ambiguous = await say('/risk add "Roles unclear" control=A.5.2');
    const unknown = await say('/risk add "Typo" likelyhood=3');

    expect(only(long, 'error')).toMatchObject({ code: 'TOO_LONG' });
    expect(only(long, 'error').message).toContain('a title holds up to 200');
    expect(only(typedLong, 'error').code).toBe('TOO_LONG');
    expect(only(control, 'error').message).toBe('"A.5.99" is not a control or clause of ISO/IEC 27001:2022 or ISO/IEC 42001:2023.');
    expect(only(ambiguous, 'error').message).toBe('"A.5.2" exists in both standards: write 27001:A.5.2 or 42001:A.5.2.');
    expect(only(unknown, 'error').message).toBe('"likelyhood" is not a field (did you mean likelihood?).');
    expect(await count()).toBe(0);
  });

  it('reports every bad value of one command at once', async () => {
    const r = await say('/risk add "Two mistakes" likelihood=9 impact=banana treatment=ignore due=31/12/2026');

    expect(only(r, 'error').message).toMatch(/likelihood .* 9 does not fit.*impact must be .*"banana".*treatment must be one of avoid, mitigate, transfer, accept.*due must be a date/);
    expect(await count()).toBe(0);
  });

  it('stores markup as plain text and shows it as typed', async () => {
    const c = card(await say('/risk add "<!channel> ping <@U999> *bold*" owner=<@U123|sam>'));

    expect(c.title).toBe('<!channel> ping <@U999> *bold*');
    expect(field(c, 'Owner')).toBe('sam');
    const json = JSON.parse((only(await say('/risk export json'), 'file') as FileView).content);
    expect(json.risks[0].title).toBe('<!channel> ping <@U999> *bold*');
    expect(json.risks[0].owner).toEqual({ id: 'U123', name: 'sam' });
  });
});

describe('/risk list', () => {
  it('filters by mine, open, level, owner, control and standard', async () => {
    await say('/risk add "High one" likelihood=4 impact=4 owner=@alex control=A.8.1');
    await say('/risk add "Low one" likelihood=1 impact=2 control=42001:A.6.2.4', as(ALEX));
    await say('/risk add "Critical one" likelihood=5 impact=5 owner=me');
    const ids = (args: string) => say(`/risk list ${args}`).then((r) => (only(r, 'risk-list') as RiskListView).items.map((i) => i.title));

    expect(await ids('')).toEqual(['Critical one', 'High one', 'Low one']);
    expect(await ids('mine')).toEqual(['Critical one', 'High one']);
    expect(await ids('high+')).toEqual(['Critical one', 'High one']);
    expect(await ids('level=low')).toEqual(['Low one']);
    expect(await ids('owner=@alex')).toEqual(['High one']);
    expect(await ids('control=8.1')).toEqual(['High one']);
    expect(await ids('standard=42001')).toEqual(['Low one']);
    expect(await ids('27001 open')).toEqual(['High one']);
    const bad = await say('/risk list mien level=huge');
    expect(only(bad, 'error').message).toBe('"mien" is not a filter (did you mean mine?). level must be low, medium, high or critical (add + for "and above", e.g. high+), or unrated. "huge" is none of these.');
  });

  it('pages through a long register with next and previous actions that keep the filters', async () => {
    for (let i = 0; i < 23; i += 1) await say(`/risk add "Paged risk ${String(i).padStart(2, '0')}" likelihood=2 impact=2`);

    const first = only(await say('/risk list open'), 'risk-list') as RiskListView;
    expect(first).toMatchObject({ page: 1, pages: 3, total: 23 });
    expect(first.items).toHaveLength(10);
    const next = first.actions.find((a) => a.label === 'Next page')!;
    expect(next.command).toBe('/risk list status=open,treating page=2');
    const third = only(await app.bot.handle(turn('', { text: undefined, action: { command: '/risk list status=open,treating page=3' } })), 'risk-list') as RiskListView;
    expect(third.items).toHaveLength(3);
    expect(third.actions.map((a) => a.label)).toEqual(['Previous page', 'Export']);
    const seen = new Set<string>();
    for (const p of [1, 2, 3]) for (const i of (only(await say(`/risk list page=${p}`), 'risk-list') as RiskListView).items) seen.add(i.id);
    expect(seen.size).toBe(23);
  });
});

describe('/risk update, close, accept, undo', () => {
  async function logged(command = '/risk add "Guarded risk" likelihood=3 impact=3 owner=@U-alex'): Promise<string> {
    return card(await say(command)).id;
  }

  it('updates fields and shows what changed in the history', async () => {
    const id = await logged();
    app.setNow(new Date('2026-11-28T11:30:00Z'));
    const r = await say(`/risk update ${id} likelihood=4 owner=me plan="Roll out BitLocker" due=+30d`);

    expect(only(r, 'notice').text).toBe(`Updated ${id}: likelihood 3 -> 4; owner U-alex -> Sam; plan (none) -> "Roll out BitLocker"; due (none) -> 2026-12-28.`);
    expect(card(r).history).toEqual(['2026-11-28 10:00 UTC Sam: logged it (likelihood 3, impact 3, owner U-alex)', `2026-11-28 11:30 UTC Sam (reporter): likelihood 3 -> 4; owner U-alex -> Sam; plan (none) -> "Roll out BitLocker"; due (none) -> 2026-12-28`]);
  });

  it('explains likelihood=9 and words in a sentence, and changes nothing', async () => {
    const id = await logged();
    const nine = await say(`/risk update ${id} likelihood=9`);
    const loose = await say(`/risk update ${id} make it higher`);

    expect(only(nine, 'error').message).toMatch(/^likelihood is rated in whole numbers from 1 to 5, so 9 does not fit\. Use a number from 1 to 5, or a word: rare \(1\)/);
    expect(only(loose, 'error').message).toBe('In an update every change is field=value; I could not tell what "make", "it", "higher" is.');
    expect(card(await say(`/risk show ${id}`)).history).toHaveLength(1);
  });

  it('gives an edit form for /risk update <id>, and saves only what was changed in it', async () => {
    const id = await logged();
    const form = only(await say(`/risk update ${id}`), 'form') as FormView;
    expect(form.id).toBe(`risk:edit:${id}`);
    expect(form.fields.find((f) => f.id === 'likelihood')?.initial).toBe('3');

    const values = Object.fromEntries(form.fields.map((f) => [f.id, f.initial]));
    const saved = await app.bot.handle(turn('', { text: undefined, form: { id: form.id, values: { ...values, impact: '5' } } }));
    expect(only(saved, 'notice').text).toBe(`Updated ${id}: impact 3 -> 5.`);
  });

  it('tells someone who may not change a risk who can, and offers them no write actions', async () => {
    const id = await logged();
    const denied = await say(`/risk update ${id} likelihood=1`, as({ id: 'U-mallory', name: 'Mallory' }));
    const view = card(await say(`/risk show ${id}`, as({ id: 'U-mallory', name: 'Mallory' })));

    expect(only(denied, 'error')).toMatchObject({ code: 'FORBIDDEN', message: `Only ${id}'s owner (U-alex), the person who logged it (Sam) or a risk admin can update it.` });
    expect(view.actions.map((a) => a.label)).toEqual(['List risks']);
    expect((await say(`/risk update ${id} likelihood=1`, as(LEAD))).views[0]).toMatchObject({ kind: 'notice', tone: 'success' });
    expect((await say(`/risk update ${id} likelihood=2`, as(ALEX))).views[0]).toMatchObject({ kind: 'notice', tone: 'success' });
  });

  it('closes with a reason (a form when none is given) and accepts the residual risk, recording who and when', async () => {
    const closing = await logged();
    const accepting = await logged('/risk add "Accept me" likelihood=4 impact=4 owner=@U-alex');

    expect((only(await say(`/risk close ${closing}`), 'form') as FormView).id).toBe(`risk:close:${closing}`);
    const closed = await app.bot.handle(turn('', { text: undefined, form: { id: `risk:close:${closing}`, values: { reason: 'Laptops replaced' } } }));
    expect(card(closed).status).toBe('closed');
    expect(field(card(closed), 'Closed')).toBe('by Sam, 2026-11-28 10:00 UTC: Laptops replaced');
    expect((only(await say('/risk list'), 'risk-list') as RiskListView).items.map((i) => i.id)).toEqual([accepting]);

    await say(`/risk update ${accepting} residual_likelihood=2 residual_impact=2`, as(ALEX));
    const accepted = await say(`/risk accept ${accepting}`, as(ALEX));
    expect(only(accepted, 'notice').text).toBe(`Recorded: Alex (owner) accepted the residual risk of ${accepting}, Low (4), on 2026-11-28. This is the risk owner's acceptance ISO/IEC 27001 6.1.3 f) asks for.`);
    expect(field(card(accepted), 'Residual risk accepted')).toBe('by Alex (owner), 2026-11-28 10:00 UTC: Low (4), likelihood 2, impact 2');
    expect(card(accepted).history?.at(-1)).toBe('2026-11-28 10:00 UTC Alex (owner): accepted the residual risk, Low (4): likelihood 2, impact 2');
  });

  it('links the suggested controls with one click, after which none are suggested', async () => {
    const added = card(await say('/risk add "Laptops are not encrypted"'));
    const link = added.actions.find((a) => a.label === 'Link the suggested controls')!;
    const clicked = card(await app.bot.handle(turn('', { text: undefined, action: { command: link.command } })));

    expect(link.command).toBe(`/risk update ${added.id} control=${(added.suggestions ?? []).map((s) => s.ref).join(',')}`);
    expect(field(clicked, 'Controls')).toContain('27001 A.8.1');
    expect(clicked.suggestions).toBeUndefined();
    expect(clicked.actions.map((a) => a.label)).not.toContain('Link the suggested controls');
  });

  it('says so when someone other than the owner accepts a residual risk', async () => {
    const id = await logged('/risk add "Accepted by the reporter" likelihood=2 impact=2 owner=@U-alex');
    const r = await say(`/risk accept ${id}`);

    expect(only(r, 'notice').text).toBe(`Recorded: Sam (reporter) accepted the residual risk of ${id}, Low (4), on 2026-11-28. ISO/IEC 27001 6.1.3 f) asks for the risk owner's acceptance: U-alex, the owner, should confirm it.`);
  });

  it('lets the reporter undo a risk just logged, and nobody else', async () => {
    const id = await logged();

    expect(only(await say(`/risk undo ${id}`, as(ALEX)), 'error').message).toBe(`Only Sam, who logged ${id}, can undo it.`);
    expect(only(await say(`/risk undo ${id}`), 'notice').text).toContain(`Undone: ${id} is withdrawn`);
    expect(await count()).toBe(0);
    expect(card(await say(`/risk show ${id}`)).status).toBe('withdrawn');
  });

  it('answers an empty or unknown command with what to type', async () => {
    expect(only(await say('/risk show'), 'error').message).toBe('Which risk? Give its id: /risk show R-7K3F.');
    expect(only(await say('/risk update'), 'error').message).toBe('Which risk? Give its id: /risk update R-7K3F.');
    expect(only(await say('/risk show R-ZZZZ'), 'error')).toMatchObject({ code: 'NOT_FOUND', message: 'There is no risk "R-ZZZZ" in this workspace\'s register.' });
    const typo = only(await say('/risk lsit'), 'error');
    expect(typo.code).toBe('UNKNOWN_COMMAND');
    expect(typo.hint).toMatch(/^Did you mean \/risk list\?/);
    expect(await count()).toBe(0);
  });
});

describe('workspaces', () => {
  it('never shows or changes one workspace\'s risk from another', async () => {
    const id = card(await say('/risk add "Secret plans" likelihood=2 impact=2')).id;
    const other = { workspace: 'T-other' };

    expect((only(await say('/risk list all', other), 'risk-list') as RiskListView).total).toBe(0);
    expect(only(await say(`/risk show ${id}`, other), 'error').code).toBe('NOT_FOUND');
    expect(only(await say(`/risk update ${id} likelihood=5`, { ...other, user: SAM }), 'error').code).toBe('NOT_FOUND');
    expect(JSON.parse((only(await say('/risk export json', other), 'file') as FileView).content).risks).toEqual([]);
  });
});

describe('/risk export and /risk help', () => {
  it('exports the register as CSV and JSON files', async () => {
    await say('/risk add "Exported" likelihood=2 impact=5');
    const r = await say('/risk export');
    const files = r.views.filter((v): v is FileView => v.kind === 'file');

    expect(files.map((f) => [f.mimeType, f.filename])).toEqual([
      ['text/csv', 'risk-register-T-test-20261128-1000.csv'],
      ['application/json', 'risk-register-T-test-20261128-1000.json'],
    ]);
    expect(only(r, 'notice').text).toBe('Exported 1 risk (every status).');
  });

  it('explains the commands, the fields and the matrix', async () => {
    const r = await say('/risk help');

    expect(only(r, 'help').commands.map((c) => c.usage.split(' ').slice(0, 2).join(' '))).toEqual(['/risk add', '/risk list', '/risk show', '/risk update', '/risk close', '/risk accept', '/risk undo', '/risk export', '/risk help']);
    expect(only(r, 'table').rows[0]).toEqual(['5 almost certain', 'Medium (5)', 'High (10)', 'High (15)', 'Critical (20)', 'Critical (25)']);
    expect(text(r)).toContain('likelihood and impact: 1-5 or a word');
  });
});
