/** What every CLI command gets: output, language, global options and a lazily opened ledger. */
import type { Config } from '../config.js';
import type { LedgerService } from '../app/ledger-service.js';
import { formatMessage, type Lang } from '../domain/messages.js';
import type { ViolationParams } from '../domain/decider.js';
import { progressBar, type ProgressReporter } from './progress.js';
import './messages.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
  openLedger(db?: string): Promise<LedgerService>;
  config(db?: string): Config;
}

export interface GlobalOptions {
  readonly db?: string;
  readonly world: string;
  readonly lang?: string;
}

export class CliContext {
  private ledgerPromise?: Promise<LedgerService>;

  constructor(readonly io: CliIo, readonly global: GlobalOptions, readonly lang: Lang) {}

  get world(): string {
    return this.global.world;
  }

  ledger(): Promise<LedgerService> {
    this.ledgerPromise ??= this.io.openLedger(this.global.db);
    return this.ledgerPromise;
  }

  config(): Config {
    return this.io.config(this.global.db);
  }

  async close(): Promise<void> {
    if (this.ledgerPromise) await (await this.ledgerPromise).store.close();
  }

  say(code: string, params: ViolationParams = {}): void {
    this.io.out(`${formatMessage(code, params, this.lang)}\n`);
  }

  note(code: string, params: ViolationParams = {}): void {
    this.io.err(`${formatMessage(code, params, this.lang)}\n`);
  }

  t(code: string, params: ViolationParams = {}): string {
    return formatMessage(code, params, this.lang);
  }

  progress(label: string): ProgressReporter {
    return progressBar(this.io.isTTY, label, (text) => this.io.err(text));
  }
}

export function pickLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const value = (flag ?? env.EVERE_LANG ?? env.LC_ALL ?? env.LANG ?? 'en').toLowerCase();
  return value.startsWith('fr') ? 'fr' : 'en';
}
