/**
 * Operations and missions on a timeline with their mandates (CONVENTIONS §5.3): a Gantt-like
 * SVG from launch to end, the same data as a table, and a card per operation with its mandate,
 * area, core task and contributors.
 */
import { useMemo, useState } from 'react';
import type { PageProps } from '../app.js';
import type { Member } from '../../app/treaty-queries.js';
import { useI18n, stateNames } from '../lib/i18n.js';
import { joinClauses } from '../../messages/format.js';
import { useRecordText } from '../lib/record-text.js';
import { useApi } from '../lib/data.js';
import { useStates } from '../lib/reference.js';
import { useMarkings } from '../lib/markings.js';
import { latestByKey, today, validAt, type Fact } from '../lib/facts.js';
import type { MessageKey } from '../lib/messages.js';
import { SortableTable } from '../components/table.js';
import { CoverageNote } from '../components/coverage-note.js';
import { Chip, DateText, Empty, PageHeader, QueryView, Section, type Tone } from '../components/ui.js';

export type OperationData = {
  operation: string; name: { en: string; fr?: string }; kind: string; coreTask: string; area: string; mandate: string[];
  resolutions?: string[]; requestedBy?: string[]; requestingOrganisation?: string; determination?: string;
  status: 'planned' | 'active' | 'ended'; plannedAt?: string; launchedAt?: string; endedAt?: string; endedIs?: 'on_or_before'; successor?: string;
};
type Contribution = Fact<{ operation: string; contributor: string; role: 'ally' | 'partner'; from: string; fromIs?: 'on_or_before'; until?: string; untilIs?: 'on_or_before' }>;

const TONE: Record<string, Tone> = { planned: 'info', active: 'success', ended: 'neutral' };

function Timeline({ ops, label }: { ops: Fact<OperationData>[]; label: string }) {
  const { lang } = useI18n();
  const dated = ops.filter((o) => o.data.launchedAt || o.data.plannedAt);
  if (dated.length === 0) return null;
  const start = Math.min(...dated.map((o) => Number((o.data.launchedAt ?? o.data.plannedAt)!.slice(0, 4))));
  const end = Number(today().slice(0, 4)) + 1;
  const W = 900;
  const row = 26;
  const left = 300;
  const H = dated.length * row + 40;
  const x = (iso: string) => left + ((Number(iso.slice(0, 4)) + (Number(iso.slice(5, 7)) - 1) / 12 - start) / (end - start)) * (W - left - 10);
  const ticks: number[] = [];
  const step = end - start > 40 ? 10 : 5;
  for (let y = Math.ceil(start / step) * step; y <= end; y += step) ticks.push(y);
  return (
    // On a phone the chart scrolls in its box, which the keyboard reaches too.
    <div className="chart-scroll" tabIndex={0} role="region" aria-label={label}>
      <svg className="chart timeline-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {ticks.map((y) => (
          <g key={y}>
            <line x1={x(`${y}-01`)} x2={x(`${y}-01`)} y1={10} y2={H - 22} className="chart__grid" />
            <text x={x(`${y}-01`)} y={H - 6} textAnchor="middle" className="chart__tick">{y}</text>
          </g>
        ))}
        {dated.map((o, i) => {
          const from = o.data.launchedAt ?? o.data.plannedAt!;
          const to = o.data.endedAt ?? today();
          const y = 12 + i * row;
          const name = o.data.name[lang] ?? o.data.name.en;
          return (
            <g key={o.key}>
              <text x={left - 8} y={y + 14} textAnchor="end" className="chart__label">{name.length > 42 ? `${name.slice(0, 41)}…` : name}</text>
              <rect x={x(from)} y={y + 2} width={Math.max(4, x(to) - x(from))} height={row - 8} rx={3} className={`bar bar--${o.data.status}`}>
                <title>{`${name}: ${from} → ${o.data.endedAt ?? '…'}`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

export default function OperationsPage({ location }: PageProps) {
  const { t, lang, v } = useI18n();
  const r = useRecordText();
  const states = useStates();
  const w = encodeURIComponent(location.world);
  const operations = useApi<Fact<OperationData>[]>(`/api/worlds/${w}/facts/operation`, location.world);
  const contributions = useApi<Contribution[]>(`/api/worlds/${w}/facts/operation-contribution`, location.world);
  const members = useApi<Member[]>(`/api/worlds/${w}/members`, location.world);
  const [filter, setFilter] = useState<'all' | 'active' | 'ended'>('all');
  useMarkings(operations.data);
  useMarkings(contributions.data);
  const ops = useMemo(() => latestByKey(operations.data ?? [])
    .filter((o) => filter === 'all' || o.data.status === filter)
    .sort((a, b) => ((a.data.launchedAt ?? a.data.plannedAt ?? '') < (b.data.launchedAt ?? b.data.plannedAt ?? '') ? -1 : 1)), [operations.data, filter]);
  const byOp = useMemo(() => {
    const map = new Map<string, Contribution[]>();
    for (const c of contributions.data ?? []) map.set(c.data.operation, [...(map.get(c.data.operation) ?? []), c]);
    return map;
  }, [contributions.data]);
  const name = (o: Fact<OperationData>) => o.data.name[lang] ?? o.data.name.en;
  // As `evere operation` and the API count them: a contribution under way today counts its
  // contributor as it stands today (Finland and Sweden in NATO Mission Iraq are Allies since their
  // accessions); an ended one keeps its standing when it joined. Until the Allies are known, the
  // standing at joining.
  const alliesNow = useMemo(() => members.data ? new Set(members.data.map((m) => m.code)) : undefined, [members.data]);
  const now = new Date().toISOString();
  const roleOf = (c: Contribution): 'ally' | 'partner' =>
    alliesNow && validAt(c, now) ? (alliesNow.has(c.data.contributor) ? 'ally' : 'partner') : c.data.role;
  const distinct = (list: readonly Contribution[]) => [...new Set(list.map((c) => c.data.contributor))];
  // An operation named in the address (?op=KFOR) is the page's subject: the tab names it.
  const asked = location.query.get('op') ? latestByKey(operations.data ?? []).find((o) => o.data.operation === location.query.get('op')) : undefined;
  const mandate = (o: Fact<OperationData>) => joinClauses(o.data.mandate.map((m) => m === 'unscr' && o.data.resolutions?.length ? `${v('mandate', m)} ${o.data.resolutions.join(', ')}` : m === 'host_request' && o.data.requestedBy?.length ? `${v('mandate', m)} (${stateNames(lang, states, o.data.requestedBy)})` : m === 'organisation_request' && o.data.requestingOrganisation ? `${v('mandate', m)} (${r(o.data.requestingOrganisation)})` : v('mandate', m)), lang);

  return (
    <>
      <PageHeader title={t('ops.title')} lead={t('ops.lead')} {...(asked ? { docTitle: `${name(asked)} — ${t('ops.title')}` } : {})} />
      <CoverageNote world={location.world} area="operations" />
      <div className="toolbar" role="group" aria-label={t('ops.show')}>
        <span>{t('ops.show')}{t('app.colon').trimEnd()}</span>
        {(['all', 'active', 'ended'] as const).map((f) => (
          <button key={f} type="button" className={`button button--small ${filter === f ? '' : 'button--secondary'}`} aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`ops.filter_${f}` as MessageKey)}
          </button>
        ))}
      </div>
      <QueryView query={operations}>
        {() => ops.length === 0 ? <Empty>{t('app.empty')}</Empty> : (
          <>
            <Section title={t('ops.timeline')} id="timeline">
              <Timeline ops={ops} label={`${t('ops.timeline')}${t('app.colon')}${ops.length}`} />
              <SortableTable caption={t('ops.title')} captionHidden rows={ops} rowKey={(o) => o.key} initialSort="start"
                columns={[
                  { key: 'name', header: t('ops.name'), rowHeader: true, sort: name, render: (o) => <a href={`#op-${o.key}`}>{name(o)}</a> },
                  { key: 'kind', header: t('ops.kind'), sort: (o) => o.data.kind, render: (o) => v('operationKind', o.data.kind) },
                  { key: 'start', header: t('ops.start'), sort: (o) => o.data.launchedAt ?? o.data.plannedAt, render: (o) => <DateText iso={o.data.launchedAt ?? o.data.plannedAt} /> },
                  { key: 'end', header: t('ops.end'), sort: (o) => o.data.endedAt ?? '9999', render: (o) => o.data.endedAt ? <>{o.data.endedIs && <span className="muted">{t('acc.on_or_before')} </span>}<DateText iso={o.data.endedAt} /></> : t('app.ongoing') },
                  { key: 'status', header: t('ops.status'), sort: (o) => o.data.status, render: (o) => <Chip tone={TONE[o.data.status]}>{t(`opstatus.${o.data.status}` as MessageKey)}</Chip> },
                  { key: 'mandate', header: t('ops.mandate'), render: mandate },
                ]} />
            </Section>
            <div className="card-grid">
              {ops.map((o) => {
                const cs = byOp.get(o.data.operation) ?? [];
                // An operation under way counts who contributes today, as the CLI and the API do; those
                // whose contributions have ended are named apart. An ended operation counts everyone who
                // took part. A nation that took part several times (air policing rotations) counts once.
                const shown = o.data.status === 'active' ? cs.filter((c) => validAt(c, now)) : cs;
                const allies = distinct(shown.filter((c) => roleOf(c) === 'ally'));
                const partners = distinct(shown.filter((c) => roleOf(c) === 'partner')).filter((x) => !allies.includes(x));
                const earlier = distinct(cs).filter((x) => !allies.includes(x) && !partners.includes(x));
                // Contributors known only from a list of some day: that day is a bound, not their start.
                const boundedRows = shown.filter((c) => c.data.fromIs === 'on_or_before');
                const bounded = distinct(boundedRows);
                const boundDays = [...new Set(boundedRows.map((c) => c.data.from.slice(0, 10)))];
                return (
                  <article key={o.key} id={`op-${o.key}`} className={`card-block${location.query.get('op') === o.data.operation ? ' card-block--selected' : ''}`}>
                    <h3>{name(o)}</h3>
                    <p className="chips-line"><Chip tone={TONE[o.data.status]}>{t(`opstatus.${o.data.status}` as MessageKey)}</Chip><Chip>{v('operationKind', o.data.kind)}</Chip></p>
                    <dl className="facts">
                      <div><dt>{t('ops.area')}</dt><dd>{r(o.data.area)}</dd></div>
                      <div><dt>{t('ops.mandate')}</dt><dd>{mandate(o)}</dd></div>
                      <div><dt>{t('ops.core_task')}</dt><dd>{v('coreTask', o.data.coreTask)}</dd></div>
                      <div><dt>{t('ops.start')} – {t('ops.end')}</dt><dd><DateText iso={o.data.launchedAt ?? o.data.plannedAt} /> → {o.data.endedAt ? <>{o.data.endedIs && <span className="muted">{t('acc.on_or_before')} </span>}<DateText iso={o.data.endedAt} /></> : t('app.ongoing')}</dd></div>
                      <div><dt>{t('ops.contributors')}</dt><dd data-testid="contributors">{cs.length === 0 ? <span className="muted">{t('ops.contrib_none')}</span> : <>
                        {allies.length + partners.length === 0 ? <span className="muted">{t('ops.contrib_none_today')}</span> : <>{[
                          allies.length > 0 ? t('ops.contrib_allies', { count: allies.length }) : undefined,
                          partners.length > 0 ? t('ops.contrib_partners', { count: partners.length }) : undefined,
                        ].filter(Boolean).join(t('app.list_sep'))}<br /><span className="muted">{stateNames(lang, states, [...allies, ...partners])}</span></>}
                        {earlier.length > 0 && <><br /><span className="muted" data-testid="contributors-earlier">{t('ops.contrib_earlier', { names: stateNames(lang, states, earlier) })}</span></>}
                        {bounded.length > 0 && <><br /><span className="muted" data-testid="contributors-bound">{boundDays.length === 1
                          ? t('ops.contrib_bound', { count: bounded.length, at: boundDays[0]! })
                          : t('ops.contrib_bound_days', { count: bounded.length })}</span></>}</>}</dd></div>
                    </dl>
                  </article>
                );
              })}
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}
