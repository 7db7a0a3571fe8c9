/** What every CLI command gets: output, language, global options and a lazily opened ledger. */
import type { Config } from '../config.js';
import type { LedgerService } from '../app/ledger-service.js';
import type { Services } from '../main.js';
import { formatMessage, type Lang } from '../messages/index.js';
import type { ViolationParams } from '../domain/decider.js';
import { progressBar, type ProgressReporter } from './progress.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
  openServices(db?: string): Promise<Services>;
  config(db?: string): Config;
}

export interface GlobalOptions {
  readonly db?: string;
  readonly world: string;
  readonly lang?: string;
}

export class CliContext {
  private servicesPromise?: Promise<Services>;

  constructor(readonly io: CliIo, readonly global: GlobalOptions, readonly lang: Lang) {}

  get world(): string {
    return this.global.world;
  }

  services(): Promise<Services> {
    this.servicesPromise ??= this.io.openServices(this.global.db);
    return this.servicesPromise;
  }

  async ledger(): Promise<LedgerService> {
    return (await this.services()).ledger;
  }

  /** Keeps the services open after the command returns (a server runs until stopped). */
  detach(): void {
    this.detached = true;
  }

  private detached = false;

  config(): Config {
    return this.io.config(this.global.db);
  }

  async close(): Promise<void> {
    if (this.servicesPromise && !this.detached) await (await this.servicesPromise).close();
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

export { pickLang } from './lang.js';
