/**
 * The scenarios (crisis-management exercises) the signed-in account takes part in: title, fork
 * date, scenario time, the clock, and who holds the seats; each links to its scenario page.
 */
import type { PageProps } from '../app.js';
import { dtg, useI18n } from '../lib/i18n.js';
import { useApi } from '../lib/data.js';
import { useSession } from '../lib/session.js';
import { hrefFor, Link } from '../lib/router.js';
import { offsetOf, type ScenarioStatus } from '../lib/scenario.js';
import { SortableTable } from '../components/table.js';
import { DateText, PageHeader, QueryView, Section } from '../components/ui.js';
import { ClockChip } from '../components/scenario-bits.js';
import { NewScenarioForm } from '../components/scenario-control.js';

export default function ScenariosPage({ location }: PageProps) {
  const { t, lang, v } = useI18n();
  const { account, ready } = useSession();
  const list = useApi<ScenarioStatus[]>(account ? '/api/scenarios' : null);
  const title = (s: ScenarioStatus) => s.title[lang] ?? s.title.en;
  return (
    <>
      <PageHeader title={t('scenarios.title')} lead={t('scenarios.lead')}>
        {account && <p className="muted">{t('scenarios.your_role', { role: v('role', account.role) })}</p>}
      </PageHeader>
      {ready && !account && (
        <p className="notice notice--info">
          {t('scenarios.sign_in')} <Link href={hrefFor(lang, 'sign-in', location.world, { next: 'scenarios' })}>{t('nav.sign_in')}</Link>
        </p>
      )}
      {account && (account.role === 'director' || account.role === 'admin') && (
        <Section title={t('control.new_heading')} id="new-scenario">
          <p className="note">{t('control.new_lead')}</p>
          <NewScenarioForm />
        </Section>
      )}
      {account && (
        <Section title={t('scenarios.list')} id="scenario-list">
          <QueryView query={list} empty={t('scenarios.none')}>
            {(rows) => (
              <SortableTable caption={t('scenarios.list')} captionHidden rows={rows} rowKey={(s) => s.name} initialSort="title"
                columns={[
                  { key: 'title', header: t('field.title'), rowHeader: true, sort: title, render: (s) => (
                    <><Link href={hrefFor(lang, `scenarios/${s.name}`, s.name)} data-scenario={s.name}>{title(s)}</Link> <span className="code">{s.name}</span>
                      {s.branch && <span className="muted"> · {t('scenario.branch_of', { parent: s.branch.parent })}</span>}</>
                  ) },
                  { key: 'asOf', header: t('scenarios.fork_date'), sort: (s) => s.asOf, render: (s) => <DateText iso={s.asOf} /> },
                  { key: 'now', header: t('scenario.scenario_time'), sort: (s) => s.now, render: (s) => <><span className="dtg">{dtg(s.now)}</span> <span className="muted">{offsetOf(s.start, s.now)}</span></> },
                  { key: 'clock', header: t('scenario.clock'), sort: (s) => s.clock.status, render: (s) => <ClockChip status={s} /> },
                  { key: 'seats', header: t('scenario.seats'), numeric: true, sort: (s) => s.seats.filter((x) => x.played === 'person').length,
                    render: (s) => t('scenarios.seats_count', { people: s.seats.filter((x) => x.played === 'person').length, total: s.seats.length }) },
                ]} />
            )}
          </QueryView>
        </Section>
      )}
    </>
  );
}
