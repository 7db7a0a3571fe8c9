/**
 * A proposal before the Council: its procedure, a live countdown to its silence deadline (DTG,
 * Brussels time, pausable; in a scenario, in scenario time), each Ally's position and footnotes,
 * the acts the signed-in party may give (from the engine) and the history. Shared by the Council
 * page and the scenario page; `endpoint` says where the acts go (the world's commands, or the
 * scenario's act at scenario time).
 */
import { useEffect, useState } from 'react';
import type { Proposal } from '../../domain/council/types.js';
import { brussels, dtg, stateName, useI18n } from '../lib/i18n.js';
import { joinClauses } from '../../messages/format.js';
import { useStates } from '../lib/reference.js';
import { actionLabelKey, actionTone, proposalActions, type AvailableCommand } from '../lib/actions.js';
import type { MessageKey } from '../lib/messages.js';
import { scenarioNowMs, timeBaseOf, type ScenarioClock } from '../lib/scenario.js';
import { CommandForm, type CommandResult } from './command-form.js';
import { Chip, type Tone } from './ui.js';
import type { DiffRow } from '../../domain/council/text.js';

/** The proposal as the API gives it: the engine's state with what the index adds for readers. */
type ProposalWithText = Proposal & {
  readonly openBrackets?: readonly number[];
  readonly textDiff?: { readonly from: number; readonly to: number; readonly rows: readonly DiffRow[] };
};

/** A paragraph with its square-bracketed (not yet agreed) language marked. */
function Bracketed({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/);
  return <>{parts.map((part, i) => (part.startsWith('[') && part.endsWith(']') ? <mark key={i} className="bracketed">{part}</mark> : <span key={i}>{part}</span>))}</>;
}

/** The text of a proposal: paragraphs with brackets and footnotes, amendments pending, the diff with the previous revision. */
export function ProposalText({ proposal }: { proposal: ProposalWithText }) {
  const { t, lang } = useI18n();
  const states = useStates();
  // Proposals indexed before texts existed carry no paragraphs.
  const paragraphs: readonly string[] = (proposal as Partial<Proposal>).paragraphs ?? [];
  if (paragraphs.length === 0) return null;
  const open = proposal.openBrackets ?? [];
  const pending = ((proposal as Partial<Proposal>).amendments ?? []).filter((a) => a.status === 'pending');
  const diff = proposal.textDiff;
  const changes = diff ? diff.rows.filter((r) => r.kind !== 'same') : [];
  return (
    <section className="proposal__text" aria-label={t('council.text', { n: proposal.revision })} data-testid="proposal-text">
      <h4>{t('council.text', { n: proposal.revision })}</h4>
      <ol className="paragraphs">
        {paragraphs.map((p, i) => (
          <li key={i} data-bracketed={open.includes(i + 1) ? 'true' : undefined}>
            <Bracketed text={p} />
            {proposal.footnotes.filter((f) => f.paragraph === i + 1).map((f, j) => (
              <p key={j} className="muted small">{t('council.text_footnote', { ally: stateName(lang, states, f.ally) })}{t('app.colon')}{f.text}</p>
            ))}
          </li>
        ))}
      </ol>
      <p className={open.length ? 'notice notice--warning' : 'muted'}>
        {open.length ? t('council.text_open_brackets', { paragraphs: open.join(', ') }) : t('council.text_no_brackets')}
      </p>
      {pending.length > 0 && (
        <>
          <h5>{t('council.text_pending')}</h5>
          <ul className="amendments" data-testid="amendments">
            {pending.map((a) => (
              <li key={a.id}>
                <span className="code">{a.id}</span> {t(`council.text_op_${a.op}` as MessageKey, { by: stateName(lang, states, a.by), n: a.paragraph })}
                {a.text !== undefined && <> « <Bracketed text={a.text} /> »</>}
              </li>
            ))}
          </ul>
        </>
      )}
      {diff && changes.length > 0 && (
        <details className="text-diff" open>
          <summary>{t('council.text_diff', { from: diff.from, to: diff.to })}</summary>
          <div className="table-scroll">
            <table className="diff">
              <thead><tr><th scope="col">{t('council.text_revision_col', { n: diff.from })}</th><th scope="col">{t('council.text_revision_col', { n: diff.to })}</th></tr></thead>
              <tbody>
                {changes.map((r, i) => (
                  <tr key={i} data-kind={r.kind}>
                    <td>{r.kind === 'added' ? '' : <del>{r.before}. <Bracketed text={r.old} /></del>}</td>
                    <td>{r.kind === 'removed' ? '' : <ins>{r.after}. <Bracketed text={r.text} /></ins>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}

export const STATUS_TONE: Record<Proposal['status'], Tone> = { draft: 'info', under_silence: 'warning', silence_broken: 'danger', adopted: 'success', withdrawn: 'neutral' };

function remaining(ms: number): { d: number; h: number; m: number; s: number } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return { d: Math.floor(total / 86400), h: Math.floor((total % 86400) / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

/**
 * Time left until a deadline: in real time, or — given a scenario clock — in scenario time (with
 * how long that is in real time while the clock runs; nothing moves while it is paused).
 */
export function Countdown({ deadline, clock }: { deadline: string; clock?: ScenarioClock | undefined }) {
  const { t, lang } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const [paused, setPaused] = useState(false);
  const end = Date.parse(deadline);
  useEffect(() => {
    if (paused) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [paused]);
  const current = clock ? scenarioNowMs(clock, Math.max(now, clock.readAt)) : now;
  const left = end - current;
  const r = remaining(left);
  const text = left > 0 ? t('council.countdown', { d: r.d, h: String(r.h).padStart(2, '0'), m: String(r.m).padStart(2, '0'), s: String(r.s).padStart(2, '0') }) : t('council.deadline_over');
  // A screen reader hears the countdown once an hour, then once a minute in the last hour, never
  // every second (WCAG 4.1.3): the live region's text changes only that often.
  const announced = left > 0
    ? t('council.countdown_announce', { text: t('council.countdown', { d: r.d, h: r.h, m: left > 3_600_000 ? 0 : r.m, s: 0 }).replace(/ 0 s$/, '') })
    : t('council.deadline_over');
  const real = clock && left > 0 ? (clock.running ? remaining(left / clock.speed) : undefined) : undefined;
  return (
    <div className={`countdown${left > 0 ? '' : ' countdown--passed'}`}>
      <dl className="countdown__facts">
        <div><dt>{t('council.deadline')}</dt><dd><strong className="dtg">{dtg(deadline)}</strong> <span className="muted">· {clock ? t('scenario.scenario_time') : t('council.deadline_brussels', { time: brussels(lang, deadline) })}</span></dd></div>
        <div><dt>{clock ? t('scenario.time_left_scenario') : t('council.time_left')}</dt><dd className="countdown__value" data-testid="countdown" aria-hidden="true">{text}</dd></div>
        {clock && left > 0 && (
          <div><dt>{t('scenario.time_left_real')}</dt><dd>{real ? t('council.countdown', { d: real.d, h: String(real.h).padStart(2, '0'), m: String(real.m).padStart(2, '0'), s: String(real.s).padStart(2, '0') }) : t('scenario.clock_stopped')}</dd></div>
        )}
      </dl>
      <span className="visually-hidden" aria-live="polite">{announced}</span>
      {left > 0 && !clock && (
        <button type="button" className="button button--small button--secondary" aria-pressed={paused} onClick={() => setPaused((p) => !p)}>
          {paused ? t('council.resume_countdown') : t('council.pause_countdown')}
        </button>
      )}
    </div>
  );
}

export function ProposalCard({ proposal, world, available, onActed, endpoint, clock }: {
  proposal: Proposal;
  world: string;
  /** Where acts are sent (default: the world's commands). */
  endpoint?: string;
  /** A scenario's clock: deadlines count down in scenario time. */
  clock?: ScenarioClock | undefined;
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
      <p className="muted">{t('council.tabled_by', { by: proposal.tabledBy, date: date(proposal.tabledAt) })}{proposal.revision > 0 ? ` · ${t('council.revision', { n: proposal.revision })}` : ''}</p>
      <ProposalText proposal={proposal} />
      {proposal.status === 'under_silence' && <Countdown deadline={proposal.deadline} clock={clock} />}
      {proposal.status === 'silence_broken' && (
        <p className="notice notice--warning">
          {t('proposal.silence_broken')}{t('app.colon')}{proposal.silenceRounds.at(-1)?.breaks.map((b) => stateName(lang, states, b.ally)).join(', ')}
          {proposal.silenceRounds.at(-1)?.breaks.some((b) => b.reason) && <> — {joinClauses((proposal.silenceRounds.at(-1)?.breaks ?? []).flatMap((b) => (b.reason ? [b.reason] : [])), lang)}</>}
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
        <div className="proposal__actions" role="group" aria-label={t('council.actions', { party: actions[0]!.by })}>
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
              <CommandForm spec={spec} world={world} {...(endpoint ? { endpoint } : {})} preset={{ proposal: proposal.id }} {...(clock ? { timeBase: timeBaseOf(clock) } : {})} onCancel={() => setOpen(undefined)}
                onDone={(r) => { setOpen(undefined); onActed(r); }} />
            ) : null;
          })()}
        </div>
      )}
    </article>
  );
}

