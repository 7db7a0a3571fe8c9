/** Progress bars for long work, on standard error, only when a person is watching. */
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';

// Loaded on first use (only a person at a terminal sees bars), so other commands start faster.
const require = createRequire(import.meta.url);

export interface ProgressReporter {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressBar(enabled: boolean, label: string, write: (text: string) => void): ProgressReporter {
  if (!enabled) return { update() {}, stop() {} };
  const cliProgress = require('cli-progress') as typeof CliProgress;
  const bar = new cliProgress.SingleBar({
    format: `${label} [{bar}] {percentage}% · {value}/{total} · {eta_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: false,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(Math.max(total, done), 0);
        started = true;
      }
      if (total > 0) bar.setTotal(Math.max(total, done));
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
      else write('');
    },
  };
}
