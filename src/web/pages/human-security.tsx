/**
 * Human security and WPS coverage: which activities address each of the five pillars, whether a
 * gender analysis was done, and which recorded activities carry no tag at all (BRIEF §2).
 */
import { useMemo } from 'react';
import type { PageProps } from '../app.js';
import { useI18n } from '../lib/i18n.js';
import { recordText } from '../../messages/record-french.js';
import { useApi } from '../lib/data.js';
import { useMarkings } from '../lib/markings.js';
import { latestByKey, type Fact } from '../lib/facts.js';
import { VOCABULARY } from '../lib/messages.js';
import { SortableTable } from '../components/table.js';
import { CoverageNote } from '../components/coverage-note.js';
import { TermsTable, type Term } from '../components/terms-table.js';
import { Chip, DateText, Empty, PageHeader, Progress, QueryView, Section } from '../components/ui.js';

type Tag = Fact<{ activity: string; id: string; coreTask?: string; pillars: string[]; genderAnalysis?: boolean }>;
type Policy = Fact<{ policy: string; kind: string; title: { en: string; fr?: string }; adoptedAt: string; dateIs?: 'on_or_before' }>;
type Named = Fact<{ operation?: string; exercise?: string; package?: string; name?: string | { en: string; fr?: string }; title?: string; partner?: string }>;

export default function HumanSecurityPage({ location }: PageProps) {
  const { t, lang, v } = useI18n();
  const w = encodeURIComponent(location.world);
  const tags = useApi<Tag[]>(`/api/worlds/${w}/facts/human-security`, location.world);
  const operations = useApi<Named[]>(`/api/worlds/${w}/facts/operation`, location.world);
  const exercises = useApi<Named[]>(`/api/worlds/${w}/facts/exercise`, location.world);
  const packages = useApi<Named[]>(`/api/worlds/${w}/facts/dcb-package`, location.world);
  const policies = useApi<Policy[]>(`/api/worlds/${w}/facts/policy`, location.world);
  const offices = useApi<Term[]>(`/api/worlds/${w}/offices/terms`, location.world);
  useMarkings(tags.data);
  useMarkings(policies.data);
  const policyRows = useMemo(() => latestByKey(policies.data ?? []).sort((a, b) => a.validFrom.localeCompare(b.validFrom)), [policies.data]);
  const terms = useMemo(() => (offices.data ?? []).filter((o) => o.what === 'wps_special_representative'), [offices.data]);
  const bound = (on: boolean | undefined) => (on ? <span className="muted">{t('acc.on_or_before')} </span> : null);

  const activities = useMemo(() => {
    const label = (n: Named) => typeof n.data.name === 'string' ? recordText(lang, n.data.name) : n.data.name ? (n.data.name[lang] ?? n.data.name.en) : (recordText(lang, n.data.title) ?? n.key);
    return [
      ...latestByKey(operations.data ?? []).map((o) => ({ kind: 'operation', id: o.data.operation ?? o.key, name: label(o) })),
      ...latestByKey(exercises.data ?? []).map((e) => ({ kind: 'exercise', id: e.data.exercise ?? e.key, name: label(e) })),
      ...latestByKey(packages.data ?? []).map((p) => ({ kind: 'dcb_package', id: p.data.package ?? p.key, name: label(p) })),
    ];
  }, [operations.data, exercises.data, packages.data, lang]);
  const current = useMemo(() => {
    const m = new Map<string, Tag>();
    for (const tag of tags.data ?? []) {
      const k = `${tag.data.activity}/${tag.data.id}`;
      const prev = m.get(k);
      if (!tag.validTo && (!prev || prev.seq < tag.seq)) m.set(k, tag);
    }
    return [...m.values()];
  }, [tags.data]);
  const nameOf = (kind: string, id: string) => activities.find((a) => a.kind === kind && a.id === id)?.name ?? id;
  const untagged = activities.filter((a) => !current.some((c) => c.data.activity === a.kind && c.data.id === a.id));
  const pillars = Object.keys(VOCABULARY.pillar);
  const withGender = current.filter((c) => c.data.genderAnalysis).length;

  return (
    <>
      <PageHeader title={t('hs.title')} lead={t('hs.lead')} />
      <CoverageNote world={location.world} area="wps_human_security" />
      <Section title={t('hs.wps')} id="wps">
        <ul className="cards cards--static">
          {Object.keys(VOCABULARY.wps).map((p) => <li key={p} className="card"><span>{v('wps', p)}</span></li>)}
        </ul>
      </Section>
      <Section title={t('hs.policies')} id="policies">
        <QueryView query={policies} isEmpty={() => policyRows.length === 0}>
          {() => (
            <SortableTable caption={t('hs.policies')} captionHidden rows={policyRows} rowKey={(p) => p.key} initialSort="adopted"
              columns={[
                { key: 'adopted', header: t('hs.policy_adopted'), sort: (p) => p.validFrom, render: (p) => <>{bound(p.data.dateIs === 'on_or_before')}<DateText iso={p.validFrom} /></> },
                // The kind is said under the title: a third column would not fit a phone.
                { key: 'title', header: t('hs.policy_title'), rowHeader: true, sort: (p) => p.data.title[lang] ?? p.data.title.en, render: (p) => <>{p.data.title[lang] ?? p.data.title.en}<br /><span className="muted">{v('policyKind', p.data.kind)}</span></> },
              ]} />
          )}
        </QueryView>
      </Section>
      <Section title={t('hs.representatives')} id="representatives">
        <QueryView query={offices} isEmpty={() => terms.length === 0}>
          {() => (
            <>
              <TermsTable terms={terms} caption={t('hs.representatives')} who={t('hs.rep_name')} />
              <p className="note">{t('terms.bounds')}</p>
            </>
          )}
        </QueryView>
      </Section>
      <QueryView query={tags} isEmpty={() => current.length === 0 && activities.length === 0}>
        {() => (
          <>
            <Section title={t('hs.coverage')} id="coverage">
              <SortableTable caption={t('hs.coverage')} captionHidden rows={pillars} rowKey={(p) => p} initialSort="count" initialDir="desc"
                columns={[
                  { key: 'pillar', header: t('hs.pillar'), rowHeader: true, sort: (p) => v('pillar', p), render: (p) => v('pillar', p) },
                  { key: 'count', header: t('hs.activities'), numeric: true, sort: (p) => current.filter((c) => c.data.pillars.includes(p)).length, render: (p) => current.filter((c) => c.data.pillars.includes(p)).length || <span className="muted">{t('app.none_recorded')}</span> },
                ]} />
              {current.length > 0 && <Progress value={withGender} max={current.length} label={t('hs.with_gender', { count: withGender, total: current.length })} />}
            </Section>
            <Section title={t('hs.tagged')} id="tagged">
              {current.length === 0 ? <Empty /> : (
                <SortableTable caption={t('hs.tagged')} captionHidden rows={current} rowKey={(c) => c.key} initialSort="activity"
                  columns={[
                    { key: 'activity', header: t('hs.activity'), rowHeader: true, sort: (c) => nameOf(c.data.activity, c.data.id), render: (c) => <>{nameOf(c.data.activity, c.data.id)} <span className="muted">· {v('activityKind', c.data.activity)}</span></> },
                    { key: 'pillars', header: t('hs.pillar'), render: (c) => c.data.pillars.length ? <ul className="chip-list">{c.data.pillars.map((p) => <li key={p}><Chip tone="info">{v('pillar', p)}</Chip></li>)}</ul> : '—' },
                    { key: 'gender', header: t('hs.gender'), sort: (c) => (c.data.genderAnalysis ? 1 : 0), render: (c) => c.data.genderAnalysis ? <Chip tone="success">{t('app.yes')}</Chip> : <Chip tone="warning">{t('app.no')}</Chip> },
                  ]} />
              )}
            </Section>
            <Section title={t('hs.untagged')} id="untagged">
              {untagged.length === 0 ? <p><Chip tone="success">{t('hs.untagged_none')}</Chip></p> : (
                <>
                  <p data-testid="untagged-summary">{t('hs.untagged_summary', { count: untagged.length })}</p>
                  <details>
                    <summary>{t('hs.untagged_list', { count: untagged.length })}</summary>
                    <ul className="plain-list">{untagged.map((a) => <li key={`${a.kind}/${a.id}`}>{a.name} <span className="muted">· {v('activityKind', a.kind)}</span></li>)}</ul>
                  </details>
                </>
              )}
            </Section>
          </>
        )}
      </QueryView>
    </>
  );
}
