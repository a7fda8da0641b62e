/**
 * `npm run teams:package [-- --bot-id <guid>] [--out dist/annex-teams.zip] [--app-version 1.0.1]`
 *
 * Builds the Teams app package to upload in Teams (Apps > Manage your apps > Upload an app) or in
 * the Teams admin center. The bot id comes from `--bot-id`, else from `MicrosoftAppId` (the
 * environment or `.env`). The manifest is validated offline before the zip is written; a problem
 * is printed and the exit code is 1.
 */
import { loadDotEnv } from '../shared/env.js';
import { buildAppPackage, DEFAULT_PACKAGE_FILE } from './app-package.js';

function argument(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const a = args[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  loadDotEnv();
  const botId = (argument(args, '--bot-id') ?? process.env.MicrosoftAppId ?? '').trim();
  if (!botId) {
    process.stderr.write('No bot id: pass --bot-id <Application (client) ID> or set MicrosoftAppId (see docs/teams.md).\n');
    process.exitCode = 2;
    return;
  }
  const version = argument(args, '--app-version');
  const built = await buildAppPackage({ botId, outFile: argument(args, '--out') ?? DEFAULT_PACKAGE_FILE, ...(version ? { version } : {}) });
  process.stdout.write(`Wrote ${built.file} (${built.bytes} bytes): manifest ${built.manifest.manifestVersion}, app ${built.manifest.id} version ${built.manifest.version}, bot ${botId}. The manifest passed the offline schema validation.\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
