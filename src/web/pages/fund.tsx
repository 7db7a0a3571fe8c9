/**
 * The DCB trust fund: packages by partner, money received and pledged by Ally (a chart per
 * currency, never converted), allocations to projects by area, spending; each chart with a table.
 */
import { lazy, Suspense, useMemo } from 'react';
import type { PageProps } from '../app.js';
import { useI18n, money, moneyCompact, stateName } from '../lib/i18n.js';
import { useRecordText } from '../lib/record-text.js';
import { useApi } from '../lib/data.js';
import { useStates } from '../lib/reference.js';
import { useMarkings } from '../lib/markings.js';
import type { Fact } from '../lib/facts.js';
import { SortableTable } from '../components/table.js';
import { CoverageNote } from '../components/coverage-note.js';
import { Chip, DateText, Empty, Loading, PageHeader, QueryView, Section } from '../components/ui.js';

const BarChart = lazy(() => import('../components/plot-chart.js'));

type Package = Fact<{ package: string; partner: string; areas: string[]; title?: string; launchedAt: string }>;
type Movement = Fact<{ ally?: string; amount: number; currency: string; package?: string; partner?: string; area?: string; project?: string; contribution?: string; pledge?: string; dateIs?: 'on_or_before' }>;

function sumBy<T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => number): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + value(r));
  return m;
}

export default function FundPage({ location }: PageProps) {
  const { t, lang, v } = useI18n();
  const rt = useRecordText();
  const states = useStates();
  const w = encodeURIComponent(location.world);
  const packages = useApi<Package[]>(`/api/worlds/${w}/facts/dcb-package`, location.world);
  const received = useApi<Movement[]>(`/api/worlds/${w}/facts/fund-contribution`, location.world);
  const pledged = useApi<Movement[]>(`/api/worlds/${w}/facts/fund-pledge`, location.world);
  const allocated = useApi<Movement[]>(`/api/worlds/${w}/facts/fund-allocation`, location.world);
  const spent = useApi<Movement[]>(`/api/worlds/${w}/facts/fund-expenditure`, location.world);
  useMarkings(packages.data);
  useMarkings(received.data);
  useMarkings(pledged.data);
  useMarkings(allocated.data);
  useMarkings(spent.data);

  const currencies = useMemo(() => [...new Set([...(received.data ?? []), ...(pledged.data ?? []), ...(allocated.data ?? [])].map((m) => m.data.currency))].sort(), [received.data, pledged.data, allocated.data]);
  // Whether anything of a kind is recorded in a currency: a sum of nothing is said in words, never "€0".
  const has = (rows: readonly Movement[] | undefined, c: string) => (rows ?? []).some((m) => m.data.currency === c);
  const totals = currencies.map((c) => ({
    currency: c,
    recorded: { received: has(received.data, c), pledged: has(pledged.data, c), allocated: has(allocated.data, c), spent: has(spent.data, c) },
    received: [...(received.data ?? [])].filter((m) => m.data.currency === c).reduce((s, m) => s + m.data.amount, 0),
    pledged: [...(pledged.data ?? [])].filter((m) => m.data.currency === c).reduce((s, m) => s + m.data.amount, 0),
    allocated: [...(allocated.data ?? [])].filter((m) => m.data.currency === c).reduce((s, m) => s + m.data.amount, 0),
    spent: [...(spent.data ?? [])].filter((m) => m.data.currency === c).reduce((s, m) => s + m.data.amount, 0),
  }));
  const nothing = !packages.data?.length && !received.data?.length && !pledged.data?.length && !allocated.data?.length;

  return (
    <>
      <PageHeader title={t('fund.title')} lead={t('fund.lead')} />
      <CoverageNote world={location.world} area="dcb" />
      <QueryView query={packages} isEmpty={() => nothing}>
        {() => (
          <>
            {totals.length > 0 && (
              <dl className="figures figures--row">
                {totals.map((c) => (
                  <div className="figure" key={c.currency}>
                    <dt className="figure__label">{t('fund.received')} ({c.currency})</dt>
                    <dd className="figure__value" data-recorded={c.recorded.received}>{c.recorded.received ? money(lang, c.received, c.currency) : <span className="figure__none">{t('fund.received_none')}</span>}</dd>
                    <dd className="figure__note">{(['pledged', 'allocated', 'spent'] as const).map((k) => `${t(`fund.${k}`)}${t('app.colon')}${c.recorded[k] ? money(lang, c[k], c.currency) : t('fund.money_none')}`).join(' · ')}</dd>
                  </div>
                ))}
              </dl>
            )}
            <p className="note">{t('fund.per_currency')}</p>

            <Section title={t('fund.by_ally')} id="by-ally">
              {currencies.length === 0 ? <Empty /> : (['received', 'pledged'] as const).flatMap((kind) => currencies.map((c) => {
                const rows = (kind === 'received' ? received.data : pledged.data) ?? [];
                const byAlly = sumBy(rows.filter((m) => m.data.currency === c), (m) => m.data.ally ?? '?', (m) => m.data.amount);
                const data = [...byAlly].map(([ally, value]) => ({ label: stateName(lang, states, ally), value }));
                if (data.length === 0) return null;
                const title = `${t(kind === 'received' ? 'fund.received' : 'fund.pledged')} — ${c}`;
                return (
                  <figure key={`${kind}-${c}`} className="chart-figure">
                    <figcaption>{title}</figcaption>
                    <Suspense fallback={<Loading />}>
                      <BarChart data={data} label={title} format={(n) => money(lang, n, c)} tick={(n) => moneyCompact(lang, n, c)} />
                    </Suspense>
                  </figure>
                );
              }))}
              {(received.data?.length || pledged.data?.length) ? (
                <SortableTable caption={t('fund.contributions')} rows={[...(received.data ?? []).map((m) => ({ ...m, kind: 'received' })), ...(pledged.data ?? []).map((m) => ({ ...m, kind: 'pledged' }))]}
                  rowKey={(m) => `${m.kind}-${m.key}`} initialSort="date" initialDir="desc"
                  columns={[
                    { key: 'date', header: t('ally.date'), sort: (m) => m.validFrom, render: (m) => <>{m.data.dateIs === 'on_or_before' && <span className="muted">{t('acc.on_or_before')} </span>}<DateText iso={m.validFrom} /></> },
                    { key: 'ally', header: t('fund.ally'), rowHeader: true, sort: (m) => stateName(lang, states, m.data.ally ?? ''), render: (m) => stateName(lang, states, m.data.ally ?? '') },
                    { key: 'kind', header: t('fund.kind'), sort: (m) => m.kind, render: (m) => m.kind === 'received' ? <Chip tone="success">{t('fund.received')}</Chip> : <Chip>{t('fund.pledged')}</Chip> },
                    { key: 'amount', header: t('fund.amount'), numeric: true, sort: (m) => m.data.amount, render: (m) => money(lang, m.data.amount, m.data.currency) },
                    { key: 'package', header: t('fund.packages'), sort: (m) => m.data.package, render: (m) => m.data.package ?? '—' },
                  ]} />
              ) : null}
            </Section>

            <Section title={t('fund.by_area')} id="by-area">
              {(allocated.data ?? []).length === 0 ? <Empty /> : currencies.map((c) => {
                const byArea = sumBy((allocated.data ?? []).filter((m) => m.data.currency === c), (m) => m.data.area ?? '?', (m) => m.data.amount);
                const data = [...byArea].map(([area, value]) => ({ label: v('dcbArea', area), value }));
                if (data.length === 0) return null;
                return (
                  <div key={c}>
                    <figure className="chart-figure">
                      <figcaption>{t('fund.by_area')} — {c}</figcaption>
                      <Suspense fallback={<Loading />}>
                        <BarChart data={data} label={`${t('fund.by_area')} (${c})`} format={(n) => money(lang, n, c)} tick={(n) => moneyCompact(lang, n, c)} />
                      </Suspense>
                    </figure>
                    <SortableTable caption={`${t('fund.by_area')} — ${c}`} captionHidden rows={data} rowKey={(d) => d.label} initialSort="amount" initialDir="desc"
                      columns={[
                        { key: 'area', header: t('fund.area'), rowHeader: true, sort: (d) => d.label, render: (d) => d.label },
                        { key: 'amount', header: t('fund.allocated'), numeric: true, sort: (d) => d.value, render: (d) => money(lang, d.value, c) },
                      ]} />
                  </div>
                );
              })}
            </Section>

            <Section title={t('fund.packages')} id="packages">
              {(packages.data ?? []).length === 0 ? <Empty /> : (
                <SortableTable caption={t('fund.packages')} captionHidden rows={packages.data ?? []} rowKey={(p) => p.key} initialSort="launched"
                  columns={[
                    { key: 'partner', header: t('fund.partner'), rowHeader: true, sort: (p) => stateName(lang, states, p.data.partner), render: (p) => <>{stateName(lang, states, p.data.partner)}{p.data.title && <span className="muted"> — {rt(p.data.title)}</span>}</> },
                    { key: 'launched', header: t('fund.launched'), sort: (p) => p.data.launchedAt, render: (p) => <DateText iso={p.data.launchedAt} /> },
                    { key: 'areas', header: t('fund.areas'), render: (p) => <ul className="chip-list">{p.data.areas.map((a) => <li key={a}><Chip>{v('dcbArea', a)}</Chip></li>)}</ul> },
                  ]} />
              )}
            </Section>
          </>
        )}
      </QueryView>
    </>
  );
}
