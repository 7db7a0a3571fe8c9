/**
 * Exercise control's ad hoc inject, with the full content a scenario file's inject has: kind, id,
 * title and text in English (French optional), links to attachments, the seats it is addressed to
 * (none ticked: every seat), and its classification (no higher than the writer's clearance). The
 * API checks it as it checks a file's inject; what it refuses is shown with the rule.
 */
import { useId, useState, type FormEvent } from 'react';
import { CLASSIFICATION_LABELS, CLASSIFICATIONS, classificationRank, type Classification } from '../../ledger/classification.js';
import { api } from '../lib/api.js';
import { stateName, useI18n } from '../lib/i18n.js';
import { useStates } from '../lib/reference.js';
import type { ScenarioStatus } from '../lib/scenario.js';
import { useSession } from '../lib/session.js';
import { ControlError } from './scenario-control.js';

export const INJECT_KINDS_SHOWN = ['incident', 'consultation-request', 'unsc-resolution', 'media-report', 'intelligence', 'instruction', 'other'] as const;

interface Attachment { title: string; url: string }

/** The API body for what the form holds: empty optional fields left out. */
export function adHocBody(f: {
  kind: string; id: string; titleEn: string; titleFr: string; textEn: string; textFr: string;
  attachments: readonly Attachment[]; to: readonly string[]; classification: Classification;
}): Record<string, unknown> {
  const attachments = f.attachments.filter((a) => a.title.trim() || a.url.trim()).map((a) => ({ title: { en: a.title.trim() }, url: a.url.trim() }));
  return {
    kind: f.kind,
    ...(f.id.trim() ? { id: f.id.trim() } : {}),
    title: { en: f.titleEn.trim(), ...(f.titleFr.trim() ? { fr: f.titleFr.trim() } : {}) },
    ...(f.textEn.trim() ? { text: { en: f.textEn.trim(), ...(f.textFr.trim() ? { fr: f.textFr.trim() } : {}) } } : {}),
    ...(attachments.length ? { attachments } : {}),
    ...(f.to.length ? { to: [...f.to] } : {}),
    classification: f.classification,
  };
}

export function AdHocInjectForm({ status, onDone }: { status: ScenarioStatus; onDone: (what: string) => void }) {
  const { t, lang, v } = useI18n();
  const states = useStates();
  const { account } = useSession();
  const uid = useId();
  const [kind, setKind] = useState('media-report');
  const [id, setId] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [titleFr, setTitleFr] = useState('');
  const [textEn, setTextEn] = useState('');
  const [textFr, setTextFr] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [to, setTo] = useState<string[]>([]);
  const [classification, setClassification] = useState<Classification>('NATO UNCLASSIFIED');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const cleared = CLASSIFICATIONS.filter((c) => c !== 'PUBLIC' && account && classificationRank(c) <= classificationRank(account.clearance));
  const seatName = (seat: string): string => (seat === 'IS' ? t('scenario.seat_is') : stateName(lang, states, seat));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = adHocBody({ kind, id, titleEn, titleFr, textEn, textFr, attachments, to, classification });
      await api(`/api/scenarios/${encodeURIComponent(status.name)}/injects`, { method: 'POST', body });
      setId(''); setTitleEn(''); setTitleFr(''); setTextEn(''); setTextFr(''); setAttachments([]); setTo([]);
      onDone(t('scenario.deliver_adhoc'));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  const setAttachment = (i: number, patch: Partial<Attachment>) => setAttachments((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  return (
    <form className="adhoc-inject" data-testid="adhoc-inject" aria-labelledby={`${uid}-h`} onSubmit={(e) => void submit(e)}>
      <h4 id={`${uid}-h`}>{t('adhoc.heading')}</h4>
      {error && <ControlError error={error} />}
      <div className="field-group">
        <div className="field">
          <label htmlFor={`${uid}-kind`}>{t('adhoc.kind')}</label>
          <select id={`${uid}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
            {INJECT_KINDS_SHOWN.map((k) => <option key={k} value={k}>{v('injectKind', k)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-id`}>{t('adhoc.id')}</label>
          <input id={`${uid}-id`} type="text" autoComplete="off" spellCheck={false} maxLength={64} pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,63}" placeholder="ADHOC-1" value={id} onChange={(e) => setId(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-class`}>{t('adhoc.classification')}</label>
          <select id={`${uid}-class`} value={classification} onChange={(e) => setClassification(e.target.value as Classification)}>
            {cleared.map((c) => <option key={c} value={c}>{CLASSIFICATION_LABELS[c][lang]}</option>)}
          </select>
        </div>
      </div>
      <div className="field-group">
        <div className="field">
          <label htmlFor={`${uid}-title-en`}>{t('adhoc.title_en')}</label>
          <input id={`${uid}-title-en`} type="text" lang="en" required maxLength={300} value={titleEn} onChange={(e) => setTitleEn(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-title-fr`}>{t('adhoc.title_fr')}</label>
          <input id={`${uid}-title-fr`} type="text" lang="fr" maxLength={300} value={titleFr} onChange={(e) => setTitleFr(e.target.value)} />
        </div>
      </div>
      <div className="field-group">
        <div className="field">
          <label htmlFor={`${uid}-text-en`}>{t('adhoc.text_en')}</label>
          <textarea id={`${uid}-text-en`} lang="en" rows={3} maxLength={2000} value={textEn} onChange={(e) => setTextEn(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-text-fr`}>{t('adhoc.text_fr')}</label>
          <textarea id={`${uid}-text-fr`} lang="fr" rows={3} maxLength={2000} value={textFr} onChange={(e) => setTextFr(e.target.value)} />
        </div>
      </div>
      <fieldset className="field choice">
        <legend>{t('adhoc.attachments')}</legend>
        {attachments.map((a, i) => (
          <div className="field-group" key={i} data-testid="adhoc-attachment">
            <div className="field">
              <label htmlFor={`${uid}-att-title-${i}`}>{t('adhoc.attachment_title', { n: i + 1 })}</label>
              <input id={`${uid}-att-title-${i}`} type="text" required maxLength={300} value={a.title} onChange={(e) => setAttachment(i, { title: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${uid}-att-url-${i}`}>{t('adhoc.attachment_url', { n: i + 1 })}</label>
              <input id={`${uid}-att-url-${i}`} type="url" required maxLength={2000} placeholder="https://" value={a.url} onChange={(e) => setAttachment(i, { url: e.target.value })} />
              <button type="button" className="button button--secondary button--small" onClick={() => setAttachments((list) => list.filter((_, j) => j !== i))}>{t('adhoc.remove_attachment', { n: i + 1 })}</button>
            </div>
          </div>
        ))}
        <div>
          <button type="button" className="button button--secondary" disabled={attachments.length >= 20} onClick={() => setAttachments((list) => [...list, { title: '', url: '' }])}>{t('adhoc.add_attachment')}</button>
        </div>
      </fieldset>
      <fieldset className="field choice adhoc-inject__to">
        <legend>{t('adhoc.addressees')}</legend>
        <p className="note" id={`${uid}-to-hint`}>{t('adhoc.addressees_hint')}</p>
        <div className="adhoc-inject__seats">
          {status.seats.map((s) => (
            <div className="field--check" key={s.seat}>
              <input id={`${uid}-to-${s.seat}`} type="checkbox" checked={to.includes(s.seat)} aria-describedby={`${uid}-to-hint`}
                onChange={(e) => setTo((list) => (e.target.checked ? [...list, s.seat] : list.filter((x) => x !== s.seat)))} />
              <label htmlFor={`${uid}-to-${s.seat}`}>{`${seatName(s.seat)} (${s.seat})`}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="button button--secondary" data-testid="adhoc-deliver" disabled={busy || !titleEn.trim()}>{t('scenario.deliver_adhoc')}</button>
    </form>
  );
}
