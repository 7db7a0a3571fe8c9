/**
 * One scenario, as its reader takes part in it: the scenario clock (scenario time as a DTG and as
 * T+hh:mm, running or paused, its speed, a countdown to the next silence deadline), exercise
 * control's buttons (start, pause, resume, speed, advance, deliver an inject), the seats, the
 * injects delivered so far, the prompts addressed to the signed-in player's seat (answered in one
 * click), and the proposals before the Council with the acts the player's seat may give — all sent
 * to the scenario's act, at scenario time, and all refreshed live over server-sent events.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { PageProps } from '../app.js';
import type { Proposal } from '../../domain/council/types.js';
import type { Entry } from '../../ledger/entry.js';
import { CLASSIFICATION_LABELS } from '../../ledger/classification.js';
import { api, ApiError } from '../lib/api.js';
import { useApi } from '../lib/data.js';
import { actorName, dtg, stateName, useI18n } from '../lib/i18n.js';
import { useLiveConnected } from '../lib/live.js';
import { useMarkings } from '../lib/markings.js';
import { useStates } from '../lib/reference.js';
import { hrefFor, Link, navigate } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { latestByKey, type Fact } from '../lib/facts.js';
import { actionLabelKey, type AvailableCommand } from '../lib/actions.js';
import type { MessageKey } from '../lib/messages.js';
import {
  clockOf, isControl, offsetOf, partyOfSeat, resolveRelativeTimes, seatsHeld, useScenarioNow,
  type InjectPayload, type ScenarioClock, type ScenarioStatus,
} from '../lib/scenario.js';
import type { CommandResult } from '../components/command-form.js';
import { Countdown, ProposalCard } from '../components/proposal-card.js';
import { ClockChip, speedText } from '../components/scenario-bits.js';
import { ChannelsSection, ObjectivesSection } from '../components/scenario-live.js';
import { DirectorPanel } from '../components/scenario-control.js';
import { AdHocInjectForm } from '../components/adhoc-inject.js';
import { SortableTable } from '../components/table.js';
import { Chip, Empty, ErrorBox, Loading, PageHeader, QueryView, Section } from '../components/ui.js';

type ProposalFact = Fact<Omit<Proposal, 'id' | 'tabledAt'> & { proposal: string }>;
const toProposal = (f: ProposalFact): Proposal => ({ ...f.data, id: f.data.proposal, tabledAt: f.validFrom }) as Proposal;
type InjectEntry = Entry & { readonly payload: InjectPayload };

/** A refusal or error of the API, with the rule (code) that refused it, in the page language. */
function Refusal({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert" data-testid="action-error">
      <h3 className="notice__title">{t('council.refused')}</h3>
      {error instanceof ApiError && error.violations.length > 0
        ? <ul className="notice__rules">{error.violations.map((v) => <li key={v.code + v.path}><span className="notice__rule">{v.message}</span> <code>{v.code}</code></li>)}</ul>
        : <p className="notice__rule">{error.message} {error instanceof ApiError && <code>{error.code}</code>}</p>}
    </div>
  );
}

/** Scenario time, its offset, the clock's state and speed; the next silence deadline. */
function ClockPanel({ status, clock, nextDeadline }: { status: ScenarioStatus; clock: ScenarioClock; nextDeadline: Proposal | undefined }) {
  const { t, lang } = useI18n();
  const now = useScenarioNow(clock) ?? Date.parse(status.now);
  const iso = new Date(now).toISOString();
  return (
    <div className="scenario-clock panel" data-testid="scenario-clock">
      <dl className="figures figures--row">
        <div className="figure">
          <dt className="figure__label">{t('scenario.scenario_time')}</dt>
          <dd className="figure__value dtg" data-testid="scenario-dtg">{dtg(iso)}</dd>
          <dd className="figure__note" data-testid="scenario-offset">{offsetOf(status.start, now)}</dd>
        </div>
        <div className="figure">
          <dt className="figure__label">{t('scenario.clock_state')}</dt>
          <dd className="figure__value figure__value--chip"><ClockChip status={status} /></dd>
          <dd className="figure__note">{speedText(t, status.clock.speed)}</dd>
        </div>
        <div className="figure">
          <dt className="figure__label">{t('scenario.window')}</dt>
          <dd className="figure__value figure__value--small"><span className="dtg">{dtg(status.start)}</span> – <span className="dtg">{dtg(status.end)}</span></dd>
          <dd className="figure__note">{t('scenario.fork', { date: status.asOf })}</dd>
        </div>
      </dl>
      <h3>{t('scenario.next_deadline')}</h3>
      {nextDeadline && nextDeadline.status === 'under_silence' ? (
        <div data-testid="next-deadline">
          <p><strong>{nextDeadline.title[lang] ?? nextDeadline.title.en}</strong> <span className="code">{nextDeadline.id}</span></p>
          <Countdown deadline={nextDeadline.deadline} clock={clock} />
        </div>
      ) : <p className="muted">{t('scenario.no_deadline')}</p>}
    </div>
  );
}

/** Exercise control's buttons: the clock, advancing time, delivering an inject. */
function ControlPanel({ status, onDone }: { status: ScenarioStatus; onDone: (what: string) => void }) {
  const { t, lang } = useI18n();
  const name = encodeURIComponent(status.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [speed, setSpeed] = useState(String(status.clock.speed));
  const [by, setBy] = useState('1h');
  const [inject, setInject] = useState('');
  const run = async (what: string, path: string, body: object) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/scenarios/${name}/${path}`, { method: 'POST', body });
      onDone(what);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };
  const submit = (fn: () => Promise<void>) => (e: FormEvent) => { e.preventDefault(); void fn(); };
  const clockState = status.clock.status;
  const upcoming = status.upcoming ?? [];
  return (
    <div className="panel control-panel" data-testid="control-panel">
      <h3>{t('scenario.control')}</h3>
      {error && <Refusal error={error} />}
      <div className="control-panel__row" role="group" aria-label={t('scenario.clock')}>
        {clockState === 'not_started' && <button type="button" className="button" disabled={busy || status.ended} data-testid="clock-start" onClick={() => void run(t('scenario.start'), 'clock', { action: 'start' })}>{t('scenario.start')}</button>}
        {clockState === 'running' && <button type="button" className="button button--neutral" disabled={busy} data-testid="clock-pause" onClick={() => void run(t('scenario.pause'), 'clock', { action: 'pause' })}>{t('scenario.pause')}</button>}
        {clockState === 'paused' && <button type="button" className="button" disabled={busy || status.ended} data-testid="clock-resume" onClick={() => void run(t('scenario.resume'), 'clock', { action: 'resume' })}>{t('scenario.resume')}</button>}
        <form className="inline-form" onSubmit={submit(() => run(t('scenario.set_speed'), 'clock', { action: 'speed', speed: Number(speed) }))}>
          <label htmlFor="clock-speed">{t('scenario.speed_label')}</label>
          <select id="clock-speed" value={speed} onChange={(e) => setSpeed(e.target.value)}>
            {[...new Set([1, 60, 360, 3600, status.clock.speed])].sort((a, b) => a - b).map((s) => <option key={s} value={s}>{speedText(t, s)}</option>)}
          </select>
          <button type="submit" className="button button--secondary" disabled={busy || clockState === 'not_started'}>{t('scenario.set_speed')}</button>
        </form>
      </div>
      <div className="control-panel__row">
        <form className="inline-form" onSubmit={submit(() => run(t('scenario.advance'), 'advance', { by }))}>
          <label htmlFor="advance-by">{t('scenario.advance_by')}</label>
          <input id="advance-by" type="text" size={6} value={by} onChange={(e) => setBy(e.target.value)} aria-describedby="advance-hint" />
          <button type="submit" className="button button--secondary" disabled={busy || status.ended}>{t('scenario.advance')}</button>
          <span id="advance-hint" className="muted">{t('scenario.advance_hint')}</span>
        </form>
      </div>
      <div className="control-panel__row">
        <form className="inline-form" onSubmit={submit(() => run(t('scenario.deliver'), 'injects', { inject }))}>
          <label htmlFor="deliver-inject">{t('scenario.deliver_listed')}</label>
          <select id="deliver-inject" value={inject} onChange={(e) => setInject(e.target.value)} required>
            <option value="">—</option>
            {upcoming.map((i) => <option key={i.inject} value={i.inject}>{`${i.inject} · ${offsetOf(status.start, i.at)} · ${i.title[lang] ?? i.title.en}`}</option>)}
          </select>
          <button type="submit" className="button button--secondary" disabled={busy || !inject}>{t('scenario.deliver')}</button>
        </form>
      </div>
      <div className="control-panel__row">
        <AdHocInjectForm status={status} onDone={onDone} />
      </div>
    </div>
  );
}

/** An inject whose command waits for the signed-in player: one click gives it, at scenario time. */
function PromptCard({ entry, status, answered, onDone }: { entry: InjectEntry; status: ScenarioStatus; answered: boolean; onDone: (what: string) => void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState(false);
  const p = entry.payload;
  const expected = p.expected!;
  const labelKey = actionLabelKey(expected.cmd);
  const cmd = labelKey ? t(labelKey) : expected.cmd.replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`);
  const action = t('scenario.prompt_do', { cmd, party: expected.by });
  const give = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const data = resolveRelativeTimes(expected.data, Date.parse(entry.validTime), Date.parse(status.start)) as Record<string, unknown>;
      await api(`/api/scenarios/${encodeURIComponent(status.name)}/act`, { method: 'POST', body: { cmd: expected.cmd, by: expected.by, data } });
      setDone(true);
      onDone(action);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };
  const isDone = done || answered;
  return (
    <article className="prompt panel" data-prompt={p.inject} data-answered={isDone ? 'true' : 'false'} aria-labelledby={`prompt-${p.inject}`}>
      <h3 id={`prompt-${p.inject}`}>{p.title[lang] ?? p.title.en}</h3>
      <p className="chips-line"><Chip tone="accent">{t('scenario.prompt')}</Chip><span className="code">{p.inject}</span> <span className="dtg">{dtg(entry.validTime)}</span> <span className="muted">{offsetOf(status.start, entry.validTime)}</span></p>
      {p.text && <p>{p.text[lang] ?? p.text.en}</p>}
      <details>
        <summary>{t('scenario.prompt_expected')}</summary>
        <pre className="code-block">{JSON.stringify(expected, null, 2)}</pre>
      </details>
      {error && <Refusal error={error} />}
      {isDone ? <p className="notice notice--success">{t('scenario.prompt_answered')}</p> : (
        <button type="button" className="button" disabled={busy} data-testid={`answer-${p.inject}`} onClick={() => void give()}>{busy ? t('app.loading') : action}</button>
      )}
    </article>
  );
}

/** Whether an entry after the prompt gives its expected command (same party, same ids). */
function answers(prompt: InjectEntry, later: readonly Entry[]): boolean {
  const expected = prompt.payload.expected;
  if (!expected) return false;
  const ids = Object.entries(expected.data).filter(([, v]) => typeof v === 'string' && !/^T?\+/.test(v) && v.length <= 64);
  return later.some((e) => e.seq > prompt.seq && e.actingFor === expected.by && e.type !== 'InjectDelivered'
    && ids.every(([k, v]) => !(k in (e.payload as Record<string, unknown>)) || (e.payload as Record<string, unknown>)[k] === v)
    && ids.some(([k]) => k in (e.payload as Record<string, unknown>)));
}

export default function ScenarioPage({ location }: PageProps) {
  const { t, lang, v } = useI18n();
  const states = useStates();
  const { account, ready } = useSession();
  const name = location.segments[1] ?? '';
  const n = encodeURIComponent(name);

  // The scenario's world is the page's world: banners, navigation and the world picker follow it.
  useEffect(() => {
    if (name && location.world !== name) navigate(hrefFor(lang, `scenarios/${name}`, name), { replace: true });
  }, [name, location.world, lang]);
  const live = location.world === name ? name : null;

  const status = useApi<ScenarioStatus>(account ? `/api/scenarios/${n}` : null, live);
  const [readAt, setReadAt] = useState(() => Date.now());
  useEffect(() => { if (status.data) setReadAt(Date.now()); }, [status.data]);
  const clock = useMemo(() => (status.data ? clockOf(status.data, readAt) : undefined), [status.data, readAt]);
  const connected = useLiveConnected(live);
  const proposals = useApi<ProposalFact[]>(account ? `/api/worlds/${n}/council/proposals` : null, live);
  const injects = useApi<{ entries: InjectEntry[] }>(account ? `/api/worlds/${n}/entries?type=InjectDelivered&limit=1000` : null, live);
  const seats = seatsHeld(status.data, account);
  const available = useApi<AvailableCommand[]>(account && seats.length ? `/api/scenarios/${n}/available` : null, live);
  useMarkings(injects.data?.entries);
  useMarkings(proposals.data);

  const partyKey = seats.map(partyOfSeat).join(',');
  const prompts = useMemo(() => {
    const parties = partyKey.split(',');
    return (injects.data?.entries ?? []).filter((e) => e.payload.prompt && e.payload.expected && parties.includes(e.payload.expected.by));
  }, [injects.data, partyKey]);
  const since = prompts.length ? Math.min(...prompts.map((p) => p.seq)) : undefined;
  const later = useApi<{ entries: Entry[] }>(since !== undefined ? `/api/worlds/${n}/entries?since=${since}&limit=1000` : null, live);

  const current = useMemo(() => latestByKey(proposals.data ?? []).map(toProposal)
    .filter((p) => !status.data || p.tabledAt >= status.data.start)
    .sort((a, b) => (a.tabledAt < b.tabledAt ? 1 : -1)), [proposals.data, status.data]);
  const nextDeadline = useMemo(() => current.filter((p) => p.status === 'under_silence' && (!status.data || p.deadline > status.data.now))
    .sort((a, b) => ((a as { deadline: string }).deadline < (b as { deadline: string }).deadline ? -1 : 1))[0], [current, status.data]);

  const [announce, setAnnounce] = useState('');
  const onDone = useCallback((what: string) => {
    setAnnounce(t('council.done', { what }));
    status.reload();
    proposals.reload();
    injects.reload();
    available.reload();
  }, [t, status, proposals, injects, available]);
  const onActed = useCallback((r: CommandResult) => onDone(r.label), [onDone]);

  // Announce what changed live (a silence break by another delegation, a new inject).
  const previous = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!proposals.data) return;
    const key = current.map((p) => `${p.id}:${p.status}:${Object.keys(p.positions).length}:${p.footnotes.length}`).join('|');
    if (previous.current !== undefined && previous.current !== key) {
      const before = new Map(previous.current.split('|').map((s) => [s.split(':')[0], s]));
      const changed = current.filter((p) => before.get(p.id) !== `${p.id}:${p.status}:${Object.keys(p.positions).length}:${p.footnotes.length}`);
      if (changed.length) setAnnounce(changed.map((p) => t('council.updated', { what: `${p.title[lang] ?? p.title.en} — ${t(`proposal.${p.status}` as MessageKey)}` })).join(' '));
    }
    previous.current = key;
  }, [current, proposals.data, t, lang]);

  if (ready && !account) {
    return (
      <>
        <PageHeader title={t('scenario.title_generic')} />
        <p className="notice notice--info">{t('scenarios.sign_in')} <Link href={hrefFor(lang, 'sign-in', location.world, { next: `scenarios/${name}` })}>{t('nav.sign_in')}</Link></p>
      </>
    );
  }
  if (!status.data) {
    if (status.error) return <><PageHeader title={t('scenario.title_generic')} /><ErrorBox error={status.error} retry={status.reload} /></>;
    return <Loading />;
  }
  const s = status.data;
  const control = isControl(account, s.name);
  const director = Boolean(account && account.role === 'director' && account.worlds?.includes(s.name));
  const newest = [...(injects.data?.entries ?? [])].sort((a, b) => b.seq - a.seq);
  return (
    <>
      <PageHeader title={s.title[lang] ?? s.title.en} lead={s.description ? (s.description[lang] ?? s.description.en) : undefined}>
        <p className="chips-line">
          <Chip tone="warning">{t('marking.exercise_short')}</Chip>
          <Chip tone={connected ? 'success' : 'warning'}>{connected ? t('app.live') : t('app.live_off')}</Chip>
          {account && <Chip tone="info">{v('role', account.role)}</Chip>}
          {seats.length > 0 && <span data-testid="your-seat">{t('scenario.your_seats', { seats: seats.map((x) => partyOfSeat(x)) })}</span>}
          {s.branch && <span className="muted">{t('scenario.branch_of', { parent: s.branch.parent })}</span>}
        </p>
        <p className="chips-line">
          <Link className="button button--secondary button--small" href={hrefFor(lang, `scenarios/${s.name}/report`, s.name)}>{t('scenario.report_link')}</Link>
          <Link className="button button--secondary button--small" href={hrefFor(lang, 'council', s.name)}>{t('scenario.council_link')}</Link>
          <Link href={hrefFor(lang, 'scenarios', s.name)}>{t('scenario.all')}</Link>
        </p>
      </PageHeader>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="scenario-status">{announce}</p>

      <Section title={t('scenario.clock')} id="clock">
        {clock && <ClockPanel status={s} clock={clock} nextDeadline={nextDeadline} />}
        {control && <ControlPanel key={`${s.clock.status}-${s.clock.speed}`} status={s} onDone={onDone} />}
      </Section>

      {seats.length > 0 && (
        <Section title={t('scenario.prompts')} id="prompts">
          {prompts.length === 0 ? <Empty>{t('scenario.no_prompts')}</Empty> : (
            <div className="prompts">
              {[...prompts].sort((a, b) => b.seq - a.seq).map((e) => (
                <PromptCard key={e.seq} entry={e} status={s} answered={answers(e, later.data?.entries ?? [])} onDone={onDone} />
              ))}
            </div>
          )}
        </Section>
      )}

      <Section title={t('scenario.proposals')} id="proposals">
        <QueryView query={proposals} isEmpty={() => current.length === 0} empty={t('scenario.no_proposals')}>
          {() => (
            <div className="proposals">
              {current.map((p) => <ProposalCard key={p.id} proposal={p} world={s.name} available={available.data ?? []} onActed={onActed} endpoint={`/api/scenarios/${n}/act`} clock={clock} />)}
            </div>
          )}
        </QueryView>
      </Section>

      <ChannelsSection status={s} seats={seats} control={control} live={live} onDone={onDone} />

      {account && account.role !== 'player' && (
        <ObjectivesSection status={s} canScore={account.role === 'evaluator' || control} live={live} onDone={onDone} />
      )}

      <Section title={t('scenario.injects')} id="injects">
        <QueryView query={injects} isEmpty={(d) => d.entries.length === 0} empty={t('scenario.no_injects')}>
          {() => (
            <ol className="injects" data-testid="injects">
              {newest.map((e) => (
                <li key={e.seq} className="inject" data-inject={e.payload.inject}>
                  <p className="chips-line">
                    <Chip tone={e.payload.kind === 'incident' ? 'danger' : e.payload.kind === 'intelligence' ? 'accent' : 'info'}>{v('injectKind', e.payload.kind)}</Chip>
                    <span className="code">{e.payload.inject}</span>
                    <span className="dtg">{dtg(e.validTime)}</span>
                    <span className="muted">{offsetOf(s.start, e.validTime)}</span>
                    {e.payload.prompt && e.payload.expected && <Chip tone="accent">{t('scenario.prompt_for', { party: e.payload.expected.by })}</Chip>}
                    {e.classification !== 'NATO UNCLASSIFIED' && e.classification !== 'PUBLIC' && <Chip tone="warning">{CLASSIFICATION_LABELS[e.classification][lang]}</Chip>}
                  </p>
                  <h3 className="inject__title">{e.payload.title[lang] ?? e.payload.title.en}</h3>
                  {e.payload.text && <p>{e.payload.text[lang] ?? e.payload.text.en}</p>}
                  {(e.payload.resolution || e.payload.outlet) && <p className="muted">{[e.payload.resolution, e.payload.outlet].filter(Boolean).join(' · ')}</p>}
                  {e.payload.to && e.payload.to.length > 0 && <p className="muted">{t('scenario.inject_to', { seats: e.payload.to.map((x) => (x === 'IS' ? t('scenario.seat_is') : stateName(lang, states, x))).join(', ') })}</p>}
                  {e.payload.attachments && e.payload.attachments.length > 0 && (
                    <ul className="inject__attachments" aria-label={t('scenario.inject_attachments')}>
                      {e.payload.attachments.map((a) => <li key={a.url}><a href={a.url} rel="noopener noreferrer" target="_blank">{a.title[lang] ?? a.title.en}</a></li>)}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </QueryView>
      </Section>

      {director && (
        <Section title={t('control.director')} id="direction">
          <DirectorPanel status={s} onDone={onDone} />
        </Section>
      )}

      <Section title={t('scenario.seats')} id="seats">
        <SortableTable caption={t('scenario.seats')} captionHidden dense rows={s.seats} rowKey={(x) => x.seat} initialSort="seat"
          columns={[
            { key: 'seat', header: t('scenario.seat'), rowHeader: true, sort: (x) => actorName('en', states, partyOfSeat(x.seat)), render: (x) => <>{x.seat === 'IS' ? t('scenario.seat_is') : stateName(lang, states, x.seat)} <span className="code">{x.seat}</span></> },
            { key: 'played', header: t('scenario.played_by'), sort: (x) => `${x.played}${x.holder ?? ''}`, render: (x) => x.played === 'person'
              ? <Chip tone="success">{t('scenario.person', { user: x.holder ?? '' })}</Chip>
              : <Chip>{t('scenario.bot')}</Chip> },
          ]} />
      </Section>
    </>
  );
}
