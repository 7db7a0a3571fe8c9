/**
 * Browser tests through the real server: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), the built web app (built here with Vite's JS API when missing or stale),
 * and a server stack over a temporary SQLite file with the real record and a seeded exercise world.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { openServices, type Services } from '../../src/main.js';
import { buildApp } from '../../src/api/build-app.js';
import { initRecord } from '../../src/app/record-loader.js';
import { act, actingPrincipal, createWorldFromRecord } from '../../src/app/acts.js';
import type { Classification } from '../../src/ledger/classification.js';
import { factsOf } from '../../src/app/treaty-queries.js';
import { EvereError } from '../../src/app/errors.js';
import { tempDir } from './cli.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIST = join(ROOT, 'web-dist');
/** Debian's package installs it here; CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Whether the browser suite can run. Under CI a missing Chromium is a failure (the suite must not
 * pass by skipping); locally the suite is skipped with the reason.
 */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI === 'true') throw new Error(`Chromium is required under CI but ${CHROMIUM} does not exist`);
  return `no Chromium at ${CHROMIUM} (install Debian's chromium package)`;
}

/**
 * Debian's Chromium. The test suites pass `--process-per-site`: the pages they open one after
 * another on the one server share a renderer process instead of starting one each, which cut the
 * browser suites' CPU time by about a tenth. The web benchmark measures page loads as a reader's
 * browser makes them, and launches without it.
 */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Builds web-dist/ when it is missing or older than its sources (the same step `npm start` runs). */
export async function ensureWebBuild(): Promise<void> {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web.js'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`building the web app failed (exit ${result.status})`);
}

export const PASSWORD = 'correct horse battery staple';
export const SCENARIO = 'ex';

export interface WebServer {
  readonly url: string;
  /** The data directory (the record and the scenario files). */
  readonly dataDir: string;
  readonly app: FastifyInstance;
  readonly services: Services;
  close(): Promise<void>;
}

/** The real server (buildApp with the built web app, or a copy of it at webRoot) on a loopback port. */
export async function startWebServer(options: { seed?: boolean; webRoot?: string } = {}): Promise<WebServer> {
  const dir = tempDir('evere-web-');
  const config = loadConfig({}, { db: join(dir, 'evere.db') });
  const services = await openServices(config);
  await initRecord(services.ledger, config.dataDir, { world: 'record', empty: false });
  if (options.seed !== false) await seedScenario(services);
  const app = await buildApp({ ...services, dataDir: config.dataDir }, { rateLimit: false, webRoot: options.webRoot ?? WEB_DIST });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address, app, services, dataDir: config.dataDir,
    async close() {
      await app.close();
      await services.close();
    },
  };
}

type Raw = { cmd: string; at: string; by: string; data: Record<string, unknown> };

async function give(services: Services, world: string, raw: Raw, classification: Classification = 'NATO UNCLASSIFIED'): Promise<void> {
  const principal = await actingPrincipal(services.ledger, world, raw.by);
  await act(services.ledger, world, raw, principal, { classification, releasability: classification === 'PUBLIC' ? ['PUBLIC'] : ['NATO'] });
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Proposal ids the tests act on. */
export const PROPOSALS = {
  /** Under silence, deadline in three days: a delegation can break silence. */
  open: 'PO-2026-0101',
  /** Under silence, deadline an hour ago and not yet closed: a break is refused by the rule. */
  lapsed: 'PO-2026-0100',
} as const;

/**
 * An exercise world forked from the record on 1 June 2024, with Council business, operations,
 * partnerships, the DCB fund, exercises, EU membership, arms control and human-security tags, so
 * that every page has something to show; and three accounts (two delegations and a staff member).
 */
export async function seedScenario(services: Services, world = SCENARIO): Promise<void> {
  await createWorldFromRecord(services.ledger, services.config.dataDir, world, { asOf: '2024-06-01', exercise: true });
  const must = (cmd: string, at: string, by: string, data: Record<string, unknown>, classification?: Classification) =>
    give(services, world, { cmd, at, by, data }, classification);
  // Illustrative content is added only where the record (forked at 2024-06-01) has none of that
  // kind yet, and a refusal there is not the test's concern: the record is being completed.
  let skip = false;
  const section = async (kind: string) => { skip = (await factsOf(services.ledger, world, kind)).length > 0; };
  const g = async (cmd: string, at: string, by: string, data: Record<string, unknown>, classification?: Classification) => {
    if (skip) return;
    try {
      await must(cmd, at, by, data, classification);
    } catch (error) {
      if (!(error instanceof EvereError)) throw error;
    }
  };
  const allies = ['ALB', 'BEL', 'BGR', 'CAN', 'HRV', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'ISL', 'ITA', 'LVA', 'LTU', 'LUX', 'MNE', 'NLD', 'MKD', 'NOR', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE', 'TUR', 'GBR', 'USA'];

  await section('framework');
  await g('EstablishFramework', '2024-06-02', 'NAC', { framework: 'PFP', name: { en: 'Partnership for Peace', fr: 'Partenariat pour la paix' }, region: 'Euro-Atlantic' });
  await g('EstablishFramework', '2024-06-02', 'NAC', { framework: 'MD', name: { en: 'Mediterranean Dialogue', fr: 'Dialogue méditerranéen' }, region: 'Mediterranean' });
  await g('EstablishFramework', '2024-06-02', 'NAC', { framework: 'ICI', name: { en: 'Istanbul Cooperation Initiative', fr: 'Initiative de coopération d’Istanbul' }, region: 'Gulf' });
  await g('EstablishFramework', '2024-06-02', 'NAC', { framework: 'PATG', name: { en: 'Partners across the globe', fr: 'Partenaires dans le monde' } });
  for (const p of ['AUT', 'CHE', 'IRL', 'MLT', 'GEO', 'UKR', 'MDA', 'ARM', 'AZE', 'BIH', 'SRB', 'KAZ', 'UZB']) await g('JoinFramework', '2024-06-03', p, { framework: 'PFP', partner: p });
  for (const p of ['DZA', 'EGY', 'ISR', 'JOR', 'MRT', 'MAR', 'TUN']) await g('JoinFramework', '2024-06-03', p, { framework: 'MD', partner: p });
  for (const p of ['BHR', 'KWT', 'QAT', 'ARE']) await g('JoinFramework', '2024-06-03', p, { framework: 'ICI', partner: p });
  for (const p of ['AUS', 'JPN', 'KOR', 'NZL', 'MNG', 'COL', 'IRQ', 'PAK']) await g('JoinFramework', '2024-06-03', p, { framework: 'PATG', partner: p });
  await g('AgreeTailoredProgramme', '2024-06-20', 'NAC', { programme: 'ITPP-GEO-2024', framework: 'PFP', partner: 'GEO', kind: 'ITPP', title: 'Individually Tailored Partnership Programme' });
  await g('AgreeTailoredProgramme', '2024-07-01', 'NAC', { programme: 'ITPP-JPN-2024', framework: 'PATG', partner: 'JPN', kind: 'ITPP' });

  await section('operation');
  await g('LaunchOperation', '2024-06-04', 'NAC', { operation: 'KFOR', name: { en: 'Kosovo Force (KFOR)', fr: 'Force pour le Kosovo (KFOR)' }, kind: 'operation', coreTask: 'crisis_prevention_and_management', area: 'Kosovo', mandate: ['unscr'], resolutions: ['1244'] });
  await g('LaunchOperation', '2024-06-04', 'NAC', { operation: 'NMI', name: { en: 'NATO Mission Iraq', fr: 'Mission OTAN en Irak' }, kind: 'mission', coreTask: 'crisis_prevention_and_management', area: 'Iraq', mandate: ['host_request'], requestedBy: ['IRQ'] });
  await g('LaunchOperation', '2024-06-05', 'NAC', { operation: 'SEA-GUARDIAN', name: { en: 'Operation Sea Guardian', fr: 'Opération Sea Guardian' }, kind: 'operation', coreTask: 'deterrence_and_defence', area: 'Mediterranean Sea', mandate: ['none'] });
  await g('LaunchOperation', '2024-06-05', 'NAC', { operation: 'AEGEAN', name: { en: 'Aegean Sea activity', fr: 'Activité en mer Égée' }, kind: 'mission', coreTask: 'crisis_prevention_and_management', area: 'Aegean Sea', mandate: ['organisation_request'], requestingOrganisation: 'European Union' });
  for (const c of ['ITA', 'TUR', 'USA', 'DEU', 'HUN', 'POL', 'AUT', 'CHE']) await g('JoinOperation', '2024-06-06', c, { operation: 'KFOR', contributor: c });
  for (const c of ['USA', 'GBR', 'DNK', 'ITA', 'ESP', 'AUS']) await g('JoinOperation', '2024-06-06', c, { operation: 'NMI', contributor: c });
  await g('EndOperation', '2024-09-30', 'NAC', { operation: 'AEGEAN' });

  await section('fund-contribution');
  await g('LaunchDcbPackage', '2024-06-07', 'NAC', { package: 'DCB-IRQ', partner: 'IRQ', areas: ['strategic_advice', 'education_and_training', 'ammunition_and_small_arms'], title: 'Iraq' });
  await g('LaunchDcbPackage', '2024-06-07', 'NAC', { package: 'DCB-TUN', partner: 'TUN', areas: ['cyber_defence', 'education_and_training'], title: 'Tunisia' });
  await g('LaunchDcbPackage', '2024-06-07', 'NAC', { package: 'DCB-GEO', partner: 'GEO', areas: ['logistics', 'strategic_advice'], title: 'Georgia' });
  await g('PledgeToFund', '2024-06-08', 'BEL', { pledge: 'BEL-2024-1', ally: 'BEL', amount: 50_000_000, currency: 'EUR', package: 'DCB-IRQ' });
  const gifts: [string, number][] = [['BEL', 30_000_000], ['DEU', 120_000_000], ['NOR', 60_000_000], ['NLD', 45_000_000], ['ITA', 25_000_000], ['DNK', 18_000_000]];
  for (const [ally, amount] of gifts) await g('ContributeToFund', '2024-06-10', ally, { contribution: `${ally}-2024-C1`, ally, amount, currency: 'EUR' });
  await g('AllocateToProject', '2024-07-01', 'DCB', { project: 'IRQ-CIED', package: 'DCB-IRQ', area: 'ammunition_and_small_arms', amount: 80_000_000, currency: 'EUR', title: 'Counter-IED training' });
  await g('AllocateToProject', '2024-07-01', 'DCB', { project: 'TUN-CYBER', package: 'DCB-TUN', area: 'cyber_defence', amount: 40_000_000, currency: 'EUR' });
  await g('AllocateToProject', '2024-07-02', 'DCB', { project: 'GEO-LOG', package: 'DCB-GEO', area: 'logistics', amount: 35_000_000, currency: 'EUR' });
  await g('RecordExpenditure', '2024-08-01', 'DCB', { project: 'IRQ-CIED', amount: 22_500_000, currency: 'EUR' });

  await section('exercise');
  await g('HoldExercise', '2024-06-07', 'SHAPE', { exercise: 'BALTOPS-24', name: 'BALTOPS 24', endDate: '2024-06-20', lead: 'STRIKFORNATO', coreTask: 'deterrence_and_defence', participants: ['DEU', 'DNK', 'EST', 'FIN', 'FRA', 'LVA', 'LTU', 'NLD', 'NOR', 'POL', 'SWE', 'USA', 'GBR'], hostNations: ['DEU', 'POL'], domains: ['maritime', 'air'], themes: ['military_mobility'], troops: 9000 });
  await g('HoldExercise', '2024-10-14', 'SHAPE', { exercise: 'STEADFAST-NOON-24', name: 'Steadfast Noon 24', endDate: '2024-10-24', lead: 'NATO', coreTask: 'deterrence_and_defence', domains: ['air'] });
  await g('HoldExercise', '2024-11-25', 'SHAPE', { exercise: 'CYBER-COALITION-24', name: 'Cyber Coalition 24', endDate: '2024-11-29', lead: 'Allied Command Transformation', coreTask: 'deterrence_and_defence', domains: ['cyber'], themes: ['cyber'], hostNations: ['EST'] });

  await section('eu-membership');
  const eu = ['BEL', 'BGR', 'HRV', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'ITA', 'LVA', 'LTU', 'LUX', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE', 'AUT', 'CYP', 'IRL', 'MLT'];
  for (const s of eu) await g('JoinEuropeanUnion', '2024-06-09', s, { state: s });
  await g('SignNatoEuDeclaration', '2024-06-11', 'SG', { declaration: 'EU-NATO-2024', title: 'Joint declaration on EU-NATO cooperation', areas: ['hybrid_threats', 'cyber_defence', 'military_mobility', 'resilience'], place: 'Brussels' });

  await section('arms-control-instrument');
  await g('RegisterArmsControlInstrument', '2024-06-12', 'SG', { instrument: 'CWC', name: 'Chemical Weapons Convention', kind: 'treaty', field: 'chemical', depositary: 'UN Secretary-General' });
  await g('RegisterArmsControlInstrument', '2024-06-12', 'SG', { instrument: 'VD11', name: 'Vienna Document 2011', kind: 'politically_binding', field: 'confidence_building' });
  await g('ArmsControlInstrumentEntersIntoForce', '2024-06-13', 'SG', { instrument: 'CWC' });
  for (const a of allies) await g('RecordArmsControlStatus', '2024-06-14', a, { instrument: 'CWC', state: a, status: 'party' });
  for (const a of allies.slice(0, 20)) await g('RecordArmsControlStatus', '2024-06-14', a, { instrument: 'VD11', state: a, status: 'party' });
  await g('EstablishArmsControlCommittee', '2024-06-15', 'NAC', { committee: 'HLTF', name: 'High-Level Task Force on Conventional Arms Control', mandate: 'Advises Ministers on conventional arms control.' });

  await section('human-security');
  await g('TagHumanSecurity', '2024-06-16', 'SG', { activity: 'operation', id: 'KFOR', pillars: ['protection_of_civilians', 'cultural_property'], genderAnalysis: true });
  await g('TagHumanSecurity', '2024-06-16', 'SG', { activity: 'operation', id: 'NMI', pillars: ['protection_of_civilians', 'children_armed_conflict'], genderAnalysis: false });
  await g('TagHumanSecurity', '2024-06-16', 'SG', { activity: 'exercise', id: 'BALTOPS-24', pillars: [], genderAnalysis: true });

  // The Council: one adopted decision with a footnote, one meeting item, two silence procedures.
  const c = must;
  const now = Date.now();
  await c('TableProposal', '2024-06-20', 'SG', { proposal: 'PO-2024-0042', title: { en: 'Defence Production Action Plan', fr: 'Plan d’action pour la production de défense' }, procedure: 'meeting', tags: ['capabilities'] });
  await c('AttachFootnote', '2024-06-21', 'GRC', { proposal: 'PO-2024-0042', text: 'Greece recalls its national position on paragraph 7.' });
  await c('AdoptProposal', '2024-06-21', 'NAC', { proposal: 'PO-2024-0042' });
  await c('TableProposal', iso(now - 3 * 86_400_000), 'SG', { proposal: 'PO-2026-0077', title: { en: 'Review of the Alliance’s resilience objectives', fr: 'Examen des objectifs de résilience de l’Alliance' }, procedure: 'meeting' }, 'NATO RESTRICTED');
  await c('AgreeProposal', iso(now - 2 * 86_400_000), 'NLD', { proposal: 'PO-2026-0077' }, 'NATO RESTRICTED');
  await c('AgreeProposal', iso(now - 2 * 86_400_000), 'NOR', { proposal: 'PO-2026-0077', adReferendum: true }, 'NATO RESTRICTED');
  await c('ObjectToProposal', iso(now - 86_400_000), 'HUN', { proposal: 'PO-2026-0077', reason: 'Awaiting instructions from capital.' }, 'NATO RESTRICTED');
  await c('TableProposal', iso(now - 2 * 3_600_000), 'SG', { proposal: PROPOSALS.lapsed, title: { en: 'Statement on maritime security in the Baltic Sea', fr: 'Déclaration sur la sûreté maritime en mer Baltique' }, procedure: 'silence', deadline: iso(now - 3_600_000) });
  await c('TableProposal', iso(now - 3_600_000), 'SG', { proposal: PROPOSALS.open, title: { en: 'Council statement on the anniversary of the Washington Treaty', fr: 'Déclaration du Conseil pour l’anniversaire du Traité de Washington' }, procedure: 'silence', deadline: iso(now + 3 * 86_400_000) });
  await c('AgreeProposal', iso(now - 1_800_000), 'CAN', { proposal: PROPOSALS.open });

  await services.accounts.create({ username: 'bel', password: PASSWORD, role: 'delegation', party: 'BEL', clearance: 'NATO SECRET' });
  await services.accounts.create({ username: 'fra', password: PASSWORD, role: 'delegation', party: 'FRA', clearance: 'NATO SECRET' });
  await services.accounts.create({ username: 'sg', password: PASSWORD, role: 'staff', clearance: 'NATO SECRET' });
  // An exercise world is closed: the people acting in it are admitted to it.
  for (const username of ['bel', 'fra', 'sg']) await services.accounts.grant(username, { worlds: [world] });
}

/** What makes the page wider than the screen: the elements that stick out, widest first. */
export interface Overflow {
  readonly scrollWidth: number;
  readonly viewport: number;
  readonly culprits: readonly string[];
  /** Captions of tables wider than their box (cut off or scrolled). */
  readonly scrolledTables: readonly string[];
}

/**
 * Measured in the page. Kept as source text: the test runner's transpiler would wrap named inner
 * functions in a helper the page does not have.
 */
export const MEASURE = `(() => {
  const viewport = document.documentElement.clientWidth;
  const describe = (el) => {
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const text = (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 40);
    return el.tagName.toLowerCase() + id + cls + (text ? ' “' + text + '”' : '');
  };
  const found = [];
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right <= viewport + 0.5 && r.left >= -0.5) continue;
    // Inside a box that scrolls or clips (a table's), it does not widen the page.
    let clipped = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') { clipped = true; break; }
    }
    if (!clipped) found.push({ right: Math.round(r.right), what: describe(el) });
  }
  found.sort((a, b) => b.right - a.right);
  const culprits = found.slice(0, 4).map((f) => f.what + ' (right edge ' + f.right + ' px)');
  const scrolledTables = Array.from(document.querySelectorAll('.table-wrap'))
    .filter((w) => w.scrollWidth > w.clientWidth + 1)
    .map((w) => (w.querySelector('caption') && w.querySelector('caption').textContent.trim()) || describe(w));
  return { scrollWidth: document.documentElement.scrollWidth, viewport, culprits, scrolledTables };
})()`;

/**
 * Screenshots are kept in test-artifacts/screenshots/ for people to look at, at both sizes and in
 * both languages. Under CI, where nobody does, they are taken only with EVERE_SCREENSHOTS=1: a
 * full page's capture costs about as much as loading it.
 */
export const SCREENSHOTS = process.env.CI !== 'true' || process.env.EVERE_SCREENSHOTS === '1';

/** Keeps a screenshot of the page (the whole of it with `fullPage`) or of one element, when screenshots are kept. */
export async function keepScreenshot(target: Page | Locator, path: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!SCREENSHOTS) return;
  await ('goto' in target ? target.screenshot({ path, fullPage: options.fullPage ?? false }) : target.screenshot({ path }));
}

/** A serious or critical accessibility violation found by axe-core. */
export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Waits until the page has loaded its data and nothing is still drawing. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // 20 s: under a whole `npm test` on a busy 2-core machine, one desktop page took over 10 s.
  await page.waitForFunction(() => !document.querySelector('.loading, .map__loading, [data-state="running"]'), null, { timeout: 20_000 });
}

/**
 * The language axe-core is run in at each size: English on the desktop, French on the phone. Its
 * rules look at structure, names, colours and sizes, which the two languages share but for the
 * words (the French ones, longer, meet the narrower screen): every page is so checked at both sizes
 * and in both languages at about half the cost of all four combinations.
 */
export const AXE_LANGUAGE = { desktop: 'en', phone: 'fr' } as const;

let axeSource: string | undefined;

/** Runs axe-core (WCAG 2.0–2.2 A/AA and best practice) and returns the serious and critical violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a script tag: the pages' CSP (no inline script) rightly refuses a tag.
  await page.evaluate(axeSource ??= readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } };
    return w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      // Only the violations are read: axe skips gathering the details of every pass.
      resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A violation in a line: its impact, rule, help and the first three elements it names. */
export const violationLine = (v: AxeViolation): string =>
  `${v.impact} ${v.id} — ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`;

/** Signs a browser context in through the API (the session cookie stays in the context). */
export async function signIn(context: BrowserContext, base: string, username: string, password = PASSWORD): Promise<void> {
  const r = await context.request.post(`${base}/api/auth/login`, { data: { username, password } });
  if (r.status() !== 200) throw new Error(`sign-in of ${username}: ${r.status()}`);
}

/**
 * A browser suite's set-up in one place: whether it runs (under CI a missing Chromium fails the
 * suite's `before` rather than skipping it), and, once started, the built web app served by the
 * real server with Debian's Chromium driving it.
 *
 *   const suite = browserSuite({ seed: false });
 *   describe('…', { skip: suite.skip }, () => {
 *     before(async () => ({ server, browser } = await suite.start()));
 *     after(() => suite.stop());
 */
export function browserSuite(options: { seed?: boolean } = {}): {
  readonly skip: string | undefined;
  start(): Promise<{ server: WebServer; browser: Browser }>;
  stop(): Promise<void>;
} {
  let skip: string | undefined;
  let failure: unknown;
  try {
    skip = browserSkipReason() || undefined;
  } catch (error) {
    failure = error;
  }
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  return {
    skip,
    async start() {
      if (failure) throw failure;
      await ensureWebBuild();
      server = await startWebServer(options);
      browser = await launchBrowser(['--process-per-site']);
      return { server, browser };
    },
    async stop() {
      await browser?.close();
      await server?.close();
    },
  };
}

/**
 * Does `work` for every item with at most `size` at once: a sweep over many pages spends most of
 * its time waiting on the page (loading, the network going quiet), which other pages can use.
 */
export async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
