/**
 * manifest.json: type-checked against @slack/web-api's manifest type (with the TypeScript compiler,
 * so a misspelt key, scope or event fails), within the limits of Slack's manifest schema, and in
 * step with what the adapter listens to and what docs/slack.md explains.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../adapters/slack/config.js';
import { SLASH_COMMANDS } from '../../adapters/slack/listeners/commands/index.js';
import { LOG_AS_RISK } from '../../adapters/slack/listeners/shortcuts/log-as-risk.js';

interface Manifest {
  _metadata?: { major_version?: number };
  display_information: { name: string; description?: string; long_description?: string; background_color?: string };
  features: {
    app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
    bot_user?: { display_name: string; always_online?: boolean };
    shortcuts?: Array<{ name: string; type: string; callback_id: string; description: string }>;
    slash_commands?: Array<{ command: string; url?: string; description: string; usage_hint?: string; should_escape?: boolean }>;
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions?: { request_url?: string; bot_events?: string[] };
    interactivity?: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled?: boolean;
  };
}

const manifest = JSON.parse(readFileSync(resolve('manifest.json'), 'utf8')) as Manifest;

/** Type-checks `const manifest: <@slack/web-api manifest type> = <literal>` in memory; returns the compiler's complaints. */
function typeCheck(literals: Record<string, unknown>): string[] {
  const file = resolve('test/slack/__manifest_typecheck__.ts');
  const source = [
    "import type { AppsManifestCreateArguments } from '@slack/web-api';",
    "type SlackManifest = AppsManifestCreateArguments['manifest'];",
    ...Object.entries(literals).map(([name, value]) => `export const ${name}: SlackManifest = ${JSON.stringify(value, null, 2)};`),
  ].join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => (resolve(name) === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => resolve(name) === file || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (resolve(name) === file ? source : readFile(name));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `line ${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

describe('manifest.json', () => {
  it("type-checks against @slack/web-api's manifest type, and the check catches mistakes", () => {
    const broken = {
      badScope: { ...manifest, oauth_config: { scopes: { bot: ['chat:writ'] } } },
      badKey: { ...manifest, features: { ...manifest.features, slash_command: [] } },
      badShortcutType: { ...manifest, features: { ...manifest.features, shortcuts: [{ ...manifest.features.shortcuts![0]!, type: 'msg' }] } },
      badEvent: { ...manifest, settings: { ...manifest.settings, event_subscriptions: { bot_events: ['app_mentioned'] } } },
    };
    const problems = typeCheck({ manifest, ...broken });
    // Each broken variant fails, the real manifest does not.
    expect(problems.filter((p) => /chat:writ/.test(p))).toHaveLength(1);
    expect(problems.filter((p) => /slash_command\b/.test(p))).toHaveLength(1);
    expect(problems.filter((p) => /"msg"/.test(p))).toHaveLength(1);
    expect(problems.filter((p) => /app_mentioned/.test(p))).toHaveLength(1);
    expect(problems).toHaveLength(4);
  });

  it('has only keys Slack knows at the top level (the type allows any there)', () => {
    expect(Object.keys(manifest).every((k) => ['_metadata', 'display_information', 'features', 'oauth_config', 'settings'].includes(k))).toBe(true);
  });

  it("keeps within the limits of Slack's manifest schema", () => {
    const d = manifest.display_information;
    expect(d.name.length).toBeGreaterThanOrEqual(1);
    expect(d.name.length).toBeLessThanOrEqual(35);
    expect(d.description!.length).toBeLessThanOrEqual(140);
    expect(d.long_description!.length).toBeGreaterThanOrEqual(175);
    expect(d.long_description!.length).toBeLessThanOrEqual(4000);
    expect(d.background_color).toMatch(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/);
    const bot = manifest.features.bot_user!;
    expect(bot.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
    for (const c of manifest.features.slash_commands!) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(c.description.length).toBeGreaterThanOrEqual(1);
      expect(c.description.length).toBeLessThanOrEqual(2000);
      expect(c.usage_hint!.length).toBeLessThanOrEqual(1000);
      expect(c.url!.length).toBeLessThanOrEqual(3000);
    }
    for (const s of manifest.features.shortcuts!) {
      expect(s.name.length).toBeLessThanOrEqual(24);
      expect(s.description.length).toBeLessThanOrEqual(150);
      expect(s.callback_id.length).toBeLessThanOrEqual(255);
    }
    expect(manifest.features.shortcuts!.length).toBeLessThanOrEqual(10);
    const events = manifest.settings.event_subscriptions!.bot_events!;
    expect(new Set(events).size).toBe(events.length);
  });

  it('declares exactly what the adapter handles: the commands, the shortcut, the events, interactivity, App Home', () => {
    expect(manifest.features.slash_commands!.map((c) => c.command)).toEqual([...SLASH_COMMANDS]);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ name: 'Log as risk', type: 'message', callback_id: LOG_AS_RISK.callbackId })]);
    expect([...manifest.settings.event_subscriptions!.bot_events!].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest.settings.interactivity!.is_enabled).toBe(true);
    expect(manifest.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.features.bot_user!.display_name).toBe('annex');
  });

  it('sends every request to the one HTTP endpoint the adapter listens on', () => {
    const urls = [
      ...manifest.features.slash_commands!.map((c) => c.url),
      manifest.settings.event_subscriptions!.request_url,
      manifest.settings.interactivity!.request_url,
    ];
    expect(new Set(urls).size).toBe(1);
    expect(urls[0]).toMatch(new RegExp(`^https://[^/]+${SLACK_EVENTS_PATH}$`));
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('asks for the fewest bot scopes that work, no user scopes, and docs/slack.md explains each one', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'files:write', 'im:history', 'users:read']);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
    const doc = readFileSync(resolve('docs/slack.md'), 'utf8');
    for (const scope of manifest.oauth_config.scopes.bot) expect(doc).toMatch(new RegExp(`\\| \`${scope.replace('.', '\\.')}\` \\|`));
  });
});
