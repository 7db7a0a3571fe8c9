/** Partnership frameworks with their partners over time, suspensions and tailored programmes. */
import { useMemo } from 'react';
import type { PageProps } from '../app.js';
import { useI18n, stateName } from '../lib/i18n.js';
import { useRecordText } from '../lib/record-text.js';
import { useApi } from '../lib/data.js';
import { useStates } from '../lib/reference.js';
import { useMarkings } from '../lib/markings.js';
import type { Fact } from '../lib/facts.js';
import { hrefFor, Link } from '../lib/router.js';
import { SortableTable } from '../components/table.js';
import { CoverageNote } from '../components/coverage-note.js';
import { Chip, DateText, Empty, PageHeader, QueryView, Section } from '../components/ui.js';

type Framework = Fact<{ framework: string; name: { en: string; fr?: string }; region?: string; establishedAt: string }>;
type Partnership = Fact<{ framework: string; partner: string; from: string; fromIs?: 'on_or_before'; until?: string; untilIs?: 'on_or_before' }>;
type Suspension = Fact<{ framework: string; partner: string; from: string; until?: string; reason?: string }>;
type Programme = Fact<{ programme: string; framework: string; partner: string; kind: string; title?: string; agreedAt: string }>;

export default function PartnershipsPage({ location }: PageProps) {
  const { t, lang, date } = useI18n();
  const rt = useRecordText();
  const states = useStates();
  const w = encodeURIComponent(location.world);
  const frameworks = useApi<Framework[]>(`/api/worlds/${w}/facts/framework`, location.world);
  const partnerships = useApi<Partnership[]>(`/api/worlds/${w}/facts/partnership`, location.world);
  const suspensions = useApi<Suspension[]>(`/api/worlds/${w}/facts/partnership-suspension`, location.world);
  const programmes = useApi<Programme[]>(`/api/worlds/${w}/facts/partnership-programme`, location.world);
  const memberships = useApi<Fact<{ state: string }>[]>(`/api/worlds/${w}/facts/membership`, location.world);
  useMarkings(frameworks.data);
  useMarkings(partnerships.data);
  useMarkings(suspensions.data);
  useMarkings(programmes.data);
  const byFramework = useMemo(() => {
    const m = new Map<string, Partnership[]>();
    for (const p of partnerships.data ?? []) m.set(p.data.framework, [...(m.get(p.data.framework) ?? []), p]);
    return m;
  }, [partnerships.data]);
  // A partner that became an Ally is shown as such (the partnership record may run on).
  const allySince = useMemo(() => new Map((memberships.data ?? []).filter((m) => !m.validTo).map((m) => [m.data.state, m.validFrom])), [memberships.data]);
  const suspended = (p: Partnership) => (suspensions.data ?? []).find((s) => s.data.framework === p.data.framework && s.data.partner === p.data.partner && !s.data.until);

  return (
    <>
      <PageHeader title={t('part.title')} lead={t('part.lead')} />
      <CoverageNote world={location.world} area="partnerships" />
      <QueryView query={frameworks}>
        {(data) => (
          <>
            {data.map((f) => {
              const rows = byFramework.get(f.data.framework) ?? [];
              const active = rows.filter((r) => !r.data.until && !allySince.has(r.data.partner) && !suspended(r));
              return (
                <Section key={f.key} title={f.data.name[lang] ?? f.data.name.en} id={`fw-${f.key}`}>
                  <p className="chips-line"><Chip tone="info">{active.length === 0 ? t('part.partners_none') : active.length === 1 ? t('part.partners_one') : t('part.partners', { count: active.length })}</Chip><span className="muted">{t('part.established', { date: date(f.data.establishedAt) })}{f.data.region ? ` · ${rt(f.data.region)}` : ''}</span></p>
                  {rows.length === 0 ? <Empty /> : (
                    <SortableTable caption={f.data.name[lang] ?? f.data.name.en} captionHidden rows={rows} rowKey={(r) => r.key} initialSort="partner" dense
                      columns={[
                        { key: 'partner', header: t('part.partner'), rowHeader: true, sort: (r) => stateName(lang, states, r.data.partner), render: (r) => <Link href={hrefFor(lang, `allies/${r.data.partner}`, location.world)}>{stateName(lang, states, r.data.partner)}</Link> },
                        { key: 'from', header: t('part.from'), sort: (r) => r.data.from, render: (r) => <>{r.data.fromIs && <span className="muted">{t('acc.on_or_before')} </span>}<DateText iso={r.data.from} /></> },
                        { key: 'until', header: t('part.until'), sort: (r) => r.data.until ?? '9999', render: (r) => <>{r.data.untilIs && <span className="muted">{t('acc.on_or_before')} </span>}<DateText iso={r.data.until} /></> },
                        {
                          key: 'status', header: t('ops.status'), sort: (r) => (r.data.until ? 3 : allySince.has(r.data.partner) ? 2 : suspended(r) ? 1 : 0),
                          render: (r) => r.data.until ? <Chip>{t('part.left')}</Chip>
                            : allySince.has(r.data.partner) ? <Chip tone="info">{t('part.now_ally', { year: (allySince.get(r.data.partner) ?? '').slice(0, 4) })}</Chip>
                              : suspended(r) ? <Chip tone="warning" title={rt(suspended(r)?.data.reason)}>{t('part.suspended')}</Chip>
                                : <Chip tone="success">{t('part.active')}</Chip>,
                        },
                      ]} />
                  )}
                </Section>
              );
            })}
            <Section title={t('part.programmes')} id="programmes">
              {(programmes.data ?? []).length === 0 ? <Empty /> : (
                <SortableTable caption={t('part.programmes')} captionHidden rows={programmes.data ?? []} rowKey={(p) => p.key} initialSort="agreed"
                  columns={[
                    { key: 'partner', header: t('part.partner'), rowHeader: true, sort: (p) => stateName(lang, states, p.data.partner), render: (p) => stateName(lang, states, p.data.partner) },
                    { key: 'kind', header: t('part.kind'), sort: (p) => p.data.kind, render: (p) => <span className="code">{p.data.kind}</span> },
                    { key: 'title', header: t('field.title'), render: (p) => rt(p.data.title) ?? '—' },
                    { key: 'agreed', header: t('part.agreed'), sort: (p) => p.data.agreedAt, render: (p) => <DateText iso={p.data.agreedAt} /> },
                  ]} />
              )}
            </Section>
          </>
        )}
      </QueryView>
    </>
  );
}
