/**
 * The North Atlantic Council: proposals with their procedure, a live countdown to each silence
 * deadline (DTG, Brussels time, pausable), each Ally's position and footnotes, the acts the
 * signed-in delegation may give (from the engine), and the decision history. Any change in the
 * world arrives over server-sent events and is announced politely.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PageProps } from '../app.js';
import type { Proposal } from '../../domain/council/types.js';
import type { Fact } from '../lib/facts.js';
import { latestByKey } from '../lib/facts.js';
import { actorName, brussels, dtg, stateName, useI18n } from '../lib/i18n.js';
import { useApi } from '../lib/data.js';
import { useStates, useWorld } from '../lib/reference.js';
import { useSession } from '../lib/session.js';
import { useMarkings } from '../lib/markings.js';
import { useLiveConnected } from '../lib/live.js';
import { actionLabelKey, actionTone, NEW_PROPOSAL, proposalActions, type AvailableCommand } from '../lib/actions.js';
import type { MessageKey } from '../lib/messages.js';
import { hrefFor, Link } from '../lib/router.js';
import { CommandForm, type CommandResult } from '../components/command-form.js';
import { SortableTable } from '../components/table.js';
import { Chip, DateText, Empty, PageHeader, QueryView, Section, type Tone } from '../components/ui.js';

/** The `proposal` fact's data: the proposal without `id` and `tabledAt` (its key and validFrom). */
type ProposalFact = Fact<Omit<Proposal, 'id' | 'tabledAt'> & { proposal: string }>;

const toProposal = (f: ProposalFact): Proposal => ({ ...f.data, id: f.data.proposal, tabledAt: f.validFrom }) as Proposal;
type DecisionFact = Fact<{ proposal: string; title: { en: string; fr?: string }; adoptedUnder: string; revision: number; footnotes: { ally: string; text: string }[]; agreedAdReferendum?: string[] }>;

const STATUS_TONE: Record<Proposal['status'], Tone> = { draft: 'info', under_silence: 'warning', silence_broken: 'danger', adopted: 'success', withdrawn: 'neutral' };

function remaining(ms: number): { d: number; h: number; m: number; s: number } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return { d: Math.floor(total / 86400), h: Math.floor((total % 86400) / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

function Countdown({ deadline }: { deadline: string }) {
  const { t, lang } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const [paused, setPaused] = useState(false);
  const end = Date.parse(deadline);
  useEffect(() => {
    if (paused) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [paused]);
  const left = end - now;
  const r = remaining(left);
  const text = left > 0 ? t('council.countdown', { d: r.d, h: String(r.h).padStart(2, '0'), m: String(r.m).padStart(2, '0'), s: String(r.s).padStart(2, '0') }) : t('council.deadline_passed');
  // A screen reader hears the countdown once an hour, then once a minute in the last hour, never
  // every second (WCAG 4.1.3): the live region's text changes only that often.
  const announced = left > 0
    ? t('council.countdown_announce', { text: t('council.countdown', { d: r.d, h: r.h, m: left > 3_600_000 ? 0 : r.m, s: 0 }).replace(/ 0 s$/, '') })
    : t('council.deadline_passed');
  return (
    <div className={`countdown${left > 0 ? '' : ' countdown--passed'}`}>
      <dl className="countdown__facts">
        <div><dt>{t('council.deadline')}</dt><dd><strong className="dtg">{dtg(deadline)}</strong> <span className="muted">· {t('council.deadline_brussels', { time: brussels(lang, deadline) })}</span></dd></div>
        <div><dt>{t('council.time_left')}</dt><dd className="countdown__value" data-testid="countdown" aria-hidden="true">{text}</dd></div>
      </dl>
      <span className="visually-hidden" aria-live="polite">{announced}</span>
      {left > 0 && (
        <button type="button" className="button button--small button--secondary" aria-pressed={paused} onClick={() => setPaused((p) => !p)}>
          {paused ? t('council.resume_countdown') : t('council.pause_countdown')}
        </button>
      )}
    </div>
  );
}

function ProposalCard({ proposal, world, available, onActed }: {
  proposal: Proposal;
  world: string;
  available: readonly AvailableCommand[];
  onActed: (r: CommandResult) => void;
}) {
  const { t, lang, date } = useI18n();
  const states = useStates();
  const [open, setOpen] = useState<string>();
  const title = proposal.title[lang] ?? proposal.title.en;
  const actions = proposalActions(available, proposal);
  const positions = Object.entries(proposal.positions).sort(([a], [b]) => stateName('en', states, a).localeCompare(stateName('en', states, b), 'en'));
  const headingId = `proposal-${proposal.id}`;
  const statusKey = `proposal.${proposal.status}` as MessageKey;
  return (
    <article className="proposal" aria-labelledby={headingId} data-proposal={proposal.id} data-status={proposal.status}>
      <header className="proposal__head">
        <h3 id={headingId}>{title}</h3>
        <p className="chips-line">
          <Chip tone={STATUS_TONE[proposal.status]}><span data-testid="proposal-status">{t(statusKey)}</span></Chip>
          <Chip>{proposal.procedure === 'silence' ? t('council.procedure_silence') : t('council.procedure_meeting')}</Chip>
          <span className="code">{proposal.id}</span>
        </p>
      </header>
      <p className="muted">{t('council.tabled_by', { by: actorName(lang, states, proposal.tabledBy), date: date(proposal.tabledAt) })}{proposal.revision > 0 ? ` · ${t('council.revision', { n: proposal.revision })}` : ''}</p>
      {proposal.status === 'under_silence' && <Countdown deadline={proposal.deadline} />}
      {proposal.status === 'silence_broken' && (
        <p className="notice notice--warning">
          {t('proposal.silence_broken')}{t('app.colon')}{proposal.silenceRounds.at(-1)?.breaks.map((b) => stateName(lang, states, b.ally)).join(', ')}
          {proposal.silenceRounds.at(-1)?.breaks.some((b) => b.reason) && <> — {proposal.silenceRounds.at(-1)?.breaks.map((b) => b.reason).filter(Boolean).join('; ')}</>}
        </p>
      )}
      {proposal.status === 'adopted' && <p className="notice notice--success">{t('council.adopted_under', { date: date(proposal.adoptedAt), procedure: proposal.adoptedUnder === 'silence' ? t('council.procedure_silence') : t('council.procedure_meeting') })}</p>}

      <h4>{t('council.positions')}</h4>
      {positions.length === 0 ? <p className="muted">{t('council.no_positions')}</p> : (
        <ul className="chip-list" data-testid="positions">
          {positions.map(([ally, p]) => (
            <li key={ally}>
              {p.stance === 'agreed'
                ? <Chip tone="success">{stateName(lang, states, ally)} — {p.adReferendum ? t('council.agreed_ad_ref') : t('council.agreed')}</Chip>
                : <Chip tone="danger">{stateName(lang, states, ally)} — {p.brokeSilence ? t('council.broke_silence') : t('council.objecting')}</Chip>}
            </li>
          ))}
        </ul>
      )}
      {proposal.footnotes.length > 0 && (
        <>
          <h4>{t('council.footnotes')}</h4>
          <ol className="footnotes">{proposal.footnotes.map((f, i) => <li key={i}><strong>{stateName(lang, states, f.ally)}</strong>{t('app.colon')}{f.text}</li>)}</ol>
        </>
      )}
      <details className="history">
        <summary>{t('council.history')}</summary>
        <ol>{proposal.history.map((h, i) => <li key={i}><span className="dtg">{dtg(h.at)}</span> — {t(`proposal.${h.status}` as MessageKey)}</li>)}</ol>
      </details>

      {actions.length > 0 && (
        <div className="proposal__actions" role="group" aria-label={t('council.actions', { party: actorName(lang, states, actions[0]!.by) })}>
          {!open && actions.map((a) => {
            const key = actionLabelKey(a.cmd);
            return (
              <button key={a.cmd} type="button" className={`button button--${actionTone(a.cmd)}`} data-cmd={a.cmd} onClick={() => setOpen(a.cmd)} title={a.summary[lang]}>
                {key ? t(key) : a.summary[lang]}
              </button>
            );
          })}
          {open && (() => {
            const spec = actions.find((a) => a.cmd === open);
            return spec ? (
              <CommandForm spec={spec} world={world} preset={{ proposal: proposal.id }} onCancel={() => setOpen(undefined)}
                onDone={(r) => { setOpen(undefined); onActed(r); }} />
            ) : null;
          })()}
        </div>
      )}
    </article>
  );
}

export default function CouncilPage({ location }: PageProps) {
  const { t, lang } = useI18n();
  const states = useStates();
  const world = location.world;
  const info = useWorld(world);
  const { account } = useSession();
  const w = encodeURIComponent(world);
  const proposals = useApi<ProposalFact[]>(`/api/worlds/${w}/council/proposals`, world);
  const decisions = useApi<DecisionFact[]>(`/api/worlds/${w}/council/decisions`, world);
  const available = useApi<AvailableCommand[]>(account ? `/api/worlds/${w}/commands/available` : null, world);
  const connected = useLiveConnected(world);
  const [status, setStatus] = useState('');
  const current = useMemo(() => latestByKey(proposals.data ?? []).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1)).map((f) => ({ key: f.key, data: toProposal(f) })), [proposals.data]);
  useMarkings(proposals.data);
  useMarkings(decisions.data);

  // Announce what changed since the last render of the list (a live silence break, a new position…).
  const previous = useRef<Map<string, string> | undefined>(undefined);
  useEffect(() => {
    if (!proposals.data) return;
    const next = new Map(current.map((p) => [p.key, `${p.data.status}|${Object.keys(p.data.positions).length}|${p.data.footnotes.length}`]));
    const before = previous.current;
    if (before) {
      const changed = current.filter((p) => before.get(p.key) !== next.get(p.key));
      if (changed.length) setStatus(changed.map((p) => t('council.updated', { what: `${p.data.title[lang] ?? p.data.title.en} — ${t(`proposal.${p.data.status}` as MessageKey)}` })).join(' '));
    }
    previous.current = next;
  }, [current, proposals.data, t, lang]);

  const onActed = useCallback((r: CommandResult) => {
    setStatus(t('council.done', { what: r.label }));
    proposals.reload();
    decisions.reload();
  }, [proposals, decisions, t]);

  const newSpec = available.data?.find((s) => s.cmd === NEW_PROPOSAL);
  const [newOpen, setNewOpen] = useState(false);

  return (
    <>
      <PageHeader title={t('council.title')} lead={t('council.lead')}>
        <p className="chips-line">
          {world !== 'record' && <Chip tone={connected ? 'success' : 'warning'}>{connected ? t('app.live') : t('app.live_off')}</Chip>}
          {account?.party ? <span>{t('council.acting_for', { party: stateName(lang, states, account.party) })}</span>
            : !account && world !== 'record' ? <Link href={hrefFor(lang, 'sign-in', world, { next: 'council' })}>{t('council.sign_in_to_act')}</Link> : null}
        </p>
      </PageHeader>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="council-status">{status}</p>
      {world === 'record' && !info?.exercise && <p className="notice notice--info">{t('council.record_note')}</p>}

      <Section title={t('council.proposals')} id="proposals" actions={newSpec && !newOpen ? (
        <button type="button" className="button" onClick={() => setNewOpen(true)}>{t('council.new')}</button>
      ) : undefined}>
        {newSpec && newOpen && (
          <div className="panel">
            <CommandForm spec={newSpec} world={world} preset={{}} initial={{ proposal: `PO-${new Date().getUTCFullYear()}-${Date.now().toString(36).slice(-4).toUpperCase()}`, procedure: 'silence' }}
              onCancel={() => setNewOpen(false)} onDone={(r) => { setNewOpen(false); onActed(r); }} />
          </div>
        )}
        <QueryView query={proposals} empty={t('council.no_proposals')}>
          {() => (
            <div className="proposals">
              {current.map((p) => <ProposalCard key={p.key} proposal={p.data} world={world} available={available.data ?? []} onActed={onActed} />)}
            </div>
          )}
        </QueryView>
      </Section>

      <Section title={t('council.decisions')} id="decisions">
        <QueryView query={decisions} empty={t('council.no_decisions')}>
          {(data) => data.length === 0 ? <Empty>{t('council.no_decisions')}</Empty> : (
            <SortableTable caption={t('council.decisions')} captionHidden rows={latestByKey(data)} rowKey={(d) => d.key} initialSort="date" initialDir="desc"
              columns={[
                { key: 'date', header: t('ally.date'), sort: (d) => d.validFrom, render: (d) => <DateText iso={d.validFrom} /> },
                { key: 'title', header: t('field.title'), rowHeader: true, sort: (d) => d.data.title[lang] ?? d.data.title.en, render: (d) => d.data.title[lang] ?? d.data.title.en },
                { key: 'procedure', header: t('council.procedure'), sort: (d) => d.data.adoptedUnder, render: (d) => d.data.adoptedUnder === 'silence' ? t('council.procedure_silence') : t('council.procedure_meeting') },
                { key: 'footnotes', header: t('council.footnotes'), numeric: true, sort: (d) => d.data.footnotes.length, render: (d) => d.data.footnotes.length },
              ]} />
          )}
        </QueryView>
      </Section>
    </>
  );
}
