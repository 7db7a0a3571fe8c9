/** Runs a TypeScript script under tests/support/ as a separate Node process and reads its stdout by line. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ScriptChild {
  readonly process: ChildProcessWithoutNullStreams;
  /** Complete lines written to stdout so far (a line cut off by a kill is not among them). */
  readonly lines: string[];
  stderr(): string;
  /** Resolves when a line satisfies the test; rejects if the child exits first or time runs out. */
  waitFor(test: (line: string) => boolean, timeoutMs: number): Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnScript(script: string, args: readonly string[]): ScriptChild {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], { cwd: root });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  let stderr = '';
  let done = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => { stderr += chunk; });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      done = true;
      for (const wake of waiters) wake();
      resolve({ code, signal });
    });
  });
  const waitFor = (test: (line: string) => boolean, timeoutMs: number) => new Promise<string>((resolve, reject) => {
    let seen = 0;
    const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`timed out waiting for ${script}; stderr: ${stderr}`)); }, timeoutMs);
    function check() {
      for (; seen < lines.length; seen++) {
        if (test(lines[seen]!)) {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(lines[seen]!);
          return;
        }
      }
      if (done) {
        clearTimeout(timer);
        waiters.delete(check);
        reject(new Error(`${script} exited first; stderr: ${stderr}`));
      }
    }
    waiters.add(check);
    check();
  });
  return { process: child, lines, stderr: () => stderr, waitFor, exited };
}

/**
 * How to run `evere` as a separate process: the compiled bin/evere.js when dist/ is up to date
 * (`npm test` builds it first), else the TypeScript sources through tsx (slower to start).
 */
export async function evereCommand(): Promise<string[]> {
  const { serverStale } = await import('../../scripts/build-state.js');
  return serverStale() ? [join(root, 'scripts', 'evere-src.js')] : [join(root, 'bin', 'evere.js')];
}
