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
import { useI18n } from '../lib/i18n.js';
import { useApi } from '../lib/data.js';
import { useWorld } from '../lib/reference.js';
import { useSession } from '../lib/session.js';
import { useMarkings } from '../lib/markings.js';
import { useLiveConnected } from '../lib/live.js';
import { NEW_PROPOSAL, type AvailableCommand } from '../lib/actions.js';
import type { MessageKey } from '../lib/messages.js';
import { hrefFor, Link } from '../lib/router.js';
import { CommandForm, type CommandResult } from '../components/command-form.js';
import { SortableTable } from '../components/table.js';
import { Chip, DateText, Empty, PageHeader, QueryView, Section } from '../components/ui.js';
import { ProposalCard } from '../components/proposal-card.js';
import { clockOf, scenarioNowMs, timeBaseOf, type ScenarioStatus } from '../lib/scenario.js';
import { nextProposalId } from '../lib/time-input.js';

/** The `proposal` fact's data: the proposal without `id` and `tabledAt` (its key and validFrom). */
type ProposalFact = Fact<Omit<Proposal, 'id' | 'tabledAt'> & { proposal: string }>;

const toProposal = (f: ProposalFact): Proposal => ({ ...f.data, id: f.data.proposal, tabledAt: f.validFrom }) as Proposal;
type DecisionFact = Fact<{ proposal: string; title: { en: string; fr?: string }; adoptedUnder: string; revision: number; footnotes: { ally: string; text: string }[]; agreedAdReferendum?: string[] }>;

export default function CouncilPage({ location }: PageProps) {
  const { t, lang } = useI18n();
  const world = location.world;
  const info = useWorld(world);
  const { account } = useSession();
  const w = encodeURIComponent(world);
  const proposals = useApi<ProposalFact[]>(`/api/worlds/${w}/council/proposals`, world);
  const decisions = useApi<DecisionFact[]>(`/api/worlds/${w}/council/decisions`, world);
  // In a scenario the reader takes part in, acts go through their seat at scenario time.
  // An exercise world need not be a scenario: the list of the reader's scenarios says which it is
  // (asking for a scenario that is not one would be a failed read in the console).
  const candidate = Boolean(account && info?.exercise && account.worlds?.includes(world));
  const mine = useApi<ScenarioStatus[]>(candidate ? '/api/scenarios' : null);
  const isScenario = mine.data?.some((s) => s.name === world) ?? false;
  const scenario = useApi<ScenarioStatus>(isScenario ? `/api/scenarios/${w}` : null, world);
  const inScenario = scenario.data !== undefined;
  const scenarioPending = candidate && ((mine.data === undefined && !mine.error) || (isScenario && scenario.data === undefined && !scenario.error));
  const available = useApi<AvailableCommand[]>(!account || scenarioPending ? null : inScenario ? `/api/scenarios/${w}/available` : `/api/worlds/${w}/commands/available`, world);
  const clock = useMemo(() => (scenario.data ? clockOf(scenario.data, Date.now()) : undefined), [scenario.data]);
  const endpoint = inScenario ? `/api/scenarios/${w}/act` : undefined;
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
          {account?.party ? <span>{t('council.acting_for', { party: account.party })}</span>
            : !account && world !== 'record' ? <Link href={hrefFor(lang, 'sign-in', world, { next: 'council' })}>{t('council.sign_in_to_act')}</Link> : null}
        </p>
      </PageHeader>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="council-status">{status}</p>
      {world === 'record' && !info?.exercise && <p className="notice notice--info">{t('council.record_note')}</p>}
      {inScenario && (
        <p className="notice notice--info" data-testid="council-scenario-note">
          {t('council.scenario_note')} <Link href={hrefFor(lang, `scenarios/${world}`, 'record')}>{t('council.scenario_link', { name: world })}</Link>
        </p>
      )}

      <Section title={t('council.proposals')} id="proposals" actions={newSpec && !newOpen ? (
        <button type="button" className="button" onClick={() => setNewOpen(true)}>{t('council.new')}</button>
      ) : undefined}>
        {newSpec && newOpen && (
          <div className="panel">
            <CommandForm spec={newSpec} world={world} {...(endpoint ? { endpoint } : {})} preset={{}} initial={{ proposal: nextProposalId(current.map((p) => p.data.id), clock ? scenarioNowMs(clock) : Date.now()), procedure: 'silence' }}
              {...(clock ? { timeBase: timeBaseOf(clock) } : {})}
              onCancel={() => setNewOpen(false)} onDone={(r) => { setNewOpen(false); onActed(r); }} />
          </div>
        )}
        <QueryView query={proposals} empty={t('council.no_proposals')}>
          {() => (
            <div className="proposals">
              {current.map((p) => <ProposalCard key={p.key} proposal={p.data} world={world} available={available.data ?? []} onActed={onActed} {...(endpoint ? { endpoint } : {})} clock={clock} />)}
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
