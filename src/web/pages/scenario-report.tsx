/**
 * The after-action report of a scenario, as the reader may see it (GET /api/scenarios/:name/report):
 * the totals, the timeline, time to consensus per decision, silence breaks and footnotes by
 * delegation, the proposals that failed and why; for a what-if branch, the comparison with its
 * parent. Every chart has its table; the standalone HTML report and the JSON are linked.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { PageProps } from '../app.js';
import type { ScenarioReport } from '../../app/scenarios/report.js';
import type { Summary, TimelineRow } from '../../domain/scenario/aar.js';
import { useApi } from '../lib/data.js';
import { actorName, dtg, number, useI18n, type I18n } from '../lib/i18n.js';
import { hasMessage, type MessageKey } from '../lib/messages.js';
import { useMarkings } from '../lib/markings.js';
import { useStates } from '../lib/reference.js';
import { hrefFor, Link, navigate } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { SortableTable } from '../components/table.js';
import { offsetOf } from '../lib/scenario.js';
import { Chip, Empty, ErrorBox, Loading, PageHeader, Section } from '../components/ui.js';

const BarChart = lazy(() => import('../components/plot-chart.js'));
const TimelineChart = lazy(() => import('../components/timeline-chart.js'));

const CATEGORIES = ['inject', 'council', 'consultation', 'accession', 'control', 'other'] as const;

/**
 * A report line (its code and parameters) in the page language. State and body codes are passed
 * as they are: the catalogue names them with their articles ("La Belgique dépose …").
 */
function summaryText(i18n: I18n, s: Summary): string {
  const { t } = i18n;
  const key = `aar.${s.code.replace(/^aar\./, '')}`;
  const params: Record<string, string | number | readonly string[]> = {};
  for (const [k, v] of Object.entries(s.params)) {
    if (k === 'by' || k === 'state') params[k] = String(v);
    else if (k === 'breakers' || k === 'objectors') params[k] = (Array.isArray(v) ? v : [v]).map(String);
    else if ((k === 'deadline' || k === 'at' || k === 'to') && typeof v === 'string' && v.includes('T')) params[k] = dtg(v);
    else if (k === 'procedure') params[k] = v === 'silence' ? t('council.procedure_silence') : v === 'meeting' ? t('council.procedure_meeting') : String(v);
    else params[k] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
  }
  return hasMessage(key) ? t(key, params) : `${s.code} ${JSON.stringify(s.params)}`;
}

const hoursFrom = (start: string, at: string): number => Math.round(((Date.parse(at) - Date.parse(start)) / 3_600_000) * 10) / 10;

export default function ScenarioReportPage({ location }: PageProps) {
  const i18n = useI18n();
  const { t, lang, v } = i18n;
  const states = useStates();
  const { account, ready } = useSession();
  const name = location.segments[1] ?? '';
  const n = encodeURIComponent(name);
  useEffect(() => {
    if (name && location.world !== name) navigate(hrefFor(lang, `scenarios/${name}/report`, name), { replace: true });
  }, [name, location.world, lang]);
  const compare = location.query.get('compare') ?? '';
  const report = useApi<ScenarioReport>(account ? `/api/scenarios/${n}/report${compare ? `?compare=${encodeURIComponent(compare)}` : ''}` : null, location.world === name ? name : null);
  const others = useApi<{ name: string; title: { en: string; fr?: string } }[]>(account ? '/api/scenarios' : null);
  useMarkings(report.data ? [{ classification: report.data.classification }] : undefined);
  const [showTimeline, setShowTimeline] = useState(false);
  const fmtHours = useMemo(() => (x: number) => t('report.hours', { n: number(lang, x) }), [t, lang]);
  const fmtCount = useMemo(() => (x: number) => number(lang, x), [lang]);

  const data = report.data;
  const aar = data?.aar;
  const timeline = useMemo(() => (aar ? aar.timeline.map((r) => ({
    hours: hoursFrom(aar.scenario.start, r.at), lane: t(`report.category_${r.category}` as MessageKey), label: `${r.offset} — ${summaryText(i18n, r.summary)}`,
  })) : []), [aar, t, i18n, states]);
  const lanes = useMemo(() => CATEGORIES.filter((c) => aar?.timeline.some((r) => r.category === c)).map((c) => t(`report.category_${c}` as MessageKey)), [aar, t]);
  const consensus = useMemo(() => (aar ? aar.decisions.filter((d) => d.hoursToConsensus !== undefined).map((d) => ({ label: `${d.proposal}`, value: d.hoursToConsensus! })) : []), [aar]);
  const parties = useMemo(() => {
    if (!aar) return [];
    const all = [...new Set([...aar.silenceBreaks.map((r) => r.party), ...aar.footnotes.map((r) => r.party)])];
    return all.map((party) => ({
      party, label: actorName(lang, states, party),
      breaks: aar.silenceBreaks.find((r) => r.party === party)?.count ?? 0,
      footnotes: aar.footnotes.find((r) => r.party === party)?.count ?? 0,
    }));
  }, [aar, lang, states]);
  const breaksData = useMemo(() => parties.filter((p) => p.breaks > 0).map((p) => ({ label: p.label, value: p.breaks })), [parties]);
  const footnotesData = useMemo(() => parties.filter((p) => p.footnotes > 0).map((p) => ({ label: p.label, value: p.footnotes })), [parties]);

  if (ready && !account) {
    return (
      <>
        <PageHeader title={t('report.title')} />
        <p className="notice notice--info">{t('scenarios.sign_in')} <Link href={hrefFor(lang, 'sign-in', location.world, { next: `scenarios/${name}/report` })}>{t('nav.sign_in')}</Link></p>
      </>
    );
  }
  if (!data || !aar) {
    if (report.error) return <><PageHeader title={t('report.title')} /><ErrorBox error={report.error} retry={report.reload} /></>;
    return <Loading />;
  }
  const title = data.status.title[lang] ?? data.status.title.en;
  const htmlHref = `/api/scenarios/${n}/report?format=html&lang=${lang}`;
  const jsonHref = `/api/scenarios/${n}/report`;
  const totals = aar.totals;
  return (
    <>
      <PageHeader title={t('report.title')} docTitle={t('report.doc_title', { title })} lead={t('report.lead', { title })}>
        <p className="chips-line">
          <Chip tone="warning">{t('marking.exercise_short')}</Chip>
          <span>{t('report.reached', { dtg: dtg(aar.reachedAt) })}</span>
        </p>
        <p className="chips-line">
          <a className="button button--secondary button--small" href={htmlHref} data-testid="report-html">{t('report.html')}</a>
          <a className="button button--secondary button--small" href={jsonHref} data-testid="report-json">{t('report.json')}</a>
          <Link href={hrefFor(lang, `scenarios/${name}`, name)}>{t('report.back', { title })}</Link>
        </p>
        {(others.data ?? []).some((o) => o.name !== name) && (
          <div className="inline-field">
            <label htmlFor="report-compare">{t('report.compare_with')}</label>
            <select id="report-compare" value={compare} data-testid="report-compare"
              onChange={(e) => navigate(hrefFor(lang, `scenarios/${name}/report`, name, { compare: e.target.value || undefined }))}>
              <option value="">{data.status.branch ? t('report.compare_parent') : t('report.compare_none')}</option>
              {(others.data ?? []).filter((o) => o.name !== name).map((o) => <option key={o.name} value={o.name}>{`${o.title[lang] ?? o.title.en} (${o.name})`}</option>)}
            </select>
          </div>
        )}
      </PageHeader>

      <dl className="figures figures--row" data-testid="report-totals">
        {([
          ['report.proposals', totals.proposals], ['report.adopted', totals.adopted], ['report.failed', totals.failed],
          ['report.silence_breaks', totals.silenceBreaks], ['report.footnotes', totals.footnotes], ['report.injects', totals.injects],
        ] as const).map(([key, value]) => (
          <div className="figure" key={key}><dt className="figure__label">{t(key)}</dt><dd className="figure__value">{number(lang, value)}</dd></div>
        ))}
      </dl>

      {data.comparison && (
        <Section title={t('report.comparison', { left: data.comparison.left, right: data.comparison.right })} id="comparison">
          <SortableTable caption={t('report.comparison_totals')} rows={data.comparison.totals} rowKey={(r) => r.measure}
            columns={[
              { key: 'measure', header: t('report.measure'), rowHeader: true, render: (r) => (hasMessage(`report.measure_${r.measure}`) ? t(`report.measure_${r.measure}` as MessageKey) : r.measure) },
              { key: 'left', header: data.comparison.left, numeric: true, sort: (r) => r.left, render: (r) => number(lang, r.left) },
              { key: 'right', header: data.comparison.right, numeric: true, sort: (r) => r.right, render: (r) => number(lang, r.right) },
            ]} />
          <SortableTable caption={t('report.comparison_proposals')} rows={data.comparison.proposals} rowKey={(r) => r.proposal}
            columns={[
              { key: 'proposal', header: t('report.proposal'), rowHeader: true, sort: (r) => r.proposal, render: (r) => <><span className="code">{r.proposal}</span> {r.title}</> },
              { key: 'left', header: data.comparison.left, render: (r) => r.left ? `${t(`proposal.${r.left.status}` as MessageKey)}${r.left.hours !== undefined ? ` · ${fmtHours(r.left.hours)}` : ''}` : '—' },
              { key: 'right', header: data.comparison.right, render: (r) => r.right ? `${t(`proposal.${r.right.status}` as MessageKey)}${r.right.hours !== undefined ? ` · ${fmtHours(r.right.hours)}` : ''}` : '—' },
              { key: 'changed', header: t('report.changed'), sort: (r) => (r.changed ? 1 : 0), render: (r) => r.changed ? <Chip tone="warning">{t('app.yes')}</Chip> : <Chip>{t('app.no')}</Chip> },
            ]} />
        </Section>
      )}

      {data.objectives && data.objectives.length > 0 && (
        <Section title={t('objectives.title')} id="report-objectives">
          <SortableTable caption={t('objectives.title')} captionHidden rows={data.objectives} rowKey={(o) => o.id} initialSort="id"
            columns={[
              { key: 'id', header: t('objectives.objective'), rowHeader: true, sort: (o) => o.id, render: (o) => <span className="cell-title"><span className="code">{o.id}</span> {o.title[lang] ?? o.title.en}</span> },
              { key: 'measured', header: t('objectives.measured'), sort: (o) => o.measured.status, render: (o) => (
                <span data-objective={o.id} data-status={o.measured.status}>
                  <Chip tone={o.measured.status === 'met' ? 'success' : o.measured.status === 'not-met' ? 'danger' : 'neutral'}>{t(`objective.status_${o.measured.status}` as MessageKey)}</Chip>{' '}
                  {t(o.measured.code as MessageKey, Object.fromEntries(Object.entries(o.measured.params).map(([k, x]) => [k, Array.isArray(x) ? x.join(', ') : String(x)])))}
                </span>
              ) },
              { key: 'scores', header: t('objectives.scores'), render: (o) => (o.scores.length === 0 ? t('objectives.no_scores')
                : o.scores.map((x) => `${t(`objective.rating_${x.rating}` as MessageKey)} — ${x.evaluator}, ${x.offset}: ${x.observation}`).join(' · ')) },
            ]} />
        </Section>
      )}

      <Section title={t('report.timeline')} id="timeline">
        {timeline.length === 0 ? <Empty>{t('report.nothing')}</Empty> : (
          <>
            <figure className="chart-figure" data-testid="chart-timeline">
              <figcaption>{t('report.timeline_caption')}</figcaption>
              <Suspense fallback={<Loading />}>
                <TimelineChart data={timeline} lanes={lanes} label={t('report.timeline_caption')} axis={t('report.scenario_hours')} />
              </Suspense>
            </figure>
            <button type="button" className="button button--secondary button--small" aria-expanded={showTimeline} aria-controls="timeline-table" onClick={() => setShowTimeline((s) => !s)}>
              {showTimeline ? t('app.hide_table') : t('app.view_table')}
            </button>
            <div id="timeline-table" hidden={!showTimeline}>
              {showTimeline && (
                <SortableTable caption={t('report.timeline')} dense rows={aar.timeline} rowKey={(r: TimelineRow) => `${r.seq ?? ''}-${r.at}-${r.type}-${r.by}`} initialSort="at"
                  columns={[
                    { key: 'seq', header: '#', numeric: true, sort: (r) => r.seq, render: (r) => r.seq ?? '' },
                    { key: 'at', header: t('report.when'), sort: (r) => r.at, render: (r) => <><span className="code">{r.offset}</span> <span className="dtg muted">{dtg(r.at)}</span></> },
                    { key: 'what', header: t('report.what'), rowHeader: true, render: (r) => summaryText(i18n, r.summary) },
                    { key: 'source', header: t('report.played_by'), sort: (r) => r.source, render: (r) => r.source ? t(`report.source_${r.source}` as MessageKey) : '' },
                  ]} />
              )}
            </div>
          </>
        )}
      </Section>

      <Section title={t('report.consensus')} id="consensus">
        {aar.decisions.length === 0 ? <Empty>{t('report.no_decisions')}</Empty> : (
          <>
            {consensus.length > 0 && (
              <figure className="chart-figure" data-testid="chart-consensus">
                <figcaption>{t('report.consensus_caption')}</figcaption>
                <Suspense fallback={<Loading />}>
                  <BarChart data={consensus} label={t('report.consensus_caption')} format={fmtHours} />
                </Suspense>
              </figure>
            )}
            <SortableTable caption={t('report.consensus')} captionHidden rows={aar.decisions} rowKey={(d) => d.proposal} initialSort="tabled"
              columns={[
                { key: 'proposal', header: t('report.proposal'), rowHeader: true, sort: (d) => d.proposal, render: (d) => (
                  <span className="cell-title"><span className="code">{d.proposal}</span> {d.title[lang] ?? d.title.en}
                    <span className="muted"> · {d.procedure === 'silence' ? t('council.procedure_silence') : t('council.procedure_meeting')}</span></span>
                ) },
                { key: 'tabled', header: t('report.tabled'), sort: (d) => d.tabledAt, render: (d) => <span className="code">{offsetOf(aar.scenario.start, d.tabledAt)}</span> },
                { key: 'status', header: t('report.status'), sort: (d) => d.status, render: (d) => <Chip tone={d.status === 'adopted' ? 'success' : d.status === 'silence_broken' ? 'danger' : 'neutral'}>{t(`proposal.${d.status}` as MessageKey)}</Chip> },
                { key: 'hours', header: t('report.time_to_consensus'), numeric: true, sort: (d) => d.hoursToConsensus, render: (d) => d.hoursToConsensus !== undefined ? fmtHours(d.hoursToConsensus) : '—' },
                { key: 'revisions', header: t('report.revisions'), numeric: true, sort: (d) => d.revisions, render: (d) => d.revisions },
                { key: 'rounds', header: t('report.rounds'), numeric: true, sort: (d) => d.silenceRounds, render: (d) => d.silenceRounds },
                { key: 'footnotes', header: t('report.footnotes'), numeric: true, sort: (d) => d.footnotes.length, render: (d) => d.footnotes.length },
              ]} />
          </>
        )}
      </Section>

      <Section title={t('report.by_delegation')} id="by-delegation">
        {parties.length === 0 ? <Empty>{t('report.none_by_delegation')}</Empty> : (
          <>
            <div className="chart-pair">
              {breaksData.length > 0 && (
                <figure className="chart-figure" data-testid="chart-breaks">
                  <figcaption>{t('report.silence_breaks')}</figcaption>
                  <Suspense fallback={<Loading />}><BarChart data={breaksData} label={t('report.silence_breaks_caption')} format={fmtCount} /></Suspense>
                </figure>
              )}
              {footnotesData.length > 0 && (
                <figure className="chart-figure" data-testid="chart-footnotes">
                  <figcaption>{t('report.footnotes')}</figcaption>
                  <Suspense fallback={<Loading />}><BarChart data={footnotesData} label={t('report.footnotes_caption')} format={fmtCount} /></Suspense>
                </figure>
              )}
            </div>
            <SortableTable caption={t('report.by_delegation')} captionHidden rows={parties} rowKey={(p) => p.party} initialSort="breaks" initialDir="desc"
              columns={[
                { key: 'party', header: t('report.delegation'), rowHeader: true, sort: (p) => p.label, render: (p) => p.label },
                { key: 'breaks', header: t('report.silence_breaks'), numeric: true, sort: (p) => p.breaks, render: (p) => p.breaks },
                { key: 'footnotes', header: t('report.footnotes'), numeric: true, sort: (p) => p.footnotes, render: (p) => p.footnotes },
              ]} />
          </>
        )}
      </Section>

      <Section title={t('report.failed_why')} id="failed">
        {aar.failed.length === 0 ? <Empty>{t('report.none_failed')}</Empty> : (
          <SortableTable caption={t('report.failed_why')} captionHidden rows={aar.failed} rowKey={(f) => f.proposal} initialSort="proposal"
            columns={[
              { key: 'proposal', header: t('report.proposal'), rowHeader: true, sort: (f) => f.proposal, render: (f) => <span className="cell-title"><span className="code">{f.proposal}</span> {f.title[lang] ?? f.title.en}</span> },
              { key: 'status', header: t('report.status'), sort: (f) => f.status, render: (f) => <Chip tone={f.status === 'silence_broken' ? 'danger' : 'neutral'}>{t(`proposal.${f.status}` as MessageKey)}</Chip> },
              { key: 'reason', header: t('report.reason'), render: (f) => summaryText(i18n, f.reason) },
            ]} />
        )}
      </Section>

      <Section title={t('report.injects_delivered')} id="report-injects">
        {aar.injects.length === 0 ? <Empty>{t('scenario.no_injects')}</Empty> : (
          <SortableTable caption={t('report.injects_delivered')} captionHidden dense rows={aar.injects} rowKey={(i) => `${i.inject}-${i.at}`} initialSort="at"
            columns={[
              { key: 'at', header: t('report.when'), sort: (i) => i.at, render: (i) => <span className="code">{i.offset}</span> },
              { key: 'inject', header: t('report.inject'), rowHeader: true, sort: (i) => i.inject, render: (i) => <><span className="code">{i.inject}</span> {i.title[lang] ?? i.title.en}</> },
              { key: 'kind', header: t('report.kind'), sort: (i) => i.kind, render: (i) => v('injectKind', i.kind) },
              { key: 'prompt', header: t('scenario.prompt'), render: (i) => (i.prompt ? t('app.yes') : t('app.no')) },
            ]} />
        )}
      </Section>
    </>
  );
}
