import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAppPackage, manifestFor, packageProblems, readManifestTemplate, schemaProblems, type TeamsAppManifest } from '../../adapters/teams/app-package.js';
import { APP_PACKAGE_DIR, colorIcon, decodePng, outlineIcon } from '../../adapters/teams/icons.js';
import { LOG_AS_RISK_COMMAND_ID } from '../../adapters/teams/to-turn.js';
import { route } from '../../src/intents/registry.js';

const BOT_ID = '3f2a0c1e-8d7b-4c3a-9e2f-1a2b3c4d5e6f';
const dir = mkdtempSync(join(tmpdir(), 'annex-teams-pkg-'));
const run = promisify(execFile);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shippedFiles = () => new Map(['color.png', 'outline.png'].map((n) => [n, readFileSync(join(APP_PACKAGE_DIR, n))]));

describe('Teams app package', () => {
  it('zips manifest.json and the two icons at the root, with the bot id filled in', async () => {
    const built = await buildAppPackage({ botId: BOT_ID, outFile: join(dir, 'annex-teams.zip') });
    const zip = new AdmZip(built.file);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as TeamsAppManifest;
    expect(manifest.manifestVersion).toBe('1.22');
    expect(manifest.bots![0]!.botId).toBe(BOT_ID);
    expect(manifest.composeExtensions![0]!.botId).toBe(BOT_ID);
  });

  it('has a manifest in the zip that passes @microsoft/app-manifest validation offline', async () => {
    const zip = new AdmZip(join(dir, 'annex-teams.zip'));
    const json = zip.readAsText('manifest.json');
    const typed = TeamsManifestConverter.jsonToManifest(json);
    expect(typed.manifestVersion).toBe('1.22');
    expect(await AppManifestUtils.validateAgainstSchema(typed)).toEqual([]);
    const files = new Map(['color.png', 'outline.png'].map((n) => [n, zip.readFile(n)!]));
    expect(packageProblems(JSON.parse(json) as TeamsAppManifest, files)).toEqual([]);
  });

  it('catches what the schema forbids', async () => {
    const good = manifestFor(BOT_ID);
    const tooManyLists = structuredClone(good);
    tooManyLists.bots![0]!.commandLists!.push(tooManyLists.bots![0]!.commandLists![0]!);
    expect((await schemaProblems(tooManyLists)).join('\n')).toMatch(/commandLists/);
    const longTitle = structuredClone(good);
    longTitle.composeExtensions![0]!.commands![0]!.title = 'Log this message as a risk in the register';
    expect((await schemaProblems(longTitle)).join('\n')).toMatch(/title/);
    expect(await schemaProblems(good)).toEqual([]);
  });

  it('refuses a missing, malformed or placeholder bot id', async () => {
    expect(() => manifestFor('')).toThrow(/GUID/);
    expect(() => manifestFor('bot-123')).toThrow(/GUID/);
    expect(() => manifestFor('00000000-0000-0000-0000-000000000000')).toThrow(/placeholder/);
    expect(() => manifestFor(BOT_ID, { version: 'v2' })).toThrow(/1\.2\.3/);
    expect(packageProblems(readManifestTemplate(), shippedFiles()).join('\n')).toMatch(/placeholder/);
  });

  it('offers a command menu in personal, team and group chats whose every command is one the bot knows', () => {
    const manifest = readManifestTemplate();
    const lists = manifest.bots![0]!.commandLists!;
    expect(lists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    expect(manifest.bots![0]!.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      expect(list.commands.length).toBeGreaterThan(0);
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) {
        const r = route(command.title);
        expect(r.type, command.title).toBe('intent');
        if (r.type === 'intent') {
          expect(r.explicit, `"${command.title}" is read as a command, not a question`).toBe(true);
          expect(command.title.split(' ')[0] === r.intent.command || r.intent.aliases.includes(command.title.split(' ')[0]!), command.title).toBe(true);
        }
      }
    }
  });

  it('declares "Log as risk" on messages, opening a dialog fetched from the bot', () => {
    const command = readManifestTemplate().composeExtensions![0]!.commands!.find((c) => c.id === LOG_AS_RISK_COMMAND_ID);
    expect(command).toMatchObject({ type: 'action', title: 'Log as risk', context: ['message'], fetchTask: true });
  });

  it('ships icons of the right sizes: colour 192x192 opaque, outline 32x32 white on transparent', () => {
    const color = decodePng(readFileSync(join(APP_PACKAGE_DIR, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    let seeThrough = 0;
    for (let i = 3; i < color.rgba.length; i += 4) if (color.rgba[i] !== 255) seeThrough++;
    expect(seeThrough).toBe(0);
    const outline = decodePng(readFileSync(join(APP_PACKAGE_DIR, 'outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let drawn = 0;
    let notWhite = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      if (outline.rgba[i] !== 255 || outline.rgba[i + 1] !== 255 || outline.rgba[i + 2] !== 255) notWhite++;
      if (outline.rgba[i + 3]! > 0) drawn++;
    }
    expect(notWhite).toBe(0);
    expect(drawn).toBeGreaterThan(100);
    expect(drawn).toBeLessThan(32 * 32 - 100);
  });

  it('regenerates the shipped icons byte for byte', () => {
    expect(colorIcon().equals(readFileSync(join(APP_PACKAGE_DIR, 'color.png')))).toBe(true);
    expect(outlineIcon().equals(readFileSync(join(APP_PACKAGE_DIR, 'outline.png')))).toBe(true);
  });

  it('flags icons Teams would refuse', () => {
    const swapped = new Map([
      ['color.png', readFileSync(join(APP_PACKAGE_DIR, 'outline.png'))],
      ['outline.png', readFileSync(join(APP_PACKAGE_DIR, 'color.png'))],
    ]);
    const problems = packageProblems(manifestFor(BOT_ID), swapped).join('\n');
    expect(problems).toMatch(/color\.png is 32x32, Teams wants 192x192/);
    expect(problems).toMatch(/outline\.png is 192x192/);
    expect(problems).toMatch(/neither white nor transparent/);
  });

  it('builds from the command line: npm run teams:package -- --bot-id <id>', async () => {
    const out = join(dir, 'cli.zip');
    const env = { ...process.env, MicrosoftAppId: '' };
    const { stdout } = await run('npx', ['tsx', 'adapters/teams/package.ts', '--bot-id', BOT_ID, '--out', out, '--app-version', '1.0.3'], { env });
    expect(stdout).toContain('passed the offline schema validation');
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(new AdmZip(out).readAsText('manifest.json')).version).toBe('1.0.3');
    await expect(run('npx', ['tsx', 'adapters/teams/package.ts', '--out', join(dir, 'none.zip')], { env })).rejects.toMatchObject({ code: 2 });
    expect(existsSync(join(dir, 'none.zip'))).toBe(false);
  });
});
