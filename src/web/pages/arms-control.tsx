/** The arms-control register: instruments, the Allies' status in each, and the Alliance's bodies. */
import { useMemo } from 'react';
import type { PageProps } from '../app.js';
import type { Member } from '../../app/treaty-queries.js';
import { useI18n, stateNames } from '../lib/i18n.js';
import { useRecordText } from '../lib/record-text.js';
import { useStates } from '../lib/reference.js';
import { useApi } from '../lib/data.js';
import { useMarkings } from '../lib/markings.js';
import { latestByKey, type Fact } from '../lib/facts.js';
import type { MessageKey } from '../lib/messages.js';
import { hrefFor, navigate } from '../lib/router.js';
import { SortableTable } from '../components/table.js';
import { CoverageNote } from '../components/coverage-note.js';
import { Chip, DateText, Empty, PageHeader, QueryView, Section, type Tone } from '../components/ui.js';

type Instrument = Fact<{ instrument: string; name: string; kind: string; field: string; depositary?: string; openedAt: string; enteredIntoForceAt?: string }>;
type Status = Fact<{ instrument: string; state: string; status: 'signed' | 'party' | 'suspended' | 'withdrawn'; from: string; fromIs?: 'on_or_before'; until?: string }>;
type Committee = Fact<{ committee: string; name: string; mandate?: string; establishedAt: string }>;

const TONE: Record<string, Tone> = { party: 'success', signed: 'info', suspended: 'warning', withdrawn: 'danger' };

export default function ArmsControlPage({ location }: PageProps) {
  const { t, lang, v } = useI18n();
  const rt = useRecordText();
  const states = useStates();
  const w = encodeURIComponent(location.world);
  const instruments = useApi<Instrument[]>(`/api/worlds/${w}/facts/arms-control-instrument`, location.world);
  const statuses = useApi<Status[]>(`/api/worlds/${w}/facts/arms-control-status`, location.world);
  const committees = useApi<Committee[]>(`/api/worlds/${w}/facts/arms-control-committee`, location.world);
  const members = useApi<Member[]>(`/api/worlds/${w}/members`, location.world);
  useMarkings(instruments.data);
  useMarkings(statuses.data);
  useMarkings(committees.data);
  const list = useMemo(() => latestByKey(instruments.data ?? []).sort((a, b) => (a.data.openedAt < b.data.openedAt ? -1 : 1)), [instruments.data]);
  const current = useMemo(() => {
    const m = new Map<string, Status>();
    for (const s of statuses.data ?? []) {
      if (s.data.until) continue;
      const k = `${s.data.instrument}/${s.data.state}`;
      const prev = m.get(k);
      if (!prev || prev.seq < s.seq) m.set(k, s);
    }
    return m;
  }, [statuses.data]);
  const selected = location.query.get('instrument') ?? list[0]?.data.instrument;
  // An instrument named in the address is the page's subject: the tab says which ("INF Treaty — Arms control").
  const asked = location.query.get('instrument') ? list.find((i) => i.data.instrument === location.query.get('instrument')) : undefined;
  const allies = members.data ?? [];
  const partiesAmongAllies = (id: string) => allies.filter((a) => current.get(`${id}/${a.code}`)?.data.status === 'party').length;
  const recordedAmongAllies = (id: string) => allies.filter((a) => current.has(`${id}/${a.code}`)).length;
  // Parties among the Allies, said as far as the record goes: "0 / 32" would claim what is only unrecorded.
  const partiesText = (id: string) => {
    const recorded = recordedAmongAllies(id);
    if (recorded === 0) return t('ac.parties_none');
    const parties = partiesAmongAllies(id);
    return recorded === allies.length ? t('ac.parties_of', { count: parties, total: allies.length }) : t('ac.parties_recorded', { count: parties, total: allies.length, recorded });
  };
  const withStatus = selected ? allies.filter((a) => current.has(`${selected}/${a.code}`)) : [];
  const withoutStatus = selected ? allies.filter((a) => !current.has(`${selected}/${a.code}`)) : [];

  return (
    <>
      <PageHeader title={t('ac.title')} lead={t('ac.lead')} {...(asked ? { docTitle: `${rt(asked.data.name)} — ${t('ac.title')}` } : {})} />
      <CoverageNote world={location.world} area="arms_control" />
      <QueryView query={instruments}>
        {() => (
          <>
            <SortableTable caption={t('ac.title')} captionHidden rows={list} rowKey={(i) => i.key} initialSort="opened"
              columns={[
                { key: 'name', header: t('ac.instrument'), rowHeader: true, sort: (i) => rt(i.data.name), render: (i) => rt(i.data.name) },
                { key: 'kind', header: t('ac.kind'), sort: (i) => i.data.kind, render: (i) => v('instrumentKind', i.data.kind) },
                { key: 'field', header: t('ac.field'), sort: (i) => i.data.field, render: (i) => v('armsControlField', i.data.field) },
                { key: 'opened', header: t('ac.opened'), sort: (i) => i.data.openedAt, render: (i) => <DateText iso={i.data.openedAt} /> },
                { key: 'force', header: t('ac.in_force'), sort: (i) => i.data.enteredIntoForceAt, render: (i) => <DateText iso={i.data.enteredIntoForceAt} /> },
                { key: 'parties', header: t('acstatus.party'), numeric: true, sort: (i) => partiesAmongAllies(i.data.instrument), render: (i) => partiesText(i.data.instrument) },
              ]} />
            {selected && (
              <Section title={t('ac.matrix')} id="matrix" actions={(
                <div className="inline-field">
                  <label htmlFor="instrument-select">{t('ac.instrument')}</label>
                  <select id="instrument-select" value={selected} onChange={(e) => navigate(hrefFor(lang, 'arms-control', location.world, { instrument: e.target.value }), { replace: true })}>
                    {list.map((i) => <option key={i.key} value={i.data.instrument}>{rt(i.data.name)}</option>)}
                  </select>
                </div>
              )}>
                {withStatus.length > 0 && <SortableTable caption={`${t('ac.matrix')} — ${rt(list.find((i) => i.data.instrument === selected)?.data.name ?? selected)}`} rows={withStatus} rowKey={(a) => a.code} initialSort="ally" dense
                  columns={[
                    { key: 'ally', header: t('allies.name'), rowHeader: true, sort: (a) => a.name.en, render: (a) => a.name[lang] },
                    {
                      key: 'status', header: t('acc.status'), sort: (a) => current.get(`${selected}/${a.code}`)?.data.status ?? 'z',
                      render: (a) => {
                        const s = current.get(`${selected}/${a.code}`);
                        return s ? <Chip tone={TONE[s.data.status]}>{t(`acstatus.${s.data.status}` as MessageKey)}</Chip> : <Chip>{t('ac.not_party')}</Chip>;
                      },
                    },
                    { key: 'since', header: t('home.since'), sort: (a) => current.get(`${selected}/${a.code}`)?.data.from, render: (a) => { const s = current.get(`${selected}/${a.code}`); return <>{s?.data.fromIs === 'on_or_before' && <span className="muted">{t('acc.on_or_before')} </span>}<DateText iso={s?.data.from} /></>; } },
                  ]} />}
                {/* Allies with no status recorded: one sentence, not a row of "No status recorded" each. */}
                {withoutStatus.length > 0 && <p className="note" data-testid="unrecorded-status">{t('ac.unrecorded_rows', { count: withoutStatus.length, names: stateNames(lang, states, withoutStatus.map((a) => a.code)) })}</p>}
              </Section>
            )}
          </>
        )}
      </QueryView>
      <Section title={t('ac.committees')} id="committees">
        <QueryView query={committees}>
          {(data) => data.length === 0 ? <Empty /> : (
            <ul className="plain-list">{data.map((c) => <li key={c.key}><strong>{rt(c.data.name)}</strong> — <DateText iso={c.data.establishedAt} />{c.data.mandate && <p className="muted">{rt(c.data.mandate)}</p>}</li>)}</ul>
          )}
        </QueryView>
      </Section>
    </>
  );
}
