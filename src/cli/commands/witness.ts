/**
 * `evere witness …`: a C2SP tlog-witness kept in a directory. `init` makes its key, `trust` adds a
 * log's verifier key, `serve` answers the protocol's add-checkpoint over HTTP, `follow URL` pulls
 * checkpoints from logs' tlog-tiles prefixes, checks consistency from their tiles, cosigns and gives
 * the cosignature back, `split-views` lists the evidence of split views found. Needs no database.
 */
import { createServer } from 'node:http';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { json } from '../format.js';
import { parseNonNegativeInt } from '../parse.js';
import { readKeyArgument } from '../key-argument.js';
import { fileWitnessState, initWitnessDir, openWitness, trustLog } from '../../adapters/witness-files.js';
import { followOnce, type Fetch, type FollowResult, type SplitView } from '../../app/witness.js';

type Ctx = () => CliContext;

const MAX_BODY = 64 * 1024;
const systemClock = { now: () => new Date() };

function reportSplitView(c: CliContext, evidence: SplitView): void {
  c.io.err(`${c.t('cli.witness_split_view', { origin: evidence.origin, reason: evidence.reason })}\n--- held ---\n${evidence.held}--- offered ---\n${evidence.offered}`);
}

export function registerWitnessCommands(program: Command, ctx: Ctx): void {
  const witness = program.command('witness');
  const dirOption = ['--dir <dir>', 'the witness’s state directory (default: $EVERE_WITNESS_DIR or ./witness)'] as const;
  const dirOf = (c: CliContext, dir?: string) => dir ?? c.io.env.EVERE_WITNESS_DIR ?? 'witness';

  witness.command('init')
    .description('make a witness: a new Ed25519 key and an empty state directory; prints its verifier key')
    .requiredOption('--name <name>', 'the witness’s key name, e.g. witness.example.org/w1')
    .option(...dirOption)
    .option('--json', 'machine-readable output')
    .action(async (opts: { name: string; dir?: string; json?: boolean }) => {
      const c = ctx();
      const dir = dirOf(c, opts.dir);
      const key = await initWitnessDir(dir, opts.name);
      if (opts.json) return c.io.out(json({ name: opts.name, dir, key }));
      c.say('cli.witness_created', { name: opts.name, dir, key });
    });

  witness.command('trust')
    .description('trust a log: the witness cosigns only checkpoints this key signed, for its origin')
    .argument('<key>', 'the log’s verifier key (as `evere checkpoint` prints it), or a file holding it (e.g. `evere checkpoint --json` output)')
    .option('--origin <origin>', 'the log’s origin line (default: the key’s name)')
    .option(...dirOption)
    .action(async (key: string, opts: { origin?: string; dir?: string }) => {
      const c = ctx();
      const entry = await trustLog(dirOf(c, opts.dir), readKeyArgument(key, 'KEY'), opts.origin);
      c.say('cli.witness_trusts', { origin: entry.origin });
    });

  witness.command('serve')
    .description('answer POST /add-checkpoint (c2sp.org/tlog-witness) and GET /split-views over HTTP')
    .option(...dirOption)
    .option('--port <port>', 'port to listen on', parseNonNegativeInt, 8081)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { dir?: string; port: number; host: string }) => {
      const c = ctx();
      const dir = dirOf(c, opts.dir);
      const { witness: w, key } = await openWitness(dir, systemClock, (e) => reportSplitView(c, e));
      const server = createServer((request, response) => {
        const send = (status: number, type: string, body: string) => {
          response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
          response.end(body);
        };
        const path = (request.url ?? '/').split('?')[0];
        if (request.method === 'GET' && path === '/split-views') {
          void fileWitnessState(dir).splitViews().then((list) => send(200, 'application/json; charset=utf-8', json(list)));
          return;
        }
        if (path !== '/add-checkpoint') return send(404, 'text/plain; charset=utf-8', 'not found\n');
        if (request.method !== 'POST') return send(405, 'text/plain; charset=utf-8', 'POST only\n');
        const chunks: Buffer[] = [];
        let length = 0;
        request.on('data', (chunk: Buffer) => {
          length += chunk.length;
          if (length > MAX_BODY) {
            send(413, 'text/plain; charset=utf-8', `body larger than ${MAX_BODY} bytes\n`);
            request.destroy();
          } else chunks.push(chunk);
        });
        request.on('end', () => {
          if (length > MAX_BODY) return;
          let body: string;
          try {
            body = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
          } catch {
            return send(400, 'text/plain; charset=utf-8', 'body is not UTF-8\n');
          }
          w.addCheckpoint(body).then(
            (answer) => send(answer.status, answer.contentType, answer.body),
            (error: unknown) => {
              c.io.err(`${String((error as Error).stack ?? error)}\n`);
              send(500, 'text/plain; charset=utf-8', 'internal error\n');
            },
          );
        });
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port, opts.host, () => resolve());
      });
      const address = server.address();
      const url = typeof address === 'object' && address ? `http://${opts.host}:${address.port}` : '';
      c.detach();
      c.say('cli.witness_serving', { url, key });
      const stop = () => server.close(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  witness.command('follow')
    .description('follow logs by their tlog-tiles prefix (…/api/worlds/WORLD/log): check each new checkpoint’s consistency from the tiles, cosign it, give the cosignature back')
    .argument('<url...>', 'log prefixes')
    .option(...dirOption)
    .option('--interval <seconds>', 'seconds between rounds', parseNonNegativeInt, 60)
    .option('--once', 'one round, then exit (non-zero if a log was refused)')
    .option('--json', 'one JSON line per log and round')
    .action(async (urls: string[], opts: { dir?: string; interval: number; once?: boolean; json?: boolean }) => {
      const c = ctx();
      const { witness: w } = await openWitness(dirOf(c, opts.dir), systemClock, (e) => reportSplitView(c, e));
      const round = async (): Promise<FollowResult[]> => {
        const results: FollowResult[] = [];
        for (const url of urls) {
          let result: FollowResult;
          try {
            result = await followOnce(w, url, fetch as unknown as Fetch);
          } catch (error) {
            result = { origin: url, size: 0, status: 0, reason: (error as Error).message };
          }
          results.push(result);
          if (opts.json) c.io.out(`${JSON.stringify(result)}\n`);
          else if (result.status === 200) c.say('cli.witness_cosigned', { origin: result.origin, size: result.size, delivered: result.delivered ? 'yes' : 'no' });
          else c.note('cli.witness_refused', { origin: result.origin, size: result.size, reason: result.reason ?? String(result.status) });
        }
        return results;
      };
      if (opts.once) {
        const results = await round();
        if (results.some((r) => r.status !== 200)) process.exitCode = 1;
        return;
      }
      c.detach();
      for (;;) {
        await round();
        await new Promise((resolve) => setTimeout(resolve, opts.interval * 1000));
      }
    });

  witness.command('split-views')
    .description('the split views this witness found: both signed checkpoints of each')
    .option(...dirOption)
    .option('--json', 'machine-readable output')
    .action(async (opts: { dir?: string; json?: boolean }) => {
      const c = ctx();
      const list = await fileWitnessState(dirOf(c, opts.dir)).splitViews();
      if (opts.json) return c.io.out(json(list));
      if (list.length === 0) return c.say('cli.witness_no_split_views');
      for (const e of list) reportSplitView(c, e);
    });
}
