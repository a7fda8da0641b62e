/** Wires modal submissions (every form modal shares one callback id). */
import type { App, ViewSubmitAction } from '@slack/bolt';
import { FORM_CALLBACK_ID } from '../../block-kit.js';
import type { SlackDeps } from '../../deps.js';
import { formSubmission } from './form-submission.js';

export function register(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>({ callback_id: FORM_CALLBACK_ID, type: 'view_submission' }, formSubmission(deps));
}
