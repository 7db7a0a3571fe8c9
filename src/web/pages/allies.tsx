/** The Allies: a sortable table with accession dates and rounds, filterable by name or code. */
import { useMemo, useState } from 'react';
import type { PageProps } from '../app.js';
import type { Member } from '../../app/treaty-queries.js';
import { useI18n } from '../lib/i18n.js';
import { useApi } from '../lib/data.js';
import { qs } from '../lib/api.js';
import { hrefFor, Link } from '../lib/router.js';
import { today } from '../lib/facts.js';
import { SortableTable } from '../components/table.js';
import { Chip, DateText, PageHeader, QueryView } from '../components/ui.js';

export default function AlliesPage({ location }: PageProps) {
  const { t, lang, date } = useI18n();
  const at = location.query.get('at') ?? undefined;
  const members = useApi<Member[]>(`/api/worlds/${encodeURIComponent(location.world)}/members${qs({ asOf: at })}`, location.world);
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (members.data ?? []).filter((m) => !f || m.name[lang].toLowerCase().includes(f) || m.name.en.toLowerCase().includes(f) || m.code.toLowerCase().includes(f));
  }, [members.data, filter, lang]);

  return (
    <>
      <PageHeader title={t('allies.title')} lead={members.data ? t('allies.lead', { count: members.data.length, date: date(at ?? today()) }) : undefined} />
      <div className="toolbar">
        <label htmlFor="ally-filter">{t('allies.filter')}</label>
        <input id="ally-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
      </div>
      <QueryView query={members}>
        {() => (
          <SortableTable
            caption={t('allies.title')}
            captionHidden
            rows={rows}
            rowKey={(m) => m.code}
            initialSort="since"
            columns={[
              { key: 'name', header: t('allies.name'), rowHeader: true, sort: (m) => m.name[lang], render: (m) => <Link href={hrefFor(lang, `allies/${m.code}`, location.world)}>{m.name[lang]}</Link> },
              { key: 'code', header: t('allies.code'), sort: (m) => m.code, render: (m) => <span className="code">{m.code}</span> },
              { key: 'since', header: t('allies.since'), sort: (m) => `${m.since}${m.name.en}`, render: (m) => <DateText iso={m.since} /> },
              { key: 'round', header: t('allies.round'), sort: (m) => m.since.slice(0, 4), render: (m) => m.via === 'founding' ? t('allies.round_founding') : <>{m.since.slice(0, 4)} <span className="muted">· {m.protocol}</span></> },
              { key: 'via', header: t('allies.via'), sort: (m) => m.via, render: (m) => m.via === 'founding' ? <Chip tone="accent">{t('allies.via_founding')}</Chip> : <Chip tone="info">{t('allies.via_accession')}</Chip> },
              { key: 'structure', header: t('allies.structure'), sort: (m) => (m.outOfIntegratedStructure ? 1 : 0), render: (m) => m.outOfIntegratedStructure ? <Chip tone="warning">{t('allies.out_structure')}</Chip> : <Chip tone="success">{t('allies.in_structure')}</Chip> },
            ]}
          />
        )}
      </QueryView>
    </>
  );
}
