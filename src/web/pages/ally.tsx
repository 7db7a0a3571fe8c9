/**
 * One Ally: its history (membership, integrated military structure, EU), its ratifications of
 * accession protocols, its Article 4 requests, its operations and its DCB contributions.
 */
import { useMemo } from 'react';
import type { PageProps } from '../app.js';
import { useI18n, money, stateNames } from '../lib/i18n.js';
import { useRecordText } from '../lib/record-text.js';
import { useApi } from '../lib/data.js';
import { useStates } from '../lib/reference.js';
import { hrefFor, Link } from '../lib/router.js';
import { latestByKey, type Fact } from '../lib/facts.js';
import { useMarkings } from '../lib/markings.js';
import { ApiError } from '../lib/api.js';
import { SortableTable } from '../components/table.js';
import { Chip, DateText, Empty, ErrorBox, Loading, PageHeader, Section } from '../components/ui.js';
import { NotFound } from './not-found.js';

interface Profile {
  code: string;
  name: { en: string; fr: string };
  memberships: { since: string; until?: string; via: string; protocol?: string }[];
  outOfIntegratedStructure: { from: string; until?: string }[];
  invitedBy: string[];
  ratifications: { protocol: string; stage: string; at: string; required: boolean; vote?: { for: number; against: number; abstain?: number }; dateIs?: string }[];
  consultationsRequested: { at: string; consultation: string; requesters: string[]; reason: string; status: string; heldAt?: string }[];
  secretariesGeneral: { name: string; ordinal: number; tookOffice: string }[];
}

type Contribution = Fact<{ operation: string; contributor: string; role: string; from: string; fromIs?: 'on_or_before'; until?: string; untilIs?: 'on_or_before' }>;
type Operation = Fact<{ operation: string; name: { en: string; fr?: string }; kind: string; status: string; launchedAt?: string; endedAt?: string }>;
type Money = Fact<{ contribution?: string; pledge?: string; ally: string; amount: number; currency: string; package?: string }>;
type EuMembership = Fact<{ state: string; from: string; until?: string }>;

interface RatRow { protocol: string; parliament?: Profile['ratifications'][number]; signed?: Profile['ratifications'][number]; deposited?: Profile['ratifications'][number] }

export default function AllyPage({ location }: PageProps) {
  const { t, lang, date } = useI18n();
  const r = useRecordText();
  const states = useStates();
  const code = (location.segments[1] ?? '').toUpperCase();
  const w = encodeURIComponent(location.world);
  // An address naming no state is a page that does not exist: known before asking the server.
  const known = states ? [...states.values()].some((s) => s.iso3 === code || s.iso2 === code || s.digram === code) : undefined;
  const profile = useApi<Profile>(known ? `/api/worlds/${w}/allies/${encodeURIComponent(code)}` : null, location.world);
  const contributions = useApi<Contribution[]>(`/api/worlds/${w}/facts/operation-contribution`, location.world);
  const operations = useApi<Operation[]>(`/api/worlds/${w}/facts/operation`, location.world);
  const received = useApi<Money[]>(`/api/worlds/${w}/facts/fund-contribution`, location.world);
  const pledged = useApi<Money[]>(`/api/worlds/${w}/facts/fund-pledge`, location.world);
  const eu = useApi<EuMembership[]>(`/api/worlds/${w}/facts/eu-membership`, location.world);
  const applications = useApi<Fact<{ state: string }>[]>(`/api/worlds/${w}/facts/application`, location.world);
  const invitations = useApi<Fact<{ state: string; occasion?: string }>[]>(`/api/worlds/${w}/facts/invitation`, location.world);
  const iso3 = profile.data?.code ?? code;
  useMarkings(contributions.data?.filter((c) => c.data.contributor === iso3));
  useMarkings(received.data?.filter((c) => c.data.ally === iso3));
  useMarkings(pledged.data?.filter((c) => c.data.ally === iso3));

  const ratRows = useMemo(() => {
    const map = new Map<string, RatRow>();
    for (const r of profile.data?.ratifications ?? []) {
      const row = map.get(r.protocol) ?? { protocol: r.protocol };
      if (r.stage === 'parliament_approved') row.parliament = r;
      if (r.stage === 'instrument_signed') row.signed = r;
      if (r.stage === 'instrument_deposited') row.deposited = r;
      map.set(r.protocol, row);
    }
    return [...map.values()];
  }, [profile.data]);

  const opNames = useMemo(() => new Map(latestByKey(operations.data ?? []).map((o) => [o.data.operation, o])), [operations.data]);
  const myOps = (contributions.data ?? []).filter((c) => c.data.contributor === iso3);
  const myMoney = [
    ...(received.data ?? []).filter((c) => c.data.ally === iso3).map((m) => ({ ...m, kind: 'received' as const })),
    ...(pledged.data ?? []).filter((c) => c.data.ally === iso3).map((m) => ({ ...m, kind: 'pledged' as const })),
  ];
  const myEu = (eu.data ?? []).filter((e) => e.data.state === iso3);

  if (known === false) return <NotFound location={location} lead={t('app.not_found_state', { code })} />;
  if (profile.error) {
    if (profile.error instanceof ApiError && (profile.error.status === 404 || profile.error.status === 400)) {
      return <NotFound location={location} lead={t('app.not_found_state', { code })} />;
    }
    return <ErrorBox error={profile.error} retry={profile.reload} />;
  }
  if (!profile.data) return <Loading />;
  const p = profile.data;
  const current = p.memberships.find((m) => !m.until);
  const history = [
    ...(applications.data ?? []).filter((a) => a.data.state === p.code).map((a) => ({ date: a.validFrom, text: t('ally.applied') })),
    ...(invitations.data ?? []).filter((a) => a.data.state === p.code).map((a) => ({ date: a.validFrom, text: a.data.occasion ? t('ally.invited_at', { occasion: r(a.data.occasion) }) : t('ally.invited') })),
    ...p.memberships.map((m) => ({ date: m.since, text: m.via === 'founding' ? t('ally.via_founding') : t('ally.via_protocol', { protocol: m.protocol ?? '' }) })),
    ...p.memberships.filter((m) => m.until).map((m) => ({ date: m.until!, text: t('ally.ceased') })),
    ...p.outOfIntegratedStructure.map((o) => ({ date: o.from, text: t('ally.out_of_structure', { from: date(o.from), until: o.until ? date(o.until) : t('app.ongoing') }) })),
    ...myEu.map((e) => ({ date: e.data.from, text: t('ally.eu_joined') })),
    ...myEu.filter((e) => e.data.until).map((e) => ({ date: e.data.until!, text: t('ally.eu_left') })),
    ...p.secretariesGeneral.map((s) => ({ date: s.tookOffice, text: t('ally.sg_took_office', { name: r(s.name) }) })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  return (
    <>
      <p className="breadcrumb"><Link href={hrefFor(lang, 'allies', location.world)}>← {t('ally.back')}</Link></p>
      <PageHeader title={p.name[lang]}>
        <p className="chips-line">
          <span className="code">{p.code}</span>
          {current ? <Chip tone="info">{t('ally.member_since', { date: date(current.since) })}</Chip> : <Chip>{t('ally.not_member')}</Chip>}
          {myEu.some((e) => !e.validTo) && <Chip tone="accent">{t('ally.eu_since', { date: date(myEu.find((e) => !e.validTo)?.data.from) })}</Chip>}
        </p>
      </PageHeader>

      <Section title={t('ally.history')} id="history">
        <ol className="events">
          {history.map((h, i) => <li key={i}><DateText iso={h.date} long />{' — '}{h.text}</li>)}
        </ol>
        {history.length === 0 && <Empty>{t('app.empty')}</Empty>}
      </Section>

      <Section title={t('ally.ratifications')} id="ratifications">
        {ratRows.length === 0 ? <Empty>{t('app.empty')}</Empty> : (
          <SortableTable caption={t('ally.ratifications')} captionHidden rows={ratRows} rowKey={(r) => r.protocol} initialSort="deposited"
            columns={[
              { key: 'protocol', header: t('ally.protocol'), rowHeader: true, sort: (r) => r.protocol, render: (r) => <Link href={hrefFor(lang, `accessions/${r.protocol}`, location.world)}>{r.protocol}</Link> },
              { key: 'parliament', header: t('acc.parliament'), sort: (r) => r.parliament?.at, render: (r) => r.parliament ? <>{r.parliament.dateIs === 'on_or_before' && <span className="muted">{t('acc.on_or_before')} </span>}<DateText iso={r.parliament.at} />{r.parliament.vote && <span className="muted"> ({t('acc.vote_detail', { for: r.parliament.vote.for, against: r.parliament.vote.against })})</span>}</> : '—' },
              { key: 'signed', header: t('acc.instrument_signed'), sort: (r) => r.signed?.at, render: (r) => <DateText iso={r.signed?.at} /> },
              { key: 'deposited', header: t('acc.deposited'), sort: (r) => r.deposited?.at, render: (r) => r.deposited ? <>{r.deposited.dateIs === 'on_or_before' && <span className="muted">{t('acc.on_or_before')} </span>}<DateText iso={r.deposited.at} /></> : '—' },
            ]} />
        )}
      </Section>

      <Section title={t('ally.consultations')} id="consultations">
        {p.consultationsRequested.length === 0 ? <Empty>{t('app.empty')}</Empty> : (
          <ul className="plain-list">
            {p.consultationsRequested.map((c) => (
              <li key={c.consultation}><DateText iso={c.at} /> — {r(c.reason)} <span className="muted">({stateNames(lang, states, c.requesters)})</span></li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('ally.operations')} id="operations">
        {myOps.length === 0 ? <Empty>{t('app.empty')}</Empty> : (
          <ul className="plain-list">
            {myOps.map((c) => {
              const op = opNames.get(c.data.operation);
              return <li key={c.key}><Link href={hrefFor(lang, 'operations', location.world, { op: c.data.operation })}>{op ? (op.data.name[lang] ?? op.data.name.en) : c.data.operation}</Link> — {c.data.fromIs === 'on_or_before' && <span className="muted">{t('acc.on_or_before')} </span>}<DateText iso={c.data.from} /> → {c.data.until ? <>{c.data.untilIs === 'on_or_before' && <span className="muted">{t('acc.on_or_before')} </span>}<DateText iso={c.data.until} /></> : t('app.ongoing')}</li>;
            })}
          </ul>
        )}
      </Section>

      <Section title={t('ally.dcb')} id="dcb">
        {myMoney.length === 0 ? <Empty>{t('app.empty')}</Empty> : (
          <SortableTable caption={t('ally.dcb')} captionHidden rows={myMoney} rowKey={(m) => `${m.kind}-${m.key}`} initialSort="date"
            columns={[
              { key: 'date', header: t('ally.date'), sort: (m) => m.validFrom, render: (m) => <DateText iso={m.validFrom} /> },
              { key: 'kind', header: t('fund.kind'), sort: (m) => m.kind, render: (m) => m.kind === 'received' ? <Chip tone="success">{t('fund.received')}</Chip> : <Chip>{t('fund.pledged')}</Chip> },
              { key: 'amount', header: t('fund.amount'), numeric: true, sort: (m) => m.data.amount, render: (m) => money(lang, m.data.amount, m.data.currency) },
              { key: 'package', header: t('fund.packages'), render: (m) => m.data.package ?? '—' },
            ]} />
        )}
      </Section>
    </>
  );
}
