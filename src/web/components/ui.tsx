/** Small building blocks: chips (text, never colour alone), empty and error states, sections. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n.js';
import type { Query } from '../lib/data.js';
import { ApiError } from '../lib/api.js';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

const ICONS: Record<Tone, string> = { neutral: '•', info: '•', success: '✓', warning: '!', danger: '✕', accent: '★' };

export function Chip({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`chip chip--${tone}`} title={title}>
      <span className="chip__icon" aria-hidden="true">{ICONS[tone]}</span>
      {children}
    </span>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <p className="empty">{children ?? t('app.empty_kind')}</p>;
}

export function Loading() {
  const { t } = useI18n();
  return <p className="loading" role="status">{t('app.loading')}</p>;
}

/**
 * What a reader is told of a failure, in the reader's language: the server's own explanation of a
 * refusal (already in that language), with any operator's advice (a command to run) left out;
 * never a browser's or server's internal wording.
 */
export function readerMessage(t: ReturnType<typeof useI18n>['t'], error: Error): string {
  if (!(error instanceof ApiError)) return t('app.error_network');
  if (error.status >= 500) return t('app.error_server');
  return error.detail.replace(/[^.!?]*`[^`]*`[^.!?]*[.!?]?/g, '').trim() || t('app.error_server');
}

export function ErrorBox({ error, retry }: { error: Error; retry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <p>{t('app.error', { message: readerMessage(t, error) })}</p>
      {retry && <button type="button" className="button button--secondary" onClick={retry}>{t('app.retry')}</button>}
    </div>
  );
}

/** Renders a query: loading, error, or its data (empty lists get the empty state). */
export function QueryView<T>({ query, children, isEmpty, empty }: {
  query: Query<T>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
}) {
  if (query.data === undefined) {
    if (query.error) return <ErrorBox error={query.error} retry={query.reload} />;
    return <Loading />;
  }
  const data = query.data;
  const blank = isEmpty ? isEmpty(data) : Array.isArray(data) && data.length === 0;
  if (blank) return <Empty>{empty}</Empty>;
  return <>{children(data)}</>;
}

/**
 * After a client-side navigation the new page's heading takes the focus, so that a screen reader
 * announces where the reader now is. A page may replace its heading as its data arrives (loading,
 * then loaded): each heading mounted while the request stands takes the focus, until the reader
 * does something (a key or a pointer) or a few seconds pass.
 */
let headingFocusUntil = 0;
export function requestHeadingFocus(): void {
  headingFocusUntil = performance.now() + 4000;
  const h1 = document.querySelector<HTMLElement>('#main h1');
  if (h1) h1.focus({ preventScroll: true });
}
if (typeof window !== 'undefined') {
  const stop = () => { headingFocusUntil = 0; };
  window.addEventListener('keydown', stop, true);
  window.addEventListener('pointerdown', stop, true);
}

/**
 * The page's heading, and the document's title in the reader's language ("Finland — Evere"):
 * tabs, history, bookmarks and screen readers tell pages apart by it. `docTitle` names the page
 * more precisely than its heading where a selection narrows it (one accession, one scenario).
 */
export function PageHeader({ title, docTitle, lead, children }: { title: string; docTitle?: string; lead?: ReactNode; children?: ReactNode }) {
  const { t } = useI18n();
  const full = `${docTitle ?? title} — ${t('app.name')}`;
  useEffect(() => {
    document.title = full;
  }, [full]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (performance.now() < headingFocusUntil) heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="page-header">
      <h1 tabIndex={-1} ref={heading}>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </div>
  );
}

export function Section({ title, id, children, actions }: { title: string; id?: string; children: ReactNode; actions?: ReactNode }) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section className="section" aria-labelledby={headingId} id={id}>
      <div className="section__head">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function Figure({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className="figure">
      <dt className="figure__label">{label}</dt>
      <dd className="figure__value">{value}</dd>
      {note && <dd className="figure__note">{note}</dd>}
    </div>
  );
}

/** A date as <time>, in ISO 8601 (BRIEF §5). */
export function DateText({ iso, long }: { iso: string | undefined; long?: boolean }) {
  const { date } = useI18n();
  if (!iso) return <span aria-hidden="true">—</span>;
  const d = iso.slice(0, 10);
  return <time dateTime={d}>{long ? date(d) : d}</time>;
}

export function Progress({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className="progress">
      <div className="progress__label">{label}</div>
      <div className="progress__track" role="progressbar" aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} aria-label={label}>
        <div className="progress__bar" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
