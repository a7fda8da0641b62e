/**
 * Benchmark section: memory of a bot process, idle and under load.
 *
 * A fresh bot process (as in bench/slack.ts: Slack HTTP mode, SQLite store, Web API and
 * response_urls on loopback fakes) is measured:
 * - idle: after start-up (knowledge loaded, search index built, nothing asked yet);
 * - under load: 50 clients sending a mix of commands (questions, risk adds and lists, gap-check
 *   starts), RSS sampled every 50 ms; peak is the kernel's high-water mark (VmHWM);
 * - after: a few seconds after the load stopped, and after a second, identical round of load
 *   (growth between the two rounds would point at a leak).
 * RSS comes from /proc/<pid>/status (Linux); heap figures from the process itself
 * (bench/server-timing.mjs). Bounded: a fixed number of commands.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { drive, memoryOf, processReport, QUESTIONS, startSlackRig, type SlackRig } from './slack.js';
import type { BenchResult, BenchSection } from './run.js';

const COMMANDS_PER_ROUND = 2000;
const CONCURRENCY = 50;
const SETTLE_MS = 3000;

const mb = (bytes: number) => bytes / 1024 / 1024;

/** The mix: mostly questions, some writes, lists and interviews. */
function mixed(i: number): [string, string] {
  switch (i % 10) {
    case 6:
    case 7:
      return ['/risk', `add "Memory bench risk #${i}" likelihood=${(i % 5) + 1} impact=3`];
    case 8:
      return ['/risk', 'list all'];
    case 9:
      return ['/gapcheck', i % 20 === 9 ? '27001' : '42001'];
    default:
      return ['/iso', QUESTIONS[i % QUESTIONS.length]!];
  }
}

async function loadRound(rig: SlackRig, pid: number): Promise<{ maxSampledMb: number; commandsPerSecond: number; failed: number }> {
  let maxSampledMb = 0;
  const timer = setInterval(() => {
    const m = memoryOf(pid);
    if (m) maxSampledMb = Math.max(maxSampledMb, m.rssMb);
  }, 50);
  try {
    const r = await drive(rig, { concurrency: CONCURRENCY, commands: COMMANDS_PER_ROUND, pick: mixed });
    return { maxSampledMb, commandsPerSecond: (COMMANDS_PER_ROUND / r.wallMs) * 1000, failed: r.failed };
  } finally {
    clearInterval(timer);
  }
}

const section: BenchSection = {
  title: 'Bot process memory, idle and under load',
  async run(): Promise<BenchResult> {
    const rig = await startSlackRig();
    const pid = rig.bot.child.pid!;
    try {
      const rows: Array<Array<string | number>> = [];
      const row = async (state: string, extra: { peakMb?: number; rate?: number } = {}) => {
        const m = memoryOf(pid);
        const inside = (await processReport(rig.bot)).memory;
        rows.push([state, m?.rssMb ?? Number.NaN, extra.peakMb ?? m?.peakMb ?? Number.NaN, mb(inside.heapUsed), mb(inside.heapTotal), mb(inside.external + inside.arrayBuffers), extra.rate ?? '']);
      };
      await sleep(SETTLE_MS);
      await row('idle after start-up');
      const first = await loadRound(rig, pid);
      await row(`end of load round 1 (${COMMANDS_PER_ROUND} commands, ${CONCURRENCY} concurrent)`, { peakMb: Math.max(first.maxSampledMb, memoryOf(pid)?.peakMb ?? 0), rate: first.commandsPerSecond });
      await sleep(SETTLE_MS);
      await row('idle after round 1');
      const second = await loadRound(rig, pid);
      await row('end of load round 2 (same mix)', { peakMb: Math.max(second.maxSampledMb, memoryOf(pid)?.peakMb ?? 0), rate: second.commandsPerSecond });
      await sleep(SETTLE_MS);
      await row('idle after round 2');
      return {
        tables: [
          {
            title: 'Memory of one bot process (MB)',
            columns: ['state', 'RSS', 'peak RSS', 'heap used', 'heap total', 'external', 'commands/s'],
            rows,
            notes: [
              'Mix per 10 commands: 6 /iso questions, 2 /risk add, 1 /risk list all, 1 /gapcheck start; SQLite store.',
              'peak RSS: the kernel high-water mark (VmHWM) since start-up, and the highest RSS sampled every 50 ms.',
              `Failed commands: ${first.failed + second.failed}.`,
            ],
          },
        ],
      };
    } finally {
      await rig.stop();
    }
  },
};

export default section;
