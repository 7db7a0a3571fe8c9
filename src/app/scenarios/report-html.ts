/**
 * The after-action report as one self-contained HTML file: inline CSS, hand-made SVG charts (no
 * script, no network), and a table after every chart with the same numbers (WCAG: a text
 * alternative for every chart). Marked EXERCISE and with its classification at top and bottom.
 * English or French.
 */
import { createHash } from 'node:crypto';
import { formatMessage, type Lang } from '../../messages/index.js';
import { actorName } from '../../domain/states.js';
import type { AfterActionReport, TimelineRow } from '../../domain/scenario/aar.js';
import type { Distribution } from '../../domain/scenario/stats.js';
import { CLASSIFICATION_LABELS } from '../../ledger/classification.js';
import type { HeadlessResult } from './headless.js';
import type { ScenarioReport } from './report.js';

const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const L = {
  en: {
    exercise: 'EXERCISE EXERCISE EXERCISE', report: 'After-action report', forked: 'Record forked as of', start: 'Start (T+0)', end: 'End',
    reached: 'Played until', clock: 'Clock', summary: 'Summary', proposals: 'Proposals', adopted: 'Adopted', failed: 'Failed',
    breaks: 'Silence breaks', footnotes: 'Footnotes', objections: 'Objections', injects: 'Injects delivered', acts: 'Acts',
    ttc: 'Time to consensus per decision', ttcDesc: 'Hours from tabling to adoption, one bar per adopted proposal.', hours: 'hours',
    byDelegation: 'Silence breaks and footnotes by delegation', byDelegationDesc: 'Number of silence breaks and footnotes each delegation made.',
    delegation: 'Delegation', proposal: 'Proposal', title: 'Title', procedure: 'Procedure', tabled: 'Tabled', status: 'Status', revisions: 'Revisions',
    rounds: 'Silence rounds', failedWhy: 'Proposals that failed, and why', reason: 'Reason', none: 'None.',
    timeline: 'Timeline', timelineDesc: 'Every event in scenario time, one row per kind of event.', when: 'Scenario time', offset: 'T+', by: 'By', what: 'What', who: 'Played by',
    consultations: 'Article 4 consultations', requested: 'Requested', held: 'Held', requesters: 'Requesters', accessions: 'Accessions', protocol: 'Protocol',
    deposited: 'Ratifications deposited during play', inForce: 'In force', acceded: 'Acceded', participation: 'Participation', played: 'Played by',
    injectList: 'Injects', kind: 'Kind', comparison: 'What-if: side by side', measure: 'Measure', changed: 'Changed',
    runs: 'Headless runs', runsDesc: 'Distribution over runs played by bots only (simulated: nothing written or signed).',
    share: 'Share adopted', p10: 'p10', p50: 'median', p90: 'p90', mean: 'mean', min: 'min', max: 'max', count: 'runs', histogram: 'Distribution of time to consensus',
    roundsPerDecision: 'Rounds (revisions of the text) per decision', blocks: 'Blocks: silence breaks and objections by delegation and paragraph, over all runs', paragraph: 'Paragraph', times: 'Times',
    perRunShare: 'Share of proposals adopted per run', bin: 'From–to', runsPerMinute: 'runs per minute', chartOf: 'Chart', tableOf: 'Table', seq: 'Entry',
    clockStatus: { not_started: 'not started', running: 'running', paused: 'paused' } as Record<string, string>,
    categories: { inject: 'Injects', council: 'Council', consultation: 'Consultations', accession: 'Accession', control: 'Exercise control', other: 'Other' },
    sources: { bot: 'bot', player: 'player', control: 'exercise control', script: 'replayed', both: 'player and bot' },
  },
  fr: {
    exercise: 'EXERCICE EXERCICE EXERCICE', report: 'Rapport après action', forked: 'Registre repris au', start: 'Début (T+0)', end: 'Fin',
    reached: 'Joué jusqu’au', clock: 'Horloge', summary: 'Synthèse', proposals: 'Propositions', adopted: 'Adoptées', failed: 'Échouées',
    breaks: 'Ruptures de silence', footnotes: 'Notes de bas de page', objections: 'Objections', injects: 'Injects transmis', acts: 'Actes',
    ttc: 'Délai de consensus par décision', ttcDesc: 'Heures entre le dépôt et l’adoption, une barre par proposition adoptée.', hours: 'heures',
    byDelegation: 'Ruptures de silence et notes de bas de page par délégation', byDelegationDesc: 'Nombre de ruptures de silence et de notes de bas de page de chaque délégation.',
    delegation: 'Délégation', proposal: 'Proposition', title: 'Titre', procedure: 'Procédure', tabled: 'Déposée', status: 'Statut', revisions: 'Révisions',
    rounds: 'Tours de silence', failedWhy: 'Propositions échouées, et pourquoi', reason: 'Motif', none: 'Aucune.',
    timeline: 'Chronologie', timelineDesc: 'Chaque événement en temps du scénario, une ligne par type d’événement.', when: 'Temps du scénario', offset: 'T+', by: 'Par', what: 'Quoi', who: 'Joué par',
    consultations: 'Consultations au titre de l’article 4', requested: 'Demandées', held: 'Tenues', requesters: 'Demandeurs', accessions: 'Adhésions', protocol: 'Protocole',
    deposited: 'Ratifications déposées en cours de jeu', inForce: 'En vigueur', acceded: 'Adhésion', participation: 'Participation', played: 'Joué par',
    injectList: 'Injects', kind: 'Type', comparison: 'Variante\u00a0: côte à côte', measure: 'Mesure', changed: 'Changé',
    runs: 'Exécutions automatiques', runsDesc: 'Distribution sur des exécutions jouées par des robots seuls (simulées\u00a0: rien n’est écrit ni signé).',
    share: 'Part adoptée', p10: 'p10', p50: 'médiane', p90: 'p90', mean: 'moyenne', min: 'min', max: 'max', count: 'exécutions', histogram: 'Distribution du délai de consensus',
    roundsPerDecision: 'Tours (révisions du texte) par décision', blocks: 'Blocages\u00a0: ruptures de silence et objections par délégation et paragraphe, sur toutes les exécutions', paragraph: 'Paragraphe', times: 'Fois',
    perRunShare: 'Part des propositions adoptées par exécution', bin: 'De–à', runsPerMinute: 'exécutions par minute', chartOf: 'Graphique', tableOf: 'Tableau', seq: 'Entrée',
    clockStatus: { not_started: 'non lancée', running: 'en marche', paused: 'en pause' } as Record<string, string>,
    categories: { inject: 'Injects', council: 'Conseil', consultation: 'Consultations', accession: 'Adhésion', control: 'Direction de l’exercice', other: 'Autre' },
    sources: { bot: 'robot', player: 'joueur', control: 'direction de l’exercice', script: 'rejoué', both: 'joueur et robot' },
  },
} as const;

type Labels = (typeof L)[Lang];

const COLOURS = ['#1f4e79', '#c55a11', '#548235', '#7f6000', '#7030a0', '#595959'];
const num = (n: number | undefined, lang: Lang): string => (n === undefined ? '—' : n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }));
const party = (code: string, lang: Lang): string => {
  const name = actorName(code, lang);
  return name === code ? code : `${name} (${code})`;
};

let chartId = 0;

/** Horizontal bars, one group per row, one bar per series; with a title and description for screen readers. */
function barChart(title: string, desc: string, rows: readonly { label: string; values: readonly number[] }[], series: readonly string[]): string {
  const id = `c${++chartId}`;
  const barH = 14;
  const gap = 8;
  const labelW = 230;
  const plotW = 420;
  const groupH = series.length * barH + gap;
  const height = Math.max(40, rows.length * groupH + 30 + (series.length > 1 ? 20 : 0));
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const parts: string[] = [];
  rows.forEach((row, i) => {
    const y0 = 10 + i * groupH;
    parts.push(`<text x="${labelW - 6}" y="${y0 + (series.length * barH) / 2 + 4}" text-anchor="end">${esc(row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label)}</text>`);
    row.values.forEach((v, j) => {
      const w = (v / max) * plotW;
      parts.push(`<rect x="${labelW}" y="${y0 + j * barH}" width="${w.toFixed(1)}" height="${barH - 2}" fill="${COLOURS[j % COLOURS.length]}"><title>${esc(`${row.label} — ${series[j]}: ${v}`)}</title></rect>`);
      parts.push(`<text x="${labelW + w + 4}" y="${y0 + j * barH + barH - 4}" class="v">${esc(v)}</text>`);
    });
  });
  const axisY = 10 + rows.length * groupH;
  parts.push(`<line x1="${labelW}" y1="6" x2="${labelW}" y2="${axisY}" stroke="#333"/>`);
  if (series.length > 1) {
    series.forEach((s, j) => {
      parts.push(`<rect x="${labelW + j * 140}" y="${axisY + 8}" width="10" height="10" fill="${COLOURS[j % COLOURS.length]}"/><text x="${labelW + j * 140 + 14}" y="${axisY + 17}">${esc(s)}</text>`);
    });
  }
  return `<svg role="img" aria-labelledby="${id}t ${id}d" viewBox="0 0 ${labelW + plotW + 60} ${height}" width="100%" class="chart"><title id="${id}t">${esc(title)}</title><desc id="${id}d">${esc(desc)}</desc>${parts.join('')}</svg>`;
}

function timelineChart(rows: readonly TimelineRow[], start: number, end: number, t: Labels): string {
  const id = `c${++chartId}`;
  const cats = ['inject', 'council', 'consultation', 'accession', 'control'] as const;
  const labelW = 170;
  const plotW = 500;
  const rowH = 26;
  const span = Math.max(1, end - start);
  const x = (at: string) => labelW + Math.min(1, Math.max(0, (Date.parse(at) - start) / span)) * plotW;
  const parts: string[] = [];
  cats.forEach((cat, i) => {
    const y = 20 + i * rowH;
    parts.push(`<text x="${labelW - 8}" y="${y + 4}" text-anchor="end">${esc(t.categories[cat])}</text><line x1="${labelW}" y1="${y}" x2="${labelW + plotW}" y2="${y}" stroke="#ccc"/>`);
    for (const r of rows.filter((row) => row.category === cat)) {
      parts.push(`<circle cx="${x(r.at).toFixed(1)}" cy="${y}" r="4" fill="${COLOURS[i % COLOURS.length]}" fill-opacity="0.75"><title>${esc(`${r.offset} ${r.type} ${r.by}`)}</title></circle>`);
    }
  });
  const axisY = 20 + cats.length * rowH;
  const hours = span / 3_600_000;
  const step = hours <= 24 ? 6 : hours <= 96 ? 12 : hours <= 24 * 20 ? 48 : 24 * 10;
  for (let h = 0; h <= hours + 1e-9; h += step) {
    const px = labelW + (h / hours) * plotW;
    parts.push(`<line x1="${px}" y1="${axisY - 6}" x2="${px}" y2="${axisY}" stroke="#333"/><text x="${px}" y="${axisY + 14}" text-anchor="middle">T+${h >= 48 && h % 24 === 0 ? `${h / 24}d` : `${h}h`}</text>`);
  }
  parts.push(`<line x1="${labelW}" y1="${axisY - 6}" x2="${labelW + plotW}" y2="${axisY - 6}" stroke="#333"/>`);
  return `<svg role="img" aria-labelledby="${id}t ${id}d" viewBox="0 0 ${labelW + plotW + 40} ${axisY + 26}" width="100%" class="chart"><title id="${id}t">${esc(t.timeline)}</title><desc id="${id}d">${esc(t.timelineDesc)}</desc>${parts.join('')}</svg>`;
}

function table(headers: readonly string[], rows: readonly (readonly unknown[])[], caption: string, numeric: readonly number[] = []): string {
  const head = headers.map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<table><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const figure = (chart: string, caption: string, tableHtml: string, t: Labels): string =>
  `<figure><figcaption>${esc(caption)}</figcaption>${chart}<details open><summary>${esc(t.tableOf)}: ${esc(caption)}</summary>${tableHtml}</details></figure>`;

function distributionRow(d: Distribution, lang: Lang): string[] {
  return [num(d.count, lang), num(d.min, lang), num(d.p10, lang), num(d.p50, lang), num(d.p90, lang), num(d.max, lang), num(d.mean, lang)];
}

/** The report's one stylesheet, inline so that the file stands alone; allowed by its hash. */
export const REPORT_STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;margin:0;background:#fff}
main{max-width:980px;margin:0 auto;padding:1rem 1.25rem}
.banner{background:#7a0000;color:#fff;text-align:center;padding:.35rem;letter-spacing:.06em}
h1{font-size:1.6rem;margin:.6rem 0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #1f4e79}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #bbb;padding:.25rem .45rem;text-align:left;vertical-align:top}th{background:#eef2f7}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1rem 0}figcaption{font-weight:600}svg.chart{max-width:100%;height:auto;font-size:11px}svg.chart text.v{fill:#333}
dl.totals{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:.5rem}dl.totals div{border:1px solid #ccc;padding:.4rem}dt{font-size:.8rem;color:#444}dd{margin:0;font-size:1.3rem;font-weight:600}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1rem}details summary{cursor:pointer;color:#1f4e79}
@media print{details{display:block}}
`;

/**
 * The standalone report's policy (a meta element, as a file has no headers): nothing loads,
 * nothing runs, only its own stylesheet applies. A server sending the report adds
 * frame-ancestors, which a meta element cannot carry.
 */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(REPORT_STYLE, 'utf8').digest('base64')}'; img-src data:; base-uri 'none'; form-action 'none'`;

function page(lang: Lang, title: string, classification: string, body: string): string {
  const t = L[lang];
  const label = CLASSIFICATION_LABELS[classification as keyof typeof CLASSIFICATION_LABELS]?.[lang] ?? classification;
  const banner = `<div class="banner" role="note"><strong>${esc(t.exercise)}</strong> — ${esc(label)}</div>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<title>${esc(t.exercise)} — ${esc(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
${banner}
<main>
${body}
</main>
${banner}
</body>
</html>
`;
}

function aarSections(aar: AfterActionReport, lang: Lang): string {
  const t = L[lang];
  const out: string[] = [];
  const tt = aar.totals;
  out.push(`<h2>${esc(t.summary)}</h2><dl class="totals">${[
    [t.proposals, tt.proposals], [t.adopted, tt.adopted], [t.failed, tt.failed], [t.breaks, tt.silenceBreaks],
    [t.footnotes, tt.footnotes], [t.objections, tt.objections], [t.injects, tt.injects], [t.acts, tt.acts],
  ].map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>`);

  const adopted = aar.decisions.filter((d) => d.hoursToConsensus !== undefined);
  out.push(`<h2>${esc(t.ttc)}</h2>`);
  out.push(adopted.length === 0 ? `<p>${esc(t.none)}</p>` : figure(
    barChart(t.ttc, t.ttcDesc, adopted.map((d) => ({ label: d.title[lang] ?? d.title.en, values: [d.hoursToConsensus!] })), [t.hours]),
    t.ttc,
    table([t.proposal, t.title, t.procedure, t.tabled, t.adopted, t.hours, t.revisions, t.rounds],
      adopted.map((d) => [d.proposal, d.title[lang] ?? d.title.en, d.adoptedUnder ?? d.procedure, d.tabledAt, d.adoptedAt, num(d.hoursToConsensus, lang), d.revisions, d.silenceRounds]), t.ttc, [5, 6, 7]),
    t,
  ));

  const parties = [...new Set([...aar.silenceBreaks.map((r) => r.party), ...aar.footnotes.map((r) => r.party)])].sort();
  out.push(`<h2>${esc(t.byDelegation)}</h2>`);
  out.push(parties.length === 0 ? `<p>${esc(t.none)}</p>` : figure(
    barChart(t.byDelegation, t.byDelegationDesc, parties.map((p) => ({
      label: party(p, lang),
      values: [aar.silenceBreaks.find((r) => r.party === p)?.count ?? 0, aar.footnotes.find((r) => r.party === p)?.count ?? 0],
    })), [t.breaks, t.footnotes]),
    t.byDelegation,
    table([t.delegation, t.breaks, t.footnotes, t.proposals], parties.map((p) => [
      party(p, lang), aar.silenceBreaks.find((r) => r.party === p)?.count ?? 0, aar.footnotes.find((r) => r.party === p)?.count ?? 0,
      [...new Set([...(aar.silenceBreaks.find((r) => r.party === p)?.proposals ?? []), ...(aar.footnotes.find((r) => r.party === p)?.proposals ?? [])])].join(', '),
    ]), t.byDelegation, [1, 2]),
    t,
  ));

  out.push(`<h2>${esc(t.failedWhy)}</h2>`);
  out.push(aar.failed.length === 0 ? `<p>${esc(t.none)}</p>` : table([t.proposal, t.title, t.status, t.reason],
    aar.failed.map((f) => [f.proposal, f.title[lang] ?? f.title.en, f.status, formatMessage(f.reason.code, f.reason.params, lang)]), t.failedWhy));

  out.push(`<h2>${esc(t.proposals)}</h2>`);
  out.push(table([t.proposal, t.title, t.procedure, t.tabled, t.status, t.breaks, t.footnotes, t.objections],
    aar.decisions.map((d) => [d.proposal, d.title[lang] ?? d.title.en, d.procedure, d.tabledAt, d.status,
      d.breaks.map((b) => `${b.ally} (${b.round})`).join(', '), d.footnotes.map((f) => `${f.ally}: ${f.text}`).join(' · '), d.objectors.join(', ')]), t.proposals));

  if (aar.consultations.length) {
    out.push(`<h2>${esc(t.consultations)}</h2>`);
    out.push(table(['id', t.requesters, t.requested, t.held, t.hours, t.reason],
      aar.consultations.map((c) => [c.consultation, c.requesters.join(', '), c.requestedAt, c.heldAt ?? '—', num(c.hoursToConsultations, lang), c.reason]), t.consultations, [4]));
  }
  if (aar.accessions.length) {
    out.push(`<h2>${esc(t.accessions)}</h2>`);
    out.push(table([t.protocol, t.deposited, t.inForce, t.hours, t.acceded],
      aar.accessions.map((a) => [a.protocol, a.deposited.length, a.enteredIntoForceAt ?? '—', num(a.hoursToEntryIntoForce, lang), a.acceded.map((x) => `${x.state} ${x.at}`).join(', ')]), t.accessions, [1, 3]));
  }

  const start = Date.parse(aar.scenario.start);
  const end = Math.max(Date.parse(aar.scenario.end), Date.parse(aar.reachedAt));
  out.push(`<h2>${esc(t.timeline)}</h2>`);
  out.push(figure(timelineChart(aar.timeline, start, end, t), t.timeline,
    table([t.seq, t.offset, t.when, t.by, t.what, t.who], aar.timeline.map((r) => [
      r.seq ?? '', r.offset, r.at, r.by, formatMessage(r.summary.code, r.summary.params, lang), r.source ? t.sources[r.source] : '',
    ]), t.timeline, [0]), t));

  out.push(`<h2>${esc(t.participation)}</h2>`);
  out.push(table([t.delegation, t.acts, t.played], aar.participation.map((p) => [party(p.party, lang), p.acts, t.sources[p.played]]), t.participation, [1]));
  if (aar.responseTimes.length) {
    const h = lang === 'fr'
      ? ['Temps de réponse par siège (premier acte sur chaque texte soumis)', 'Siège', 'Réponses', 'Sans réponse', 'Médiane (h)', 'Max (h)']
      : ['Response times per seat (first act on each text put to the Council)', 'Seat', 'Answers', 'Unanswered', 'Median (h)', 'Max (h)'];
    out.push(`<h2>${esc(h[0])}</h2>`);
    out.push(table(h.slice(1), aar.responseTimes.map((r) => [party(r.party, lang), r.answers, r.unanswered, r.medianHours ?? '—', r.maxHours ?? '—']), h[0]!, [1, 2, 3, 4]));
  }
  return out.join('\n');
}

export function renderReportHtml(report: ScenarioReport, lang: Lang): string {
  const t = L[lang];
  const s = report.status;
  const title = s.title[lang] ?? s.title.en;
  const parts: string[] = [];
  parts.push(`<h1>${esc(t.report)}: ${esc(title)}</h1>`);
  parts.push(`<p>${esc(t.forked)} ${esc(s.asOf)} · ${esc(t.start)} ${esc(s.start)} · ${esc(t.end)} ${esc(s.end)} · ${esc(t.reached)} ${esc(report.playedUntil)} · ${esc(t.clock)} ${esc(t.clockStatus[s.clock.status] ?? s.clock.status)} ×${esc(s.clock.speed)}</p>`);
  // The comparison comes first: it is why a branch's report is read.
  const c = report.comparison;
  const names: Record<string, string> = {
    proposals: t.proposals, adopted: t.adopted, failed: t.failed, silenceBreaks: t.breaks, footnotes: t.footnotes,
    objections: t.objections, injects: t.injects, acts: t.acts,
  };
  const measure = (m: string): string => names[m] ?? m;
  if (c) {
    parts.push(`<h2>${esc(t.comparison)}: ${esc(c.left)} / ${esc(c.right)}</h2>`);
    if (c.branch) parts.push(`<p class="changed">${esc(formatMessage('cli.scenario.branch_changed', { parent: c.left, atSeq: c.branch.atSeq, change: changeWords(c.branch.change, lang) }, lang))}</p>`);
    parts.push(figure(
      barChart(t.comparison, `${c.left} / ${c.right}`, c.totals.map((m) => ({ label: measure(m.measure), values: [m.left, m.right] })), [c.left, c.right]),
      t.comparison,
      table([t.measure, c.left, c.right], c.totals.map((m) => [measure(m.measure), m.left, m.right]), t.comparison, [1, 2]),
      t,
    ));
    parts.push(`<div class="cols">${table([t.proposal, `${c.left}`, `${c.right}`, t.changed], c.proposals.map((p) => [
      `${p.proposal} — ${p.title}`,
      p.left ? `${p.left.status}${p.left.hours !== undefined ? ` (${num(p.left.hours, lang)} h)` : ''}` : '—',
      p.right ? `${p.right.status}${p.right.hours !== undefined ? ` (${num(p.right.hours, lang)} h)` : ''}` : '—',
      p.changed ? '✱' : '',
    ]), t.proposals)}${table([t.delegation, `${t.breaks} ${c.left}`, `${t.breaks} ${c.right}`], c.silenceBreaks.map((b) => [party(b.party, lang), b.left, b.right]), t.breaks, [1, 2])}</div>`);
  }
  if (report.objectives?.length) {
    // Every objective scored: what the system measured, and each evaluator's rating and observation.
    const fr = lang === 'fr';
    const heading = fr ? 'Objectifs de l’exercice' : 'Exercise objectives';
    parts.push(`<h2>${esc(heading)}</h2>`);
    parts.push(table(
      [fr ? 'Objectif' : 'Objective', fr ? 'Mesuré' : 'Measured', fr ? 'Évaluations' : 'Scores'],
      report.objectives.map((o) => [
        `${o.id} — ${o.title[lang] ?? o.title.en}`,
        `${formatMessage(`objective.status_${o.measured.status}`, {}, lang)}: ${formatMessage(o.measured.code, o.measured.params, lang)}`,
        o.scores.map((x) => `${formatMessage(`objective.rating_${x.rating}`, {}, lang)} — ${x.evaluator}, ${x.offset}: ${x.observation}`).join(' · ') || '—',
      ]),
      heading,
    ));
  }
  parts.push(aarSections(report.aar, lang));
  return page(lang, title, report.classification, parts.join('\n'));
}

/** What a what-if branch changed, in words. */
export function changeWords(change: { readonly seat?: string; readonly inject?: string; readonly drop?: boolean }, lang: Lang): string {
  if (change.seat) return formatMessage('cli.scenario.change_seat', { seat: change.seat }, lang);
  if (change.inject) return formatMessage(change.drop ? 'cli.scenario.change_inject_dropped' : 'cli.scenario.change_inject', { inject: change.inject }, lang);
  return formatMessage('cli.scenario.change_none', {}, lang);
}

/** The distributions of a headless batch, as HTML. */
export function renderRunsHtml(result: HeadlessResult, lang: Lang): string {
  const t = L[lang];
  const title = result.scenario.title[lang] ?? result.scenario.title.en;
  const parts: string[] = [`<h1>${esc(t.runs)}: ${esc(title)}</h1>`, `<p>${esc(t.runsDesc)} ${esc(result.runs)} ${esc(t.count)} · ${esc(num(result.runsPerMinute, lang))} ${esc(t.runsPerMinute)} · seed ${esc(result.seed)}</p>`];
  const s = result.summary;
  const headers = [t.proposal, t.share, t.count, t.min, t.p10, t.p50, t.p90, t.max, t.mean];
  parts.push(`<h2>${esc(t.ttc)}</h2>`);
  parts.push(figure(
    barChart(t.share, t.share, s.proposals.map((p) => ({ label: p.title, values: [Math.round(p.adoptedShare * 100)] })), ['%']),
    t.share,
    table(headers, s.proposals.map((p) => [`${p.proposal} — ${p.title}`, `${Math.round(p.adoptedShare * 100)} %`, ...distributionRow(p.hoursToConsensus, lang)]), t.ttc, [1, 2, 3, 4, 5, 6, 7, 8]),
    t,
  ));
  for (const p of s.proposals) {
    if (p.hoursToConsensus.histogram.length === 0) continue;
    parts.push(figure(
      barChart(`${t.histogram}: ${p.title}`, t.histogram, p.hoursToConsensus.histogram.map((h) => ({ label: `${num(h.from, lang)}–${num(h.to, lang)} h`, values: [h.count] })), [t.count]),
      `${t.histogram}: ${p.proposal} — ${p.title}`,
      table([t.bin, t.count], p.hoursToConsensus.histogram.map((h) => [`${num(h.from, lang)}–${num(h.to, lang)} h`, h.count]), t.histogram, [1]),
      t,
    ));
  }
  parts.push(`<h2>${esc(t.roundsPerDecision)}</h2>`);
  parts.push(table(headers.slice(0, 1).concat(headers.slice(2)), s.proposals.map((p) => [`${p.proposal} — ${p.title}`, ...distributionRow(p.rounds, lang)]), t.roundsPerDecision, [1, 2, 3, 4, 5, 6, 7]));
  const blocks = s.proposals.flatMap((p) => p.blocks.map((b) => [p.proposal, b.ally, b.paragraph ?? '—', b.count]));
  if (blocks.length) {
    parts.push(`<h2>${esc(t.blocks)}</h2>`);
    parts.push(table([t.proposal, t.delegation, t.paragraph, t.times], blocks, t.blocks, [2, 3]));
  }
  parts.push(figure(
    barChart(t.perRunShare, t.perRunShare, s.adoptedShare.histogram.map((h) => ({ label: `${num(h.from, lang)}–${num(h.to, lang)}`, values: [h.count] })), [t.count]),
    t.perRunShare,
    table([t.bin, t.count], s.adoptedShare.histogram.map((h) => [`${num(h.from, lang)}–${num(h.to, lang)}`, h.count]), t.perRunShare, [1]),
    t,
  ));
  if (s.accessions.length) {
    parts.push(`<h2>${esc(t.accessions)}</h2>`);
    parts.push(table([t.protocol, t.inForce, t.count, t.min, t.p10, t.p50, t.p90, t.max, t.mean],
      s.accessions.map((a) => [a.protocol, `${Math.round(a.inForceShare * 100)} %`, ...distributionRow(a.hoursToEntryIntoForce, lang)]), t.accessions, [1, 2, 3, 4, 5, 6, 7, 8]));
  }
  return page(lang, title, 'NATO UNCLASSIFIED', parts.join('\n'));
}
