// Loaded into the bot process by the benchmarks (`node --import bench/server-timing.mjs ...`),
// never in production: times every POST to /slack/events inside the server, from the moment
// Node has parsed the request to the moment the answer (Slack's ack) has been handed to the
// socket. On SIGUSR2 it prints the times since the last report, and the process's memory, as
// one JSON line on stderr: {"serverAckMs":[...],"memory":{rss,heapUsed,...}} (bytes). Plain
// JavaScript so it loads before tsx.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

let samples = [];
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function timedEmit(event, req, res) {
  if (event === 'request' && req.method === 'POST' && typeof req.url === 'string' && req.url.startsWith('/slack/events')) {
    const t0 = performance.now();
    res.once('finish', () => samples.push(Math.round((performance.now() - t0) * 1000) / 1000));
  }
  return emit.apply(this, arguments);
};

process.on('SIGUSR2', () => {
  const out = samples;
  samples = [];
  process.stderr.write(`${JSON.stringify({ serverAckMs: out, memory: process.memoryUsage() })}\n`);
});
