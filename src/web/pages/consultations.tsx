/** Article 4 consultations and Article 5 determinations with the measures reported. */
import type { PageProps } from '../app.js';
import { useI18n, stateNames } from '../lib/i18n.js';
import { useRecordText } from '../lib/record-text.js';
import { useApi } from '../lib/data.js';
import { useStates } from '../lib/reference.js';
import { useMarkings } from '../lib/markings.js';
import type { Fact } from '../lib/facts.js';
import { SortableTable } from '../components/table.js';
import { Chip, DateText, PageHeader, QueryView, Section } from '../components/ui.js';

type Consultation = Fact<{ consultation: string; requesters: string[]; reason: string; status: string; heldAt?: string }>;
type Determination = Fact<{
  determination: string; victims: string[]; attackDate: string; description: string; measures: { by: string; measure: string; at?: string }[];
  /** When the Council invoked Article 5 on a condition, before determining that it was met. */
  conditionallyInvokedAt?: string; condition?: string;
}>;

export default function ConsultationsPage({ location }: PageProps) {
  const { t, lang, date } = useI18n();
  const r = useRecordText();
  const states = useStates();
  const w = encodeURIComponent(location.world);
  const art4 = useApi<Consultation[]>(`/api/worlds/${w}/consultations`, location.world);
  const art5 = useApi<Determination[]>(`/api/worlds/${w}/article5`, location.world);
  useMarkings(art4.data);
  useMarkings(art5.data);
  return (
    <>
      <PageHeader title={t('cons.title')} lead={t('cons.lead')} />
      <Section title={t('cons.art5')} id="art5">
        <QueryView query={art5}>
          {(data) => (
            <>
              <p>{t('cons.invoked', { count: data.length })}</p>
              {data.map((d) => (
                <article key={d.key} className="card-block">
                  <h3>{t('cons.attack', { date: date(d.data.attackDate), victims: d.data.victims })}</h3>
                  {d.data.conditionallyInvokedAt && (
                    <p data-testid="art5-conditional"><strong>{t('cons.invoked_conditionally', { date: date(d.data.conditionallyInvokedAt) })}</strong> {d.data.condition && <q>{r(d.data.condition)}</q>}</p>
                  )}
                  <p className="chips-line"><Chip tone="danger">{t('cons.art5')}</Chip> <span>{t('cons.determined', { date: date(d.validFrom) })}</span> <span className="code">{d.data.determination}</span></p>
                  <p>{r(d.data.description)}</p>
                  {d.data.measures.length > 0 && (
                    <>
                      <h4>{t('cons.measures')}</h4>
                      <ol className="events">{d.data.measures.map((m, i) => <li key={i}>{m.at && <><DateText iso={m.at} long /> — </>}{r(m.measure)}</li>)}</ol>
                    </>
                  )}
                </article>
              ))}
            </>
          )}
        </QueryView>
      </Section>
      <Section title={t('cons.art4')} id="art4">
        <QueryView query={art4}>
          {(data) => (
            <SortableTable caption={t('cons.art4')} captionHidden rows={data} rowKey={(c) => c.key} initialSort="requested" initialDir="desc"
              columns={[
                { key: 'requested', header: t('cons.requested'), sort: (c) => c.validFrom, render: (c) => <DateText iso={c.validFrom} /> },
                { key: 'requesters', header: t('cons.requesters'), rowHeader: true, sort: (c) => stateNames(lang, states, c.data.requesters), render: (c) => stateNames(lang, states, c.data.requesters) },
                { key: 'reason', header: t('cons.reason'), render: (c) => r(c.data.reason) },
                { key: 'status', header: t('cons.held'), sort: (c) => c.data.heldAt, render: (c) => c.data.status === 'held' ? <Chip tone="success">{t('cons.status_held')} <DateText iso={c.data.heldAt} /></Chip> : <Chip tone="warning">{t('cons.status_requested')}</Chip> },
              ]} />
          )}
        </QueryView>
      </Section>
    </>
  );
}
