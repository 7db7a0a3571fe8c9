/**
 * The ledger: the latest signed checkpoint, the entry history, and an inclusion proof verified
 * here, in the browser, with WebCrypto — the page says exactly what it checked.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PageProps } from '../app.js';
import type { Entry } from '../../ledger/entry.js';
import { CLASSIFICATION_LABELS, type Classification } from '../../ledger/classification.js';
import { useI18n, dtg, actorName } from '../lib/i18n.js';
import { useStates } from '../lib/reference.js';
import { useApi } from '../lib/data.js';
import { api, qs } from '../lib/api.js';
import { useMarkings } from '../lib/markings.js';
import { hrefFor, Link } from '../lib/router.js';
import { leafHashOf, verifyInclusionProof, type InclusionProofResponse, type Verification, type WitnessPolicy } from '../lib/verify.js';
import { entryWords } from '../lib/entry-words.js';
import { SortableTable } from '../components/table.js';
import { Chip, DateText, ErrorBox, Loading, PageHeader, QueryView, Section } from '../components/ui.js';

interface CheckpointResponse { origin: string; size: number; rootHash: string; rootHex: string; note: string; verifierKey: string; createdAt?: string }

const PAGE = 20;

type VerifyState = Verification | 'running' | Error;

/** What was checked, one line per check, each marked passed or failed. */
function Checks({ v }: { v: Verification }) {
  const { t } = useI18n();
  return (
    <ul className="verify__checks">
      <li className={v.leafMatchesServer ? 'ok' : 'fail'}>{t('ledger.check_leaf', { hash: `${v.leafHash.slice(0, 16)}…` })}</li>
      <li className={v.pathOk ? 'ok' : 'fail'}>{v.pathOk ? t('ledger.check_path', { count: v.proofLength, size: v.treeSize }) : t('ledger.check_failed', { what: t('ledger.check_path', { count: v.proofLength, size: v.treeSize }) })}</li>
      <li className={v.signature === true ? 'ok' : v.signature === undefined ? 'warn' : 'fail'}>
        {v.signature === undefined ? t('ledger.check_sig_unsupported') : v.signature ? t('ledger.check_sig', { key: v.keyName }) : t('ledger.check_failed', { what: v.error ?? 'signature' })}
      </li>
      {v.witnesses && (
        <li className={v.witnesses.ok ? 'ok' : 'fail'} data-testid="witness-check" data-cosigned={v.witnesses.cosigned.length}>
          {(() => {
            const line = t('ledger.check_witnesses', { count: v.witnesses.cosigned.length, asked: v.witnesses.asked, required: v.witnesses.required, names: v.witnesses.cosigned.join(', ') || '—' });
            return v.witnesses.ok ? line : t('ledger.check_failed', { what: v.witnesses.error ? `${line} — ${v.witnesses.error}` : line });
          })()}
        </li>
      )}
    </ul>
  );
}

/** The newest entry, verified as the page opens: the page proves itself. */
function VerificationPanel({ seq, state }: { seq: number; state: VerifyState }) {
  const { t } = useI18n();
  if (state === 'running') return <div className="verify verify--running" role="status" data-testid="verification" data-state="running">{t('ledger.verifying', { seq })}</div>;
  if (state instanceof Error) return <ErrorBox error={state} />;
  const v = state;
  return (
    <div className={`verify ${v.ok ? 'verify--ok' : 'verify--fail'}`} role="status" data-testid="verification" data-state={v.ok ? 'verified' : 'failed'} data-signature={v.signature === undefined ? 'unsupported' : String(v.signature)}>
      <h3 className="verify__title"><span aria-hidden="true">{v.ok ? '✓' : '✕'}</span> {v.ok ? t('ledger.verified_title', { seq }) : t('ledger.failed_title', { seq })}</h3>
      <Checks v={v} />
      <p className="muted">{t('ledger.trust_note')}</p>
    </div>
  );
}

/** The entry's leaf hash, computed here from what the server sent (the value a proof is about). */
function LeafHash({ entry }: { entry: Entry }) {
  const { t } = useI18n();
  const [hash, setHash] = useState<string>();
  useEffect(() => {
    let live = true;
    void leafHashOf(entry).then((h) => { if (live) setHash(h); }, () => undefined);
    return () => { live = false; };
  }, [entry]);
  return <span className="hash entry-words__hash" data-testid="leaf-hash">{t('ledger.leaf_hash')}{t('app.colon')}{hash ? `${hash.slice(0, 16)}…` : '…'}</span>;
}

/**
 * The result of verifying one entry, on its own row where the reader clicked, brought into view
 * (never only in a panel above the fold); what was checked is one click away, open on failure.
 */
function RowResult({ seq, state }: { seq: number; state: VerifyState }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [state]);
  if (state === 'running') {
    return <div ref={ref} className="row-result" role="status" data-testid="row-verification" data-seq={seq} data-state="running">{t('ledger.verifying', { seq })}</div>;
  }
  if (state instanceof Error) {
    return <div ref={ref} className="row-result row-result--fail" role="status" data-testid="row-verification" data-seq={seq} data-state="failed"><ErrorBox error={state} /></div>;
  }
  return (
    <div ref={ref} className={`row-result row-result--${state.ok ? 'ok' : 'fail'}`} role="status" data-testid="row-verification" data-seq={seq} data-state={state.ok ? 'verified' : 'failed'}>
      <p className="row-result__title"><span aria-hidden="true">{state.ok ? '✓' : '✕'}</span> {state.ok ? t('ledger.row_verified') : t('ledger.row_failed')}</p>
      <details open={!state.ok}>
        <summary>{t('ledger.row_how')}</summary>
        <Checks v={state} />
      </details>
    </div>
  );
}

export default function LedgerPage({ location }: PageProps) {
  const { t, lang } = useI18n();
  const states = useStates();
  const w = encodeURIComponent(location.world);
  const checkpoint = useApi<CheckpointResponse>(`/api/worlds/${w}/checkpoint`, location.world);
  const size = checkpoint.data?.size;
  const sinceParam = location.query.get('since');
  const since = sinceParam !== null && /^\d+$/.test(sinceParam) ? Number(sinceParam) : size !== undefined ? Math.max(0, size - PAGE) : undefined;
  const entries = useApi<{ entries: Entry[]; next?: number }>(since !== undefined ? `/api/worlds/${w}/entries${qs({ since, limit: PAGE })}` : null, location.world);
  useMarkings(entries.data?.entries);
  // Each verification by entry: the newest one shown is verified as the page opens (the panel at
  // the top); one the reader asks for is shown on its row.
  const [results, setResults] = useState<ReadonlyMap<number, VerifyState>>(new Map());
  const [asked, setAsked] = useState<ReadonlySet<number>>(new Set());
  // Witnesses the reader requires: from the address (`?witness=KEY&min-witnesses=N`, to share) or the form.
  const [witnessText, setWitnessText] = useState(() => location.query.getAll('witness').join('\n'));
  const minParam = location.query.get('min-witnesses');
  const [minText, setMinText] = useState(minParam !== null && /^\d+$/.test(minParam) ? minParam : '');
  const witnessPolicy = useMemo<WitnessPolicy | undefined>(() => {
    const keys = witnessText.split('\n').map((k) => k.trim()).filter(Boolean);
    if (!keys.length) return undefined;
    return { keys, min: /^\d+$/.test(minText) ? Number(minText) : keys.length };
  }, [witnessText, minText]);
  const verify = useCallback(async (seq: number) => {
    const put = (state: VerifyState) => setResults((m) => new Map(m).set(seq, state));
    put('running');
    try {
      const proof = await api<InclusionProofResponse>(`/api/worlds/${w}/proofs/inclusion/${seq}`);
      put(await verifyInclusionProof(proof, witnessPolicy));
    } catch (error) {
      put(error instanceof Error ? error : new Error(String(error)));
    }
  }, [w, witnessPolicy]);
  // A change of witnesses makes every result shown so far stale: verify again under the new policy.
  useEffect(() => {
    setResults(new Map());
    setAsked(new Set());
  }, [witnessPolicy]);
  const ask = (seq: number) => {
    setAsked((s) => new Set(s).add(seq));
    void verify(seq);
  };

  const newest = entries.data?.entries.at(-1)?.seq;
  const newestState = newest === undefined ? undefined : results.get(newest);
  useEffect(() => {
    if (newest !== undefined && newestState === undefined) void verify(newest);
  }, [newest, newestState, verify]);

  const rows = [...(entries.data?.entries ?? [])].reverse();
  return (
    <>
      <PageHeader title={t('ledger.title')} lead={t('ledger.lead')} />
      <Section title={t('ledger.checkpoint')} id="checkpoint">
        <QueryView query={checkpoint}>
          {(cp) => (
            <div className="checkpoint">
              <dl className="facts facts--wide">
                <div><dt>{t('ledger.origin')}</dt><dd><span className="code">{cp.origin}</span></dd></div>
                <div><dt>{t('ledger.size')}</dt><dd data-testid="checkpoint-size">{cp.size}</dd></div>
                <div><dt>{t('ledger.root')}</dt><dd className="hash">{cp.rootHex}</dd></div>
                <div><dt>{t('ledger.key')}</dt><dd className="hash">{cp.verifierKey}</dd></div>
              </dl>
              <details>
                <summary>{t('ledger.note')}</summary>
                <pre className="note-text">{cp.note}</pre>
              </details>
              <details className="witnesses" open={witnessPolicy !== undefined}>
                <summary>{t('ledger.witnesses')}</summary>
                <p className="muted">{t('ledger.witnesses_lead')}</p>
                <div className="field">
                  <label htmlFor="witness-keys">{t('ledger.witness_keys')}</label>
                  <textarea id="witness-keys" rows={2} spellCheck={false} className="hash" value={witnessText} onChange={(e) => setWitnessText(e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor="witness-min">{t('ledger.witness_min')}</label>
                  <input id="witness-min" type="number" min={0} inputMode="numeric" value={minText} placeholder={witnessPolicy ? String(witnessPolicy.keys.length) : '0'} onChange={(e) => setMinText(e.target.value)} />
                </div>
              </details>
              <p><a className="button button--secondary" href={`/api/worlds/${w}/dataset.zip`} download data-testid="dataset-download">{t('ledger.dataset')}</a></p>
            </div>
          )}
        </QueryView>
      </Section>
      {newest !== undefined && newestState !== undefined && <VerificationPanel seq={newest} state={newestState} />}
      <Section title={t('ledger.entries')} id="entries">
        {!entries.data && !entries.error && <Loading />}
        {entries.error && <ErrorBox error={entries.error} retry={entries.reload} />}
        {entries.data && (
          <>
            <SortableTable caption={t('ledger.entries')} captionHidden rows={rows} rowKey={(e) => String(e.seq)} dense
              columns={[
                { key: 'seq', header: t('ledger.seq'), numeric: true, rowHeader: true, sort: (e) => e.seq, render: (e) => e.seq },
                {
                  key: 'what', header: t('ledger.what'), sort: (e) => e.type,
                  render: (e) => {
                    const words = entryWords(lang, states, e);
                    return (
                      <div className="entry-words" data-testid="entry-words">
                        <span>{words.sentence}</span>
                        <span className="muted entry-words__meta">{words.basis && <>{words.basis} · </>}<span className="code code--small">{e.type}</span></span>
                        <LeafHash entry={e} />
                        {/* Verified where the reader reads the entry, beside its hash. */}
                        <div className="entry-words__proof">
                          <button type="button" className="button button--small button--secondary" onClick={() => ask(e.seq)} aria-label={t('ledger.verify', { seq: e.seq })}>✓ {t('ledger.verify', { seq: '' }).trim()}</button>
                          {asked.has(e.seq) && results.has(e.seq) && <RowResult seq={e.seq} state={results.get(e.seq)!} />}
                        </div>
                      </div>
                    );
                  },
                },
                { key: 'valid', header: t('ledger.valid'), sort: (e) => e.validTime, render: (e) => <DateText iso={e.validTime} /> },
                { key: 'recorded', header: t('ledger.recorded'), sort: (e) => e.recordTime, render: (e) => <span className="dtg">{dtg(e.recordTime)}</span> },
                { key: 'for', header: t('ledger.actor'), sort: (e) => e.actingFor, render: (e) => <span title={actorName(lang, states, e.actingFor)}>{e.actingFor}</span> },
                { key: 'marking', header: t('ledger.classification'), sort: (e) => e.classification, render: (e) => <Chip tone={e.classification === 'PUBLIC' ? 'neutral' : 'warning'}>{CLASSIFICATION_LABELS[e.classification as Classification]?.[lang] ?? e.classification}</Chip> },
              ]} />
            <p className="muted">{t('ledger.hidden_note')}</p>
            <div className="pager">
              {since !== undefined && since > 0 && <Link className="button button--secondary" href={hrefFor(lang, 'ledger', location.world, { since: String(Math.max(0, since - PAGE)) })}>← {t('ledger.older')}</Link>}
              {since !== undefined && size !== undefined && since + PAGE < size && <Link className="button button--secondary" href={hrefFor(lang, 'ledger', location.world, { since: String(since + PAGE) })}>{t('ledger.newer')} →</Link>}
            </div>
          </>
        )}
      </Section>
    </>
  );
}
