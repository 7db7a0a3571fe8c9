/** Exercises as cards (CONVENTIONS §5.4) and as a sortable table. */
import type { PageProps } from '../app.js';
import { useI18n, stateNames } from '../lib/i18n.js';
import { useRecordText } from '../lib/record-text.js';
import { useApi } from '../lib/data.js';
import { useStates } from '../lib/reference.js';
import { useMarkings } from '../lib/markings.js';
import { latestByKey, type Fact } from '../lib/facts.js';
import { SortableTable } from '../components/table.js';
import { Chip, DateText, PageHeader, QueryView, Section } from '../components/ui.js';

type Exercise = Fact<{ exercise: string; name: string; startDate: string; endDate: string; lead: string; coreTask: string; participants?: string[]; allies?: string[]; partners?: string[]; hostNations?: string[]; themes?: string[]; domains?: string[]; troops?: number; personnel?: number }>;

export default function ExercisesPage({ location }: PageProps) {
  const { t, lang, v, num } = useI18n();
  const rt = useRecordText();
  const states = useStates();
  const exercises = useApi<Exercise[]>(`/api/worlds/${encodeURIComponent(location.world)}/facts/exercise`, location.world);
  useMarkings(exercises.data);
  return (
    <>
      <PageHeader title={t('ex.title')} lead={t('ex.lead')} />
      <QueryView query={exercises}>
        {(data) => {
          const rows = latestByKey(data).sort((a, b) => (a.data.startDate < b.data.startDate ? 1 : -1));
          return (
            <>
              <div className="card-grid">
                {rows.map((e) => {
                  const troops = e.data.troops ?? e.data.personnel;
                  const participants = e.data.participants ?? [...(e.data.allies ?? []), ...(e.data.partners ?? [])];
                  return (
                    <article key={e.key} className="card-block">
                      <h3 className="caps">{rt(e.data.name)}</h3>
                      <p className="chips-line">{(e.data.domains ?? []).map((d) => <Chip key={d}>{v('exerciseDomain', d)}</Chip>)}<Chip tone="info">{v('coreTask', e.data.coreTask)}</Chip></p>
                      <dl className="facts">
                        <div><dt>{t('ex.dates')}</dt><dd><DateText iso={e.data.startDate} /> → <DateText iso={e.data.endDate} /></dd></div>
                        <div><dt>{t('ex.lead_by')}</dt><dd>{rt(e.data.lead)}</dd></div>
                        {troops !== undefined && <div><dt>{t('ex.troops')}</dt><dd>{num(troops)}</dd></div>}
                        {e.data.hostNations?.length ? <div><dt>{t('ex.hosts')}</dt><dd>{stateNames(lang, states, e.data.hostNations)}</dd></div> : null}
                        {participants.length ? <div><dt>{t('ex.participants')}</dt><dd>{participants.length} — <span className="muted">{stateNames(lang, states, participants)}</span></dd></div> : null}
                        {e.data.themes?.length ? <div><dt>{t('ex.themes')}</dt><dd>{e.data.themes.map((th) => v('resilienceTheme', th)).join(', ')}</dd></div> : null}
                      </dl>
                    </article>
                  );
                })}
              </div>
              <Section title={t('ex.title')} id="table">
                <SortableTable caption={t('ex.title')} captionHidden rows={rows} rowKey={(e) => e.key} initialSort="start" initialDir="desc"
                  columns={[
                    { key: 'name', header: t('ops.name'), rowHeader: true, sort: (e) => rt(e.data.name), render: (e) => rt(e.data.name) },
                    { key: 'start', header: t('ops.start'), sort: (e) => e.data.startDate, render: (e) => <DateText iso={e.data.startDate} /> },
                    { key: 'end', header: t('ops.end'), sort: (e) => e.data.endDate, render: (e) => <DateText iso={e.data.endDate} /> },
                    { key: 'lead', header: t('ex.lead_by'), sort: (e) => rt(e.data.lead), render: (e) => rt(e.data.lead) },
                    { key: 'troops', header: t('ex.troops'), numeric: true, sort: (e) => e.data.troops ?? e.data.personnel, render: (e) => (e.data.troops ?? e.data.personnel) !== undefined ? num((e.data.troops ?? e.data.personnel)!) : '—' },
                  ]} />
              </Section>
            </>
          );
        }}
      </QueryView>
    </>
  );
}
