/**
 * The ratification tracker (CONVENTIONS §5.2): for one protocol, "N of M Allies have ratified"
 * with a progress bar, days elapsed, who is still missing, a cumulative chart of deposits and
 * the per-Ally matrix; then every enlargement round compared.
 */
import { useMemo, type ReactNode } from 'react';
import type { PageProps } from '../app.js';
import type { AccessionReport, EnlargementRound, RatificationRow } from '../../app/treaty-queries.js';
import { useI18n, stateNames } from '../lib/i18n.js';
import { useApi } from '../lib/data.js';
import { qs } from '../lib/api.js';
import { useStates } from '../lib/reference.js';
import { hrefFor, Link, navigate } from '../lib/router.js';
import { daysBetween } from '../lib/facts.js';
import { SortableTable } from '../components/table.js';
import { Chip, DateText, PageHeader, Progress, QueryView, Section, type Tone } from '../components/ui.js';

function DepositsChart({ report, label }: { report: AccessionReport; label: string }) {
  const { t } = useI18n();
  const days = (n: number) => t('acc.days_short', { days: n });
  // A bounded deposit date says little about when an Ally ratified: use its parliament's approval then.
  const points = report.rows.filter((r) => r.required && r.ratified)
    .map((r) => daysBetween(report.signedAt, (r.depositDateIsBound && r.parliamentApproved) || r.deposited || r.parliamentApproved || report.signedAt))
    .sort((a, b) => a - b);
  const total = report.required;
  const end = Math.max(report.daysElapsed, points.at(-1) ?? 0, 1);
  const W = 900;
  const H = 170;
  const x = (d: number) => 40 + (d / end) * (W - 60);
  const y = (n: number) => H - 24 - (n / Math.max(total, 1)) * (H - 40);
  let path = `M${x(0)},${y(0)}`;
  points.forEach((d, i) => { path += ` H${x(d)} V${y(i + 1)}`; });
  path += ` H${x(end)}`;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <line x1={40} x2={W - 20} y1={y(total)} y2={y(total)} className="chart__target" />
      <text x={36} y={y(total) + 4} textAnchor="end" className="chart__tick">{total}</text>
      <text x={36} y={y(0) + 4} textAnchor="end" className="chart__tick">0</text>
      <line x1={40} x2={W - 20} y1={y(0)} y2={y(0)} className="chart__axis" />
      <path d={path} className="chart__line" />
      <text x={x(0)} y={H - 6} className="chart__tick">0</text>
      <text x={x(end)} y={H - 6} textAnchor="end" className="chart__tick">{days(end)}</text>
    </svg>
  );
}

type RowStageKey = 'acc.row_deposited' | 'acc.row_deposited_by' | 'acc.row_signed' | 'acc.row_approved' | 'acc.row_undetermined_signed'
  | 'acc.row_undetermined_approved' | 'acc.row_undetermined' | 'acc.row_awaiting_parliament' | 'acc.row_not_recorded';

/** A row's furthest stage in words: an approval or a signature dated before the query date is said even when the deposit is not dated. */
export function rowStage(row: RatificationRow): { key: RowStageKey; tone: Tone } {
  switch (row.stage) {
    case 'deposited': return row.status === 'deposited_by' ? { key: 'acc.row_deposited_by', tone: 'success' } : { key: 'acc.row_deposited', tone: 'success' };
    case 'instrument_signed': return { key: 'acc.row_signed', tone: 'info' };
    case 'parliament_approved': return { key: 'acc.row_approved', tone: 'info' };
    case 'undetermined': return row.instrumentSigned ? { key: 'acc.row_undetermined_signed', tone: 'warning' }
      : row.parliamentApproved ? { key: 'acc.row_undetermined_approved', tone: 'warning' } : { key: 'acc.row_undetermined', tone: 'warning' };
    case 'awaiting_parliament': return { key: 'acc.row_awaiting_parliament', tone: 'danger' };
    default: return { key: 'acc.row_not_recorded', tone: 'neutral' };
  }
}

function StageBar({ id, value, max, label, children }: { id: string; value: number; max: number; label: string; children?: ReactNode }) {
  return (
    <li className="stage" data-stage={id} data-value={value} data-max={max}>
      <Progress value={value} max={max} label={label} />
      {children}
    </li>
  );
}

function Tracker({ protocol, location }: { protocol: string; location: PageProps['location'] }) {
  const { t, lang, date } = useI18n();
  const states = useStates();
  const at = location.query.get('at') ?? undefined;
  const report = useApi<AccessionReport>(`/api/worlds/${encodeURIComponent(location.world)}/accessions/${encodeURIComponent(protocol)}${qs({ asOf: at })}`, location.world);
  return (
    <QueryView query={report}>
      {(r) => {
        const joined = Object.entries(r.members);
        const rowOf = new Map(r.rows.map((row) => [row.ally, row]));
        // Counted as approved from a deposit or a signature, with no parliamentary approval recorded
        // (Canada's and the United Kingdom's procedures need no vote; Türkiye ratified Montenegro's
        // protocol by a decision of its Council of Ministers).
        const implied = r.approvalNotRecorded;
        // Bounded deposits, grouped by their bound ("on or before 7 March 2024").
        const byBound = new Map<string, string[]>();
        for (const a of r.pending.undetermined) {
          const bound = rowOf.get(a)?.deposited ?? '';
          byBound.set(bound, [...(byBound.get(bound) ?? []), a]);
        }
        const pendingGroups: { id: string; label: string; allies: readonly string[] }[] = [
          { id: 'parliament', label: t('acc.pending_parliament'), allies: r.pending.parliament },
          { id: 'deposit', label: t('acc.pending_deposit'), allies: r.pending.deposit },
          ...[...byBound].map(([bound, allies]) => ({ id: 'undetermined', label: t('acc.pending_undetermined', { date: date(bound) }), allies })),
          { id: 'not-recorded', label: t('acc.pending_not_recorded'), allies: r.pending.notRecorded },
        ].filter((g) => g.allies.length > 0);
        return (
          <div className="tracker" data-testid="tracker" data-as-of={r.asOf}>
            <div className="tracker__head">
              <div>
                <h3 className="tracker__title">{r.protocol} — {stateNames(lang, states, r.invitees)}</h3>
                <p className="muted">{t('acc.signed')}{t('app.colon')}<DateText iso={r.signedAt} long />{r.enteredIntoForceAt && <> · {t('acc.in_force')}{t('app.colon')}<DateText iso={r.enteredIntoForceAt} long /></>}{joined.map(([s, d]) => <span key={s}> · {t('acc.joined_on', { state: s })} <DateText iso={d} long /></span>)}</p>
              </div>
              <div className="tracker__as-of">
                <label htmlFor="tracker-date">{t('app.as_of')}</label>
                <input id="tracker-date" type="date" value={at ?? r.asOf} min={r.signedAt.slice(0, 10)}
                  onChange={(e) => { if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) navigate(hrefFor(lang, `accessions/${r.protocol}`, location.world, { at: e.target.value }), { replace: true }); }} />
              </div>
            </div>
            <h4>{t('acc.stages', { date: date(r.asOf) })}</h4>
            <ol className="stages" data-testid="stages">
              <StageBar id="parliament" value={r.stages.parliamentApproved} max={r.required} label={t('acc.stage_parliament', { done: r.stages.parliamentApproved, total: r.required })}>
                {implied.length > 0 && <p className="note stage__note" data-testid="parliament-implied">{t('acc.stage_parliament_implied', { states: implied, count: implied.length })}</p>}
              </StageBar>
              <StageBar id="deposited" value={r.stages.deposited} max={r.required} label={t('acc.stage_deposited', { done: r.stages.deposited, total: r.required })}>
                {r.stages.undetermined > 0 && <p className="note stage__note">{t('acc.stage_deposited_bound', { count: r.stages.undetermined })}</p>}
              </StageBar>
              <li className="stage stage--force" data-stage="in-force" data-value={r.stages.inForce ? 1 : 0}>
                <Chip tone={r.stages.inForce ? 'success' : 'neutral'}>{r.enteredIntoForceAt ? t('acc.stage_in_force', { date: date(r.enteredIntoForceAt) }) : t('acc.stage_not_in_force')}</Chip>
                <p className="tracker__days" data-testid="days-elapsed">{joined.length ? t('acc.days_taken', { days: r.daysElapsed }) : t('acc.days_elapsed', { days: r.daysElapsed })}</p>
              </li>
            </ol>
            <div className="tracker__missing" data-testid="pending">
              <h4>{t('acc.pending')}</h4>
              {pendingGroups.length === 0
                ? <p className="pending-none">{t('acc.pending_none')}</p>
                : (
                  <dl className="pending-list">
                    {pendingGroups.map((g) => (
                      <div key={`${g.id}-${g.label}`} data-pending={g.id}>
                        <dt>{g.label} <span className="muted">({g.allies.length})</span></dt>
                        <dd>{stateNames(lang, states, g.allies)}</dd>
                      </div>
                    ))}
                  </dl>
                )}
            </div>
            <h4>{t('acc.timeline')}</h4>
            <DepositsChart report={r} label={`${t('acc.timeline')}${t('app.colon')}${t('acc.stage_deposited', { done: r.stages.deposited, total: r.required })}`} />
            <p className="note">{t('acc.timeline_note')}</p>
            <SortableTable
              caption={`${t('acc.tracker')} — ${r.protocol} (${date(r.asOf)})`}
              rows={r.rows}
              rowKey={(row) => row.ally}
              initialSort="ally"
              dense
              columns={[
                { key: 'ally', header: t('acc.ally'), rowHeader: true, sort: (row) => row.name.en, render: (row) => <Link href={hrefFor(lang, `allies/${row.ally}`, location.world)}>{row.name[lang]}</Link> },
                { key: 'parliament', header: t('acc.parliament'), sort: (row) => row.parliamentApproved, render: (row) => row.parliamentApproved ? <>{row.parliamentApprovalIsBound && <span className="muted">{t('acc.on_or_before')} </span>}<DateText iso={row.parliamentApproved} />{row.vote && <span className="muted"> · {t('acc.vote_detail', { for: row.vote.for, against: row.vote.against })}{row.vote.abstain ? t('acc.vote_abstain', { abstain: row.vote.abstain }) : ''}</span>}</> : '—' },
                { key: 'signed', header: t('acc.instrument_signed'), sort: (row) => row.instrumentSigned, render: (row) => row.instrumentSigned ? <>{row.instrumentSignedIsBound && <span className="muted">{t('acc.on_or_before')} </span>}<DateText iso={row.instrumentSigned} /></> : '—' },
                { key: 'deposited', header: t('acc.deposited'), sort: (row) => row.deposited, render: (row) => row.deposited ? <>{row.depositDateIsBound && <span className="muted">{t('acc.on_or_before')} </span>}<DateText iso={row.deposited} /></> : '—' },
                {
                  key: 'status', header: t('acc.status'), sort: (row) => row.stage,
                  render: (row) => { const s = rowStage(row); return <span data-stage={row.stage}><Chip tone={s.tone}>{t(s.key)}{row.required ? '' : ` (${t('acc.not_required')})`}</Chip></span>; },
                },
              ]}
            />
            {r.rows.some((row) => row.depositDateIsBound || row.parliamentApprovalIsBound || row.instrumentSignedIsBound) && <p className="note">{t('acc.bound_note')}</p>}
          </div>
        );
      }}
    </QueryView>
  );
}

export default function AccessionsPage({ location }: PageProps) {
  const { t, lang } = useI18n();
  const states = useStates();
  const rounds = useApi<EnlargementRound[]>(`/api/worlds/${encodeURIComponent(location.world)}/enlargement`, location.world);
  const selected = location.segments[1] ?? rounds.data?.at(-1)?.protocol;
  // The tab's title names the accession shown: "Accession of Sweden", "Adhésion de la Suède".
  const selectedRound = rounds.data?.find((r) => r.protocol === selected);
  const maxDays = useMemo(() => Math.max(1, ...(rounds.data ?? []).map((r) => r.daysFromSignature ?? 0)), [rounds.data]);

  return (
    <>
      <PageHeader title={t('acc.title')} lead={t('acc.lead')} {...(selectedRound ? { docTitle: t('acc.doc_title', { invitees: selectedRound.invitees }) } : {})} />
      <Section title={t('acc.tracker')} id="tracker" actions={rounds.data && rounds.data.length > 0 ? (
        <div className="inline-field">
          <label htmlFor="protocol-select">{t('acc.choose')}</label>
          <select id="protocol-select" value={selected ?? ''} onChange={(e) => navigate(hrefFor(lang, `accessions/${e.target.value}`, location.world))}>
            {rounds.data.map((r) => <option key={r.protocol} value={r.protocol}>{r.protocol} — {stateNames(lang, states, r.invitees)}</option>)}
          </select>
        </div>
      ) : undefined}>
        {selected ? <Tracker protocol={selected} location={location} /> : <QueryView query={rounds}>{() => null}</QueryView>}
      </Section>
      <Section title={t('acc.rounds')} id="rounds">
        <QueryView query={rounds}>
          {(data) => (
            <SortableTable
              caption={t('acc.rounds')}
              captionHidden
              rows={data}
              rowKey={(r) => r.protocol}
              initialSort="signed"
              columns={[
                { key: 'invitees', header: t('acc.invitees'), rowHeader: true, sort: (r) => stateNames(lang, states, r.invitees), render: (r) => <><Link href={hrefFor(lang, `accessions/${r.protocol}`, location.world)}>{stateNames(lang, states, r.invitees)}</Link> <span className="code code--small">{r.protocol}</span></> },
                { key: 'invited', header: t('acc.invited'), sort: (r) => r.invitedAt, render: (r) => <DateText iso={r.invitedAt} /> },
                { key: 'signed', header: t('acc.signed'), sort: (r) => r.signedAt, render: (r) => <DateText iso={r.signedAt} /> },
                { key: 'member', header: t('acc.member_since'), sort: (r) => r.memberSince, render: (r) => <DateText iso={r.memberSince} /> },
                { key: 'ratifiers', header: t('acc.ratifiers'), numeric: true, sort: (r) => r.ratifiers, render: (r) => r.ratifiers },
                {
                  key: 'days', header: t('acc.days_signature'), numeric: true, sort: (r) => r.daysFromSignature,
                  render: (r) => r.daysFromSignature === undefined ? '—' : (
                    <span className="duration" data-days={r.daysFromSignature}>
                      <span className="duration__track" aria-hidden="true"><span className="duration__bar" style={{ width: `${(r.daysFromSignature / maxDays) * 100}%` }} /></span>
                      <span className="duration__value">{r.daysFromSignature}</span>
                    </span>
                  ),
                },
                {
                  key: 'last', header: t('acc.last'), sort: (r) => r.lastToDeposit ?? r.lastToDepositStatus,
                  render: (r) => r.lastDepositors?.length ? <>{stateNames(lang, states, r.lastDepositors)}{r.lastToDepositAt && <><br /><DateText iso={r.lastToDepositAt} /></>}</>
                    : <span className="muted">{t(r.lastToDepositStatus === 'pending' ? 'acc.last_pending' : 'acc.last_undetermined')}</span>,
                },
              ]}
            />
          )}
        </QueryView>
      </Section>
    </>
  );
}
