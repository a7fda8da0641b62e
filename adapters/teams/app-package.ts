/**
 * The Teams app package: `appPackage/manifest.json` (schema 1.22) with the bot id filled in, and
 * the two icons, zipped flat (Teams wants the three files at the root of the zip).
 *
 * The template carries the all-zero GUID where the bot id goes, so it is itself schema-valid and
 * an unfilled package is easy to spot; `buildAppPackage` refuses to write one.
 *
 * Validation is offline: `@microsoft/app-manifest` checks the JSON against the 1.22 schema it
 * ships, and `packageProblems` adds the rules the schema cannot express (icon sizes, the outline
 * icon's colours, one bot id everywhere, files present).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import AdmZip from 'adm-zip';
import { AppManifestUtils, TeamsManifestConverter } from '@microsoft/app-manifest';
import { APP_PACKAGE_DIR, decodePng } from './icons.js';

export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';
export const DEFAULT_PACKAGE_FILE = 'dist/annex-teams.zip';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** The manifest as this module reads and writes it (the parts it touches). */
export interface TeamsAppManifest {
  manifestVersion: string;
  version: string;
  id: string;
  icons: { color: string; outline: string };
  bots?: Array<{ botId: string; scopes: string[]; commandLists?: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }> }>;
  composeExtensions?: Array<{ botId?: string; commands?: Array<{ id: string; type?: string; context?: string[]; title: string }> }>;
  [key: string]: unknown;
}

export function readManifestTemplate(dir = APP_PACKAGE_DIR): TeamsAppManifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as TeamsAppManifest;
}

/** The template with the bot id (and optionally the app version) filled in. */
export function manifestFor(botId: string, options: { template?: TeamsAppManifest; version?: string } = {}): TeamsAppManifest {
  if (!GUID.test(botId)) throw new Error(`The bot id must be the Application (client) ID of the bot's app registration, a GUID; got "${botId.slice(0, 60)}".`);
  if (botId === PLACEHOLDER_BOT_ID) throw new Error('The bot id is the all-zero placeholder; give the real Application (client) ID.');
  if (options.version !== undefined && !SEMVER.test(options.version)) throw new Error(`The app version must look like 1.2.3; got "${options.version}".`);
  const manifest = structuredClone(options.template ?? readManifestTemplate());
  manifest.bots = manifest.bots?.map((b) => ({ ...b, botId: botId.toLowerCase() }));
  manifest.composeExtensions = manifest.composeExtensions?.map((c) => ({ ...c, botId: botId.toLowerCase() }));
  if (options.version) manifest.version = options.version;
  return manifest;
}

/** Schema problems from `@microsoft/app-manifest` (offline: it ships the 1.22 schema); [] when valid. */
export async function schemaProblems(manifest: TeamsAppManifest): Promise<string[]> {
  try {
    // The converter's runtime type check, then the JSON schema named by `$schema`.
    TeamsManifestConverter.jsonToManifest(JSON.stringify(manifest));
  } catch (err) {
    return [`type check: ${err instanceof Error ? err.message : String(err)}`];
  }
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0]);
}

/** Rules Teams enforces on upload that the schema does not check. */
export function packageProblems(manifest: TeamsAppManifest, files: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  if (manifest.manifestVersion !== '1.22') problems.push(`manifestVersion is ${manifest.manifestVersion}, expected 1.22`);
  const botIds = new Set([...(manifest.bots ?? []).map((b) => b.botId), ...(manifest.composeExtensions ?? []).map((c) => c.botId)]);
  if (botIds.size !== 1) problems.push(`the bot and the message extension must use one bot id; found ${[...botIds].join(', ')}`);
  if (botIds.has(PLACEHOLDER_BOT_ID)) problems.push('the bot id is still the all-zero placeholder');
  const icon = (name: string, size: number, whiteOnly: boolean) => {
    const data = files.get(name);
    if (!data) return problems.push(`${name} is named in the manifest but not in the package`);
    let png;
    try {
      png = decodePng(data);
    } catch (err) {
      return problems.push(`${name} is not a readable PNG (${err instanceof Error ? err.message : String(err)})`);
    }
    if (png.width !== size || png.height !== size) problems.push(`${name} is ${png.width}x${png.height}, Teams wants ${size}x${size}`);
    if (whiteOnly) {
      if (!png.rgba.length) return problems.push(`${name} must be an 8-bit RGBA PNG (white on transparent)`);
      let opaqueNonWhite = 0;
      let transparent = 0;
      for (let i = 0; i < png.rgba.length; i += 4) {
        if (png.rgba[i + 3] === 0) transparent++;
        else if (png.rgba[i] !== 255 || png.rgba[i + 1] !== 255 || png.rgba[i + 2] !== 255) opaqueNonWhite++;
      }
      if (opaqueNonWhite) problems.push(`${name} has ${opaqueNonWhite} pixels that are neither white nor transparent`);
      if (!transparent) problems.push(`${name} has no transparent background`);
    }
    return undefined;
  };
  icon(manifest.icons.color, 192, false);
  icon(manifest.icons.outline, 32, true);
  return problems;
}

export interface BuiltPackage {
  file: string;
  manifest: TeamsAppManifest;
  bytes: number;
}

/** Fills in the bot id, validates, and writes the zip; throws listing every problem. */
export async function buildAppPackage(options: { botId: string; outFile?: string; version?: string; dir?: string }): Promise<BuiltPackage> {
  const dir = options.dir ?? APP_PACKAGE_DIR;
  const manifest = manifestFor(options.botId, { template: readManifestTemplate(dir), ...(options.version ? { version: options.version } : {}) });
  const files = new Map<string, Buffer>([manifest.icons.color, manifest.icons.outline].map((name) => [name, readFileSync(join(dir, name))]));
  const problems = [...(await schemaProblems(manifest)), ...packageProblems(manifest, files)];
  if (problems.length) throw new Error(`The Teams app package is not valid:\n- ${problems.join('\n- ')}`);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const [name, data] of files) zip.addFile(name, data);
  const file = resolve(options.outFile ?? DEFAULT_PACKAGE_FILE);
  mkdirSync(dirname(file), { recursive: true });
  const buffer = zip.toBuffer();
  writeFileSync(file, buffer);
  return { file, manifest, bytes: buffer.length };
}
