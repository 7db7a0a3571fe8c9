/**
 * The treaty's verbs: members, ally, accession, enlargement, council, consult, article5, act,
 * world create. Queries answer from the indexes; acts go through the rules engine and are signed
 * by the acting delegation's key.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { csv, json, table, type Column } from '../format.js';
import { emit, nowIso, outputOptions, partyCode, stateCode, timeOptions, type Out, type Time } from '../options.js';
import { parseDateOption, parseNonNegativeInt } from '../parse.js';
import { textView, type ProposalTextData, type TextView } from '../../app/council-text.js';
import { AMENDMENT_OPS, type DiffRow } from '../../domain/council/text.js';
import {
  accession, accessionKeyFrom, allyProfile, consultations, decisions, enlargement, factsOf, members, type AccessionReport, type EnlargementRound, type Member,
  type RatificationRow,
} from '../../app/treaty-queries.js';
import { act, actingPrincipal, createWorldFromRecord } from '../../app/acts.js';
import { stateName } from '../../domain/states.js';
import { commandSpecs } from '../../domain/world.js';
import { EvereError, withNested } from '../../app/errors.js';
import { parseJsonLine } from '../../app/json-line.js';
import type { FactRow } from '../../app/ports.js';
import { recordText } from '../../messages/record-french.js';
import { nameForms } from '../../messages/grammar.js';
import { joinClauses } from '../../messages/format.js';

type Ctx = () => CliContext;
const code = stateCode;
const party = partyCode;

export function registerTreatyCommands(program: Command, ctx: Ctx): void {
  const fr = () => ctx().lang === 'fr';

  outputOptions(timeOptions(program.command('members')))
    .action(async (opts: Out & Time) => {
      const c = ctx();
      const rows = await members(await c.ledger(), c.world, opts);
      const columns: Column<Member>[] = [
        { header: 'code', value: (m) => m.code },
        { header: fr() ? 'Allié' : 'Ally', value: (m) => m.name[c.lang] },
        { header: fr() ? 'depuis' : 'since', value: (m) => m.since },
        { header: fr() ? 'voie' : 'via', value: (m) => (m.via === 'founding' ? (fr() ? 'fondateur' : 'founder') : m.protocol ?? '') },
        { header: fr() ? 'structure militaire intégrée' : 'integrated military structure', value: (m) => (m.outOfIntegratedStructure ? (fr() ? 'hors' : 'out') : (fr() ? 'dedans' : 'in')) },
      ];
      const date = opts.asOf?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
      emit(c, opts, rows, columns, fr() ? `${rows.length} Alliés au ${date}` : `${rows.length} Allies on ${date}`);
    });

  program.command('ally')
    .argument('<code>', 'ISO 3166-1 alpha-3 (or alpha-2, or a NATO digram)')
    .option('--json', 'machine-readable output')
    .action(async (value: string, opts: Out) => {
      const c = ctx();
      const p = await allyProfile(await c.ledger(), c.world, code(value));
      if (opts.json) return c.io.out(json(p));
      const lines = [`${p.name[c.lang]} (${p.code} · ${p.iso2} · ${p.numeric})`];
      for (const m of p.memberships) lines.push(`  ${fr() ? 'Allié depuis' : 'Ally since'} ${m.since}${m.until ? ` ${fr() ? 'jusqu’au' : 'until'} ${m.until}` : ''}`);
      if (p.memberships.length === 0) lines.push(`  ${fr() ? 'pas (encore) Allié' : 'not (yet) an Ally'}`);
      for (const o of p.outOfIntegratedStructure) lines.push(`  ${fr() ? 'hors de la structure militaire intégrée\u00a0: ' : 'out of the integrated military structure: '}${o.from} → ${o.until ?? '…'}`);
      const deposits = p.ratifications.filter((r) => (r as { stage?: string }).stage === 'instrument_deposited');
      if (deposits.length) lines.push(`  ${fr() ? 'ratifications déposées\u00a0: ' : 'ratifications deposited: '}${deposits.map((r) => `${(r as unknown as { protocol: string }).protocol} (${r.at})`).join(', ')}`);
      for (const k of p.consultationsRequested) lines.push(`  ${fr() ? 'consultations art. 4 demandées\u00a0: ' : 'Art. 4 consultations requested: '}${k.at} — ${recordText(c.lang, (k as { reason?: string }).reason) ?? ''}`);
      c.io.out(`${lines.join('\n')}\n`);
    });

  outputOptions(timeOptions(program.command('accession')))
    .argument('<code>', 'the invitee (e.g. SWE) or the protocol id (e.g. SWE-2022)')
    .action(async (value: string, opts: Out & Time) => {
      const c = ctx();
      const r = await accession(await c.ledger(), c.world, accessionKeyFrom(value), opts);
      if (opts.json) return c.io.out(json(r));
      const columns: Column<RatificationRow>[] = [
        { header: fr() ? 'Allié' : 'Ally', value: (x) => `${x.name[c.lang]}${x.required ? '' : ' *'}` },
        { header: fr() ? 'approbation parlementaire' : 'parliament approved', value: (x) => (x.parliamentApproved ? `${x.parliamentApprovalIsBound ? '≤ ' : ''}${x.parliamentApproved}` : '') },
        { header: fr() ? 'vote' : 'vote', value: (x) => (x.vote ? `${x.vote.for}–${x.vote.against}${x.vote.abstain ? `–${x.vote.abstain}` : ''}` : '') },
        { header: fr() ? 'instrument signé' : 'instrument signed', value: (x) => (x.instrumentSigned ? `${x.instrumentSignedIsBound ? '≤ ' : ''}${x.instrumentSigned}` : '') },
        { header: fr() ? 'déposé' : 'deposited', value: (x) => (x.deposited ? `${x.depositDateIsBound ? '≤ ' : ''}${x.deposited}` : '') },
        { header: fr() ? 'étape' : 'stage', value: (x) => stageLabel(x, c.lang) },
      ];
      if (opts.csv) return c.io.out(csv(r.rows, columns));
      c.io.out(`${accessionHeading(r, c)}\n\n${table(r.rows, columns)}`);
    });

  outputOptions(timeOptions(program.command('enlargement')))
    .action(async (opts: Out & Time) => {
      const c = ctx();
      const rows = await enlargement(await c.ledger(), c.world, opts);
      const columns: Column<EnlargementRound>[] = [
        { header: fr() ? 'protocole' : 'protocol', value: (r) => r.protocol },
        { header: fr() ? 'invités' : 'invitees', value: (r) => r.invitees.map((s) => stateName(s, c.lang)).join(', ') },
        { header: fr() ? 'invitation' : 'invited', value: (r) => r.invitedAt },
        { header: fr() ? 'signé' : 'signed', value: (r) => r.signedAt },
        { header: fr() ? 'en vigueur' : 'in force', value: (r) => r.enteredIntoForceAt },
        { header: fr() ? 'membre' : 'member', value: (r) => r.memberSince },
        { header: fr() ? 'ratifiants' : 'ratifiers', value: (r) => r.ratifiers, align: 'right' },
        { header: fr() ? 'jours depuis invitation' : 'days from invitation', value: (r) => r.daysFromInvitation, align: 'right' },
        { header: fr() ? 'jours depuis signature' : 'days from signature', value: (r) => r.daysFromSignature, align: 'right' },
        { header: fr() ? 'dernière approbation' : 'last to approve', value: (r) => lastCell(r.lastToApproveStatus, r.lastApprovers, fr()) },
        { header: fr() ? 'dernier dépôt' : 'last to deposit', value: (r) => lastCell(r.lastToDepositStatus, r.lastDepositors, fr()) },
      ];
      emit(c, opts, rows, columns);
    });

  const council = program.command('council');
  outputOptions(timeOptions(council.command('list')))
    .description('proposals and their status')
    .action(async (opts: Out & Time) => {
      const c = ctx();
      const rows = await factsOf(await c.ledger(), c.world, 'proposal', opts);
      emit(c, opts, rows, proposalColumns(c));
    });
  outputOptions(timeOptions(council.command('decisions')))
    .description('decisions adopted by consensus, by date')
    .option('--from <date>', 'adopted on or after this date', parseDateOption)
    .option('--to <date>', 'adopted on or before this date', parseDateOption)
    .action(async (opts: Out & Time & { from?: string; to?: string }) => {
      const c = ctx();
      const rows = await decisions(await c.ledger(), c.world, opts);
      emit(c, opts, rows, [
        { header: fr() ? 'adoptée' : 'adopted', value: (r) => r.validFrom.slice(0, 16).replace('T', ' ') },
        { header: 'id', value: (r) => (r.data as { proposal: string }).proposal },
        { header: fr() ? 'titre' : 'title', value: (r) => titleOf(r.data, c.lang) },
        { header: fr() ? 'procédure' : 'procedure', value: (r) => (r.data as { adoptedUnder?: string }).adoptedUnder },
        { header: fr() ? 'notes de bas de page' : 'footnotes', value: (r) => ((r.data as { footnotes?: unknown[] }).footnotes ?? []).length, align: 'right' },
      ]);
    });

  const proposalAct = (name: string, cmd: string, description: string, extra: (c: Command) => Command, data: (id: string, o: Record<string, unknown>) => Record<string, unknown>) => {
    extra(council.command(name))
      .description(description)
      .argument('<proposal>', 'proposal id')
      .requiredOption('--as <party>', 'who acts: an Ally (its delegation signs) or NAC/SG (staff)')
      .option('--at <time>', 'valid time of the act (default: now)', parseDateOption)
      .option('--json', 'machine-readable output')
      .action(async (id: string, o: Record<string, unknown>) => {
        const c = ctx();
        await doAct(c, { cmd, at: (o.at as string | undefined) ?? nowIso(), by: party(o.as as string), data: data(id, o) }, Boolean(o.json));
      });
  };
  const collect = (value: string, previous: string[]) => [...previous, value];
  const positive = (value: string) => {
    const n = parseNonNegativeInt(value);
    if (n < 1) throw new InvalidArgumentError(`"${value}" is not a paragraph number (1, 2, …).`);
    return n;
  };
  const revisionOption = (cmd: Command) => cmd.option('--revision <n>', 'the revision the act is given on (refused if it is not the current one)', parseNonNegativeInt);
  const pointingOptions = (cmd: Command) => revisionOption(cmd)
    .option('--paragraph <n>', 'the paragraph concerned', positive)
    .option('--wording <text>', 'wording proposed for that paragraph (stands as a pending amendment)');
  const opt = (o: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
  proposalAct('table', 'TableProposal', 'table a proposal for a meeting decision, or under the silence procedure with --deadline',
    (c) => c.requiredOption('--title <text>', 'title (English)').option('--title-fr <text>', 'title in French')
      .option('--deadline <time>', 'silence procedure: the deadline (UTC)', parseDateOption)
      .option('--invitees <codes>', 'invitees or partners who attend (comma-separated)')
      .option('--tags <tags>', 'comma-separated tags')
      .option('--paragraph <text>', 'a paragraph of the text, [square brackets] for language not agreed (repeat, in order)', collect, []),
    (id, o) => ({
      proposal: id, title: { en: o.title, ...(o.titleFr ? { fr: o.titleFr } : {}) }, procedure: o.deadline ? 'silence' : 'meeting',
      ...(o.deadline ? { deadline: o.deadline } : {}),
      ...(o.invitees ? { invitees: String(o.invitees).split(',').map((s) => code(s.trim())) } : {}),
      ...(o.tags ? { tags: String(o.tags).split(',').map((s) => s.trim()) } : {}),
      ...((o.paragraph as string[]).length ? { paragraphs: o.paragraph } : {}),
    }));
  proposalAct('agree', 'AgreeProposal', 'agree (with --ad-referendum: pending confirmation by capital)', (c) => revisionOption(c.option('--ad-referendum')),
    (id, o) => ({ proposal: id, ...(o.adReferendum ? { adReferendum: true } : {}), ...opt(o, 'revision') }));
  proposalAct('object', 'ObjectToProposal', 'object: no consensus while the objection stands', (c) => pointingOptions(c.option('--reason <text>')),
    (id, o) => ({ proposal: id, ...opt(o, 'reason', 'revision', 'paragraph', 'wording') }));
  proposalAct('lift', 'LiftObjection', 'lift an objection', (c) => c, (id) => ({ proposal: id }));
  proposalAct('break-silence', 'BreakSilence', 'break silence before the deadline (a formal letter to the Secretary General)', (c) => pointingOptions(c.option('--reason <text>')),
    (id, o) => ({ proposal: id, ...opt(o, 'reason', 'revision', 'paragraph', 'wording') }));
  proposalAct('footnote', 'AttachFootnote', 'attach a national footnote (a recorded reservation; it does not block)', (c) => c.requiredOption('--text <text>').option('--paragraph <n>', 'the paragraph it attaches to', positive),
    (id, o) => ({ proposal: id, text: o.text, ...opt(o, 'paragraph') }));
  proposalAct('revise', 'ReviseProposal', 'revise a proposal (after a silence break); --paragraph replaces the whole text', (c) => c.option('--title <text>').option('--paragraph <text>', 'a paragraph of the new text (repeat, in order)', collect, []),
    (id, o) => ({ proposal: id, ...(o.title ? { title: { en: o.title } } : {}), ...((o.paragraph as string[]).length ? { paragraphs: o.paragraph } : {}) }));
  proposalAct('silence', 'PlaceUnderSilence', 'place the (revised) proposal under silence with a new deadline', (c) => revisionOption(c.requiredOption('--deadline <time>', 'UTC deadline', parseDateOption)),
    (id, o) => ({ proposal: id, deadline: o.deadline, ...opt(o, 'revision') }));
  proposalAct('adopt', 'AdoptProposal', 'record adoption at a meeting (consensus: no Ally objects, no brackets remain)', (c) => c, (id) => ({ proposal: id }));
  proposalAct('close', 'CloseSilence', 'close the silence procedure at or after its deadline', (c) => c, (id) => ({ proposal: id }));
  proposalAct('withdraw', 'WithdrawProposal', 'withdraw a proposal', (c) => c, (id) => ({ proposal: id }));
  proposalAct('associate', 'AssociateWithStatement', 'an invitee or partner associates itself with the statement', (c) => c, (id) => ({ proposal: id }));
  proposalAct('amend', 'ProposeAmendment', 'propose an amendment to a paragraph of the current revision',
    (c) => revisionOption(c.requiredOption('--paragraph <n>', 'the paragraph (insert: the new paragraph’s number; count + 1 appends)', positive)
      .addOption(new Option('--op <op>', 'what the amendment does').choices(AMENDMENT_OPS).default('replace'))
      .option('--text <text>', 'the new wording (replace, insert) or the span to bracket (bracket; default: the whole paragraph)')),
    (id, o) => ({ proposal: id, ...opt(o, 'paragraph', 'op', 'text', 'revision') }));
  proposalAct('accept', 'AcceptAmendments', 'accept pending amendments into a new revision (the chair, or the Ally that tabled the text)',
    (c) => revisionOption(c.requiredOption('--amendments <ids>', 'amendment ids, comma-separated (e.g. A1,A3)')),
    (id, o) => ({ proposal: id, amendments: String(o.amendments).split(',').map((s) => s.trim()).filter(Boolean), ...opt(o, 'revision') }));

  timeOptions(council.command('text'))
    .description('a proposal’s text: its paragraphs with brackets and footnotes, amendments pending, and a side-by-side diff with the previous revision')
    .argument('<proposal>', 'proposal id')
    .option('--revision <n>', 'the revision to show (default: the current one)', parseNonNegativeInt)
    .option('--from <n>', 'the revision to compare with (default: the previous one)', parseNonNegativeInt)
    .option('--json', 'machine-readable output')
    .action(async (id: string, o: Time & { revision?: number; from?: number; json?: boolean }) => {
      const c = ctx();
      const rows = await factsOf(await c.ledger(), c.world, 'proposal', o);
      const row = rows.find((r) => (r.data as { proposal?: string }).proposal === id);
      if (!row) throw new EvereError('council_proposal.not_found', { proposal: id, world: c.world });
      const view = textView(row.data as unknown as ProposalTextData, { ...(o.revision === undefined ? {} : { revision: o.revision }), ...(o.from === undefined ? {} : { from: o.from }) });
      if (o.json) return c.io.out(json(view));
      c.io.out(renderText(view, c, process.stdout.columns ?? 100));
    });

  const consult = program.command('consult');
  outputOptions(timeOptions(consult.command('list', { isDefault: true })))
    .description('every Article 4 request and its consultation')
    .action(async (opts: Out & Time) => {
      const c = ctx();
      const rows = await consultations(await c.ledger(), c.world, opts);
      emit(c, opts, rows, [
        { header: fr() ? 'demandée' : 'requested', value: (r) => r.validFrom.slice(0, 10) },
        { header: fr() ? 'par' : 'by', value: (r) => (r.data as { requesters: string[] }).requesters.join(', ') },
        { header: fr() ? 'tenue' : 'held', value: (r) => (r.data as { heldAt?: string }).heldAt?.slice(0, 10) },
        { header: fr() ? 'motif' : 'reason', value: (r) => recordText(c.lang, (r.data as { reason: string }).reason) },
      ]);
    });
  consult.command('request')
    .description('request consultations under Article 4')
    .argument('<id>', 'consultation id')
    .requiredOption('--as <ally>', 'the requesting Ally')
    .requiredOption('--reason <text>', 'why: territorial integrity, political independence or security threatened')
    .option('--with <codes>', 'other requesting Allies (comma-separated)')
    .option('--at <time>', 'valid time (default: now)', parseDateOption)
    .option('--json')
    .action(async (id: string, o: { as: string; reason: string; with?: string; at?: string; json?: boolean }) => {
      const c = ctx();
      const by = code(o.as);
      const requesters = [by, ...(o.with ? o.with.split(',').map((s) => code(s.trim())) : [])];
      await doAct(c, { cmd: 'RequestConsultations', at: o.at ?? nowIso(), by, data: { consultation: id, requesters, reason: o.reason } }, Boolean(o.json));
    });
  consult.command('hold')
    .description('the Council holds the requested consultations')
    .argument('<id>', 'consultation id')
    .option('--at <time>', 'valid time (default: now)', parseDateOption)
    .option('--json')
    .action(async (id: string, o: { at?: string; json?: boolean }) => {
      await doAct(ctx(), { cmd: 'HoldConsultations', at: o.at ?? nowIso(), by: 'NAC', data: { consultation: id } }, Boolean(o.json));
    });

  outputOptions(timeOptions(program.command('article5')))
    .action(async (opts: Out & Time) => {
      const c = ctx();
      const rows = await factsOf(await c.ledger(), c.world, 'article5', opts);
      if (opts.json) return c.io.out(json(rows.map((r) => ({ determinedAt: r.validFrom.slice(0, 10), ...(r.data as object) }))));
      for (const r of rows) {
        const d = r.data as { victims: string[]; attackDate: string; description: string; measures?: { measure: string; at?: string; by?: string }[] };
        c.io.out(`${fr() ? 'Détermination' : 'Determination'} ${r.validFrom.slice(0, 10)} — ${d.victims.map((v) => stateName(v, c.lang)).join(', ')} (${fr() ? 'attaque du' : 'attack of'} ${d.attackDate})\n  ${recordText(c.lang, d.description)}\n`);
        for (const m of d.measures ?? []) c.io.out(`  • ${m.at ? `${m.at.slice(0, 10)} ` : ''}${m.by ? `[${m.by}] ` : ''}${recordText(c.lang, m.measure)}\n`);
      }
    });

  program.command('act')
    .argument('<cmd>', 'command name, e.g. TableProposal')
    .requiredOption('--as <party>', 'who acts')
    .option('--data <json>', 'the command data as JSON', '{}')
    .option('--at <time>', 'valid time (default: now)', parseDateOption)
    .addOption(new Option('--classification <level>', 'classification of the entries').choices(['PUBLIC', 'NATO UNCLASSIFIED', 'NATO RESTRICTED', 'NATO CONFIDENTIAL', 'NATO SECRET', 'COSMIC TOP SECRET']))
    .option('--json')
    .action(async (cmd: string, o: { as: string; data: string; at?: string; classification?: string; json?: boolean }) => {
      const parsed = parseJsonLine(o.data);
      if (!parsed.ok) throw withNested('input.invalid', { field: '--data' }, 'reason', parsed.reason);
      const data = parsed.value;
      await doAct(ctx(), { cmd, at: o.at ?? nowIso(), by: party(o.as), data }, Boolean(o.json), o.classification);
    });

  program.command('commands')
    .option('--json')
    .action((o: Out) => {
      const c = ctx();
      if (o.json) return c.io.out(json(commandSpecs));
      c.io.out(table(commandSpecs, [
        { header: 'command', value: (s) => s.cmd },
        { header: 'procedure', value: (s) => s.procedure },
        { header: fr() ? 'résumé' : 'summary', value: (s) => s.summary[c.lang] },
      ]));
    });

  const worldCmd = program.command('world');
  worldCmd.command('create')
    .description('create a writable world: the real record as it stood at a date (or empty)')
    .argument('<name>', 'world name (lower-case letters, digits, hyphens)')
    .option('--as-of <date>', 'copy the record up to this date', parseDateOption)
    .option('--empty', 'start from nothing')
    .option('--json')
    .action(async (name: string, o: { asOf?: string; empty?: boolean; json?: boolean }) => {
      const c = ctx();
      const bar = c.progress(name);
      const r = await createWorldFromRecord(await c.ledger(), c.config().dataDir, name, { ...(o.asOf ? { asOf: o.asOf } : {}), empty: Boolean(o.empty), progress: (d, t) => bar.update(d, t) });
      bar.stop();
      if (o.json) return c.io.out(json({ world: name, entries: r.entries }));
      c.say('cli.world_created', { world: name, store: (await c.ledger()).store.kind });
    });
}

async function doAct(c: CliContext, command: { cmd: string; at: string; by: string; data: unknown }, asJson: boolean, classification?: string): Promise<void> {
  const ledger = await c.ledger();
  await ledger.requireWorld(c.world);
  const principal = await actingPrincipal(ledger, c.world, command.by);
  const entries = await act(ledger, c.world, command, principal, classification ? { classification: classification as 'PUBLIC' } : {});
  if (asJson) return c.io.out(json(entries));
  for (const e of entries) c.io.out(`${e.seq}  ${e.validTime}  ${e.type}  ${e.actingFor}  (${c.lang === 'fr' ? 'signé par' : 'signed by'} ${e.actor})\n`);
}

const STAGE_LABELS: Record<RatificationRow['stage'], { en: string; fr: string }> = {
  deposited: { en: '✓ deposited', fr: '✓ déposé' },
  instrument_signed: { en: 'instrument signed, not deposited', fr: 'instrument signé, non déposé' },
  parliament_approved: { en: 'parliament approved, not deposited', fr: 'approuvé par le parlement, non déposé' },
  undetermined: { en: '? deposit date only bounded', fr: '? date de dépôt seulement bornée' },
  awaiting_parliament: { en: '… awaiting parliament', fr: '… attend le parlement' },
  not_recorded: { en: '— not recorded', fr: '— non enregistré' },
};

const stageLabel = (row: RatificationRow, lang: 'en' | 'fr'): string =>
  `${STAGE_LABELS[row.stage][lang]}${row.status === 'deposited_by' ? (lang === 'fr' ? ' (jour exact non sourcé)' : ' (exact day not sourced)') : ''}`;

function titleOf(data: unknown, lang: 'en' | 'fr'): string {
  const t = (data as { title?: { en: string; fr?: string } }).title;
  return t ? (t[lang] ?? t.en) : '';
}

function proposalColumns(c: CliContext): Column<FactRow>[] {
  const fr = c.lang === 'fr';
  return [
    { header: 'id', value: (r) => (r.data as { proposal: string }).proposal },
    { header: fr ? 'titre' : 'title', value: (r) => titleOf(r.data, c.lang) },
    { header: fr ? 'procédure' : 'procedure', value: (r) => (r.data as { procedure: string }).procedure },
    { header: fr ? 'statut' : 'status', value: (r) => (r.data as { status: string }).status },
    { header: fr ? 'échéance' : 'deadline', value: (r) => (r.data as { deadline?: string }).deadline },
  ];
}

/** Who was last: from known dates only; a bound that leaves it open says "undetermined". */
function lastCell(status: EnlargementRound['lastToDepositStatus'], allies: readonly string[] | undefined, fr: boolean): string {
  if (status === 'pending') return '';
  if (status === 'undetermined' || !allies) return fr ? 'indéterminé' : 'undetermined';
  return allies.map((a) => stateName(a, fr ? 'fr' : 'en')).join(fr ? ' et ' : ' and ');
}

function accessionHeading(r: AccessionReport, c: CliContext): string {
  const fr = c.lang === 'fr';
  const names = (codes: readonly string[]) => codes.map((s) => stateName(s, c.lang)).join(', ');
  const invitees = names(r.invitees);
  const st = r.stages;
  // Counted as approved from a deposit or a signature, with no parliamentary approval recorded.
  const implied = r.approvalNotRecorded;
  const counts = [
    (fr ? `${st.parliamentApproved} sur ${r.required} parlements ont approuvé` : `${st.parliamentApproved} of ${r.required} parliaments approved`)
      + (implied.length ? (fr ? ` (dont ${implied.length} d’après le dépôt ou la signature, sans approbation enregistrée)` : ` (${implied.length} from the deposit or the signature, no approval recorded)`) : ''),
    (fr ? `${st.deposited} sur ${r.required} instruments déposés` : `${st.deposited} of ${r.required} instruments deposited`)
      + (st.depositedByBound ? (fr ? ` (dont ${st.depositedByBound} à date bornée)` : ` (${st.depositedByBound} by a bounded date)`) : ''),
    ...(st.undetermined ? [fr ? `${st.undetermined} indéterminés` : `${st.undetermined} undetermined`] : []),
    st.inForce ? (fr ? `en vigueur le ${r.enteredIntoForceAt}` : `in force ${r.enteredIntoForceAt}`) : (fr ? 'pas en vigueur' : 'not in force'),
  ].join(' · ');
  const p = r.pending;
  const colon = fr ? '\u00a0: ' : ': ';
  const pending = [
    ...(p.parliament.length ? [`${fr ? 'attendent l’approbation parlementaire' : 'awaiting parliament'}${colon}${names(p.parliament)}`] : []),
    ...(p.deposit.length ? [`${fr ? 'approuvé, instrument non déposé' : 'approved, instrument not deposited'}${colon}${names(p.deposit)}`] : []),
    ...(p.undetermined.length ? [`${fr ? 'indéterminés (date de dépôt seulement bornée)' : 'undetermined (deposit date only bounded)'}${colon}${names(p.undetermined)}`] : []),
    ...(p.notRecorded.length ? [`${fr ? 'étape non enregistrée' : 'stage not recorded'}${colon}${names(p.notRecorded)}`] : []),
    ...(implied.length ? [`${fr ? 'aucune approbation parlementaire enregistrée' : 'no parliamentary approval recorded'}${colon}${names(implied)}`] : []),
  ];
  // "la Suède, Alliée depuis le …", "les Pays-Bas, Alliés depuis le …": article and agreement from the grammar table.
  const allyWord = (s: string): string => {
    const f = nameForms(s, 'fr');
    return `Allié${f.gender === 'f' ? 'e' : ''}${f.number === 'other' ? 's' : ''}`;
  };
  const joined = joinClauses(Object.entries(r.members)
    .map(([s, d], i) => (fr ? `${nameForms(s, 'fr')[i === 0 ? 'The' : 'the']}, ${allyWord(s)} depuis le ${d}` : `${stateName(s, c.lang)}, an Ally since ${d}`)), c.lang);
  const bound = [
    ...(r.rows.some((x) => x.depositDateIsBound)
      ? [fr ? '≤ (dépôt)\u00a0: date de dépôt bornée par l’entrée en vigueur ou une source datée (jour exact non sourcé)' : '≤ (deposit): deposit date bounded by entry into force or a dated source (exact day not sourced)']
      : []),
    ...(r.rows.some((x) => x.parliamentApprovalIsBound)
      ? [fr ? '≤ (approbation)\u00a0: approuvé au plus tard à cette date, selon une source datée (jour exact non sourcé)' : '≤ (approval): approved by that date, per a dated source (exact day not sourced)']
      : []),
    ...(r.rows.some((x) => x.instrumentSignedIsBound)
      ? [fr ? '≤ (signature)\u00a0: signé au plus tard à cette date, selon une source datée (jour exact non sourcé)' : '≤ (signature): signed by that date, per a dated source (exact day not sourced)']
      : []),
  ];
  return [
    `${fr ? 'Protocole' : 'Protocol'} ${r.protocol} — ${invitees}`,
    `${fr ? 'signé le' : 'signed'} ${r.signedAt} · ${fr ? 'au' : 'as of'} ${r.asOf} · ${r.daysElapsed} ${fr ? 'jours' : 'days'}`,
    counts,
    ...pending,
    ...(joined ? [joined] : []),
    ...bound,
  ].join('\n');
}

/** Words of `text` in lines of at most `width` characters (a longer word stands alone). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

const DIFF_MARK: Record<DiffRow['kind'], string> = { same: ' ', changed: '~', removed: '-', added: '+' };

/** The text view for a terminal: paragraphs, brackets, footnotes, pending amendments, side-by-side diff. */
function renderText(view: TextView, c: CliContext, columns: number): string {
  const width = Math.max(60, Math.min(columns, 160));
  const out: string[] = [];
  const title = view.title[c.lang] ?? view.title.en;
  out.push(c.t('cli.text.heading', { proposal: view.proposal, title, revision: view.revision, current: view.current, status: c.t(`cli.text.status.${view.status}`) }), '');
  if (view.paragraphs.length === 0) out.push(c.t('cli.text.no_paragraphs'));
  for (const p of view.paragraphs) {
    const lines = wrap(p.text, width - 8);
    out.push(`${String(p.n).padStart(3)}${p.bracketed ? ' [ ' : '   '} ${lines[0]}`, ...lines.slice(1).map((l) => `       ${l}`));
    for (const f of p.footnotes) out.push(...wrap(c.t('cli.text.footnote', { ally: f.ally, text: f.text }), width - 10).map((l) => `         ${l}`));
  }
  if (view.paragraphs.length > 0) {
    out.push('', view.openBrackets.length ? c.t('cli.text.open_brackets', { paragraphs: view.openBrackets.join(', ') }) : c.t('cli.text.no_brackets'));
  }
  if (view.revision === view.current) {
    out.push('', view.pending.length ? `${c.t('cli.text.pending', { revision: view.current })}:` : c.t('cli.text.no_pending'));
    for (const a of view.pending) {
      const what = c.t(`cli.text.op.${a.op}`, { n: a.paragraph });
      out.push(...wrap(`${a.id}  ${a.by}  ${a.at.slice(0, 16).replace('T', ' ')}  ${what}${a.text === undefined ? '' : ` “${a.text}”`}`, width - 2).map((l, i) => `${i ? '    ' : '  '}${l}`));
    }
  }
  if (view.diff) {
    const changed = view.diff.rows.filter((r) => r.kind !== 'same');
    out.push('', `${c.t('cli.text.diff', { from: view.diff.from, to: view.diff.to })}:`);
    if (changed.length === 0) out.push(`  ${c.t('cli.text.no_changes')}`);
    else {
      const half = Math.floor((width - 7) / 2);
      out.push(`    ${c.t('cli.text.revision_col', { n: view.diff.from }).padEnd(half)} │ ${c.t('cli.text.revision_col', { n: view.diff.to })}`);
      for (const r of changed) {
        const left = r.kind === 'added' ? [] : wrap(`${r.before}. ${r.kind === 'removed' || r.kind === 'changed' ? r.old : ''}`, half);
        const right = r.kind === 'removed' ? [] : wrap(`${r.after}. ${r.text}`, half);
        for (let i = 0; i < Math.max(left.length, right.length); i++) {
          out.push(`  ${i === 0 ? DIFF_MARK[r.kind] : ' '} ${(left[i] ?? '').padEnd(half)} │ ${right[i] ?? ''}`);
        }
      }
    }
  }
  if (view.revisions.length > 1) {
    out.push('', `${c.t('cli.text.history')}:`);
    for (const r of view.revisions) {
      const amendments = r.amendments.length ? c.t('cli.text.accepted', { amendments: r.amendments.join(', ') }) : '';
      out.push(`  ${c.t('cli.text.history_line', { revision: r.revision, at: r.at.slice(0, 16).replace('T', ' '), by: r.by, amendments })}`);
    }
  }
  return `${out.join('\n')}\n`;
}
