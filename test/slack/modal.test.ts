/**
 * Forms as modals and back: the exact modal for a risk form, Slack's limits (titles, option counts,
 * long option values), and the submitted state turned back into the core's form values.
 */
import { describe, expect, it } from 'vitest';
import type { FormView } from '../../src/views/view.js';
import { formModal, formValuesFromState, longOptionValues } from '../../adapters/slack/modal.js';
import { blockProblems } from './block-limits.js';
import { fixtures } from './view-fixtures.js';

const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });
const opt = (label: string, value: string) => ({ text: plain(label), value });

describe('formModal', () => {
  it('renders each field type as its Slack input, with initial values', () => {
    const modal = formModal(fixtures.form, '{"f":"risk:add"}');
    expect(modal).toEqual({
      type: 'modal',
      callback_id: 'annex:form',
      title: plain('Log a risk'),
      submit: plain('Log risk'),
      close: plain('Cancel'),
      private_metadata: '{"f":"risk:add"}',
      blocks: [
        { type: 'input', block_id: 'field:title', optional: false, label: plain('Title'), element: { type: 'plain_text_input', action_id: 'value', multiline: false, max_length: 200 } },
        {
          type: 'input',
          block_id: 'field:likelihood',
          optional: false,
          label: plain('Likelihood'),
          element: { type: 'static_select', action_id: 'value', options: [opt('1 Rare', '1'), opt('4 Likely', '4')], initial_option: opt('4 Likely', '4') },
        },
        { type: 'input', block_id: 'field:owner', optional: true, label: plain('Owner'), element: { type: 'users_select', action_id: 'value', initial_user: 'U0SAM' } },
        {
          type: 'input',
          block_id: 'field:controls',
          optional: true,
          label: plain('Controls'),
          element: { type: 'multi_static_select', action_id: 'value', options: [opt('A.8.1 User endpoint devices', '27001:A.8.1')], initial_options: [opt('A.8.1 User endpoint devices', '27001:A.8.1')] },
        },
        { type: 'input', block_id: 'field:due', optional: true, label: plain('Due'), element: { type: 'datepicker', action_id: 'value', initial_date: '2027-01-31' } },
        {
          type: 'input',
          block_id: 'field:notes',
          optional: true,
          label: plain('Notes'),
          hint: plain('Optional'),
          element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 3000, placeholder: plain('Anything else') },
        },
      ],
    });
    expect(blockProblems(modal.blocks, 'modal')).toEqual([]);
  });

  it('keeps the title within 24 characters and shows the full title inside', () => {
    const modal = formModal({ ...fixtures.form, title: 'Log a risk raised from a message in #security', submitLabel: 'Log this risk in the register now' }, '{}');
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(modal.submit!.text.length).toBeLessThanOrEqual(24);
    expect(modal.blocks[0]).toEqual({ type: 'header', text: plain('Log a risk raised from a message in #security') });
  });

  it('groups more than 100 options (all Annex A controls) into option groups of at most 100', () => {
    const options = Array.from({ length: 131 }, (_, i) => ({ value: `27001:A.${i}`, label: `A.${i} Control ${i}` }));
    const form: FormView = { ...fixtures.form, fields: [{ id: 'controls', label: 'Controls', type: 'multiselect', required: false, options }] };
    const el = (formModal(form, '{}').blocks[0] as { element: { option_groups: Array<{ label: { text: string }; options: unknown[] }> } }).element;
    expect(el.option_groups.map((g) => g.options.length)).toEqual([100, 31]);
    expect(el.option_groups[0]!.label.text).toBe('A.0 Control 0 – A.99 Control 99');
  });

  it('sends option values too long for Slack by index and maps them back', () => {
    const long = `topic:${'x'.repeat(100)}`;
    const form: FormView = { ...fixtures.form, fields: [{ id: 'topic', label: 'Topic', type: 'select', required: true, options: [{ value: 'short', label: 'Short' }, { value: long, label: 'Long' }], initial: long }] };
    const meta = { o: longOptionValues(form) };
    const el = (formModal(form, '{}').blocks[0] as { element: { options: Array<{ value: string }>; initial_option: { value: string } } }).element;
    expect(el.options.map((o) => o.value)).toEqual(['#0', '#1']);
    expect(el.initial_option.value).toBe('#1');
    expect(formValuesFromState({ 'field:topic': { value: { type: 'static_select', selected_option: { value: '#1' } } } }, meta)).toEqual({ topic: long });
  });

  it('a select without options becomes a text input; a non-Slack initial user is left out', () => {
    const form: FormView = { ...fixtures.form, fields: [{ id: 'x', label: 'X', type: 'select', required: true, initial: 'abc' }, { id: 'o', label: 'O', type: 'user', required: false, initial: 'sam' }] };
    const blocks = formModal(form, '{}').blocks as unknown as Array<{ element: Record<string, unknown> }>;
    expect(blocks[0]!.element).toEqual({ type: 'plain_text_input', action_id: 'value', multiline: false, max_length: 3000, initial_value: 'abc' });
    expect(blocks[1]!.element).toEqual({ type: 'users_select', action_id: 'value' });
  });
});

describe('formValuesFromState', () => {
  it('reads every input kind Slack sends back, and leaves out blocks that are not fields', () => {
    const values = formValuesFromState(
      {
        'field:title': { value: { type: 'plain_text_input', value: 'Laptops & <b>' } },
        'field:likelihood': { value: { type: 'static_select', selected_option: { value: '4' } } },
        'field:owner': { value: { type: 'users_select', selected_user: 'U0ALEX' } },
        'field:controls': { value: { type: 'multi_static_select', selected_options: [{ value: '27001:A.8.1' }, { value: '27001:A.8.24' }] } },
        'field:due': { value: { type: 'datepicker', selected_date: '2027-01-31' } },
        'field:notes': { value: { type: 'plain_text_input', value: null } },
        'field:impact': { value: { type: 'static_select', selected_option: null } },
        other: { value: { type: 'plain_text_input', value: 'ignored' } },
      },
      {},
    );
    expect(values).toEqual({ title: 'Laptops & <b>', likelihood: '4', owner: '<@U0ALEX>', controls: ['27001:A.8.1', '27001:A.8.24'], due: '2027-01-31', notes: undefined, impact: undefined });
  });
});
