/**
 * A form for one of the engine's commands, built from its declaration (field names and types):
 * the app knows no procedure's fields. Values preset by the page (the proposal acted on) are not
 * shown. A refusal shows the rule that refused, as the API states it.
 */
import { useId, useState, type FormEvent } from 'react';
import type { FieldSpec } from '../../domain/command-specs.js';
import { api, ApiError } from '../lib/api.js';
import { useI18n } from '../lib/i18n.js';
import { hasMessage, type MessageKey } from '../lib/messages.js';
import { actionLabelKey, type AvailableCommand } from '../lib/actions.js';
import { resolveTimeInput, type TimeBase } from '../lib/time-input.js';
import { dtg } from '../lib/i18n.js';

type Value = string | boolean;

function fieldLabel(t: (k: MessageKey) => string, name: string): string {
  const key = `field.${name}`;
  return hasMessage(key) ? t(key) : name.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

/** A time typed that is no time: the form says so before anything is sent. */
class TimeInputError extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

const realTime: TimeBase = { now: () => Date.now() };

function toData(fields: readonly FieldSpec[], values: Record<string, Value>, base: TimeBase): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    switch (f.type.kind) {
      case 'boolean':
        if (v === true) data[f.name] = true;
        break;
      case 'title': {
        const en = String(values[`${f.name}.en`] ?? '').trim();
        const fr = String(values[`${f.name}.fr`] ?? '').trim();
        if (en) data[f.name] = { en, ...(fr ? { fr } : {}) };
        break;
      }
      case 'states':
      case 'texts':
      case 'enums': {
        const list = String(v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        if (list.length) data[f.name] = f.type.kind === 'states' ? list.map((s) => s.toUpperCase()) : list;
        break;
      }
      case 'positive_integer':
      case 'count':
      case 'amount':
        if (String(v ?? '').trim()) data[f.name] = Number(v);
        break;
      case 'time': {
        const s = String(v ?? '').trim();
        if (s) {
          const at = resolveTimeInput(s, base);
          if (!at) throw new TimeInputError(f.name);
          data[f.name] = at;
        }
        break;
      }
      default: {
        const s = String(v ?? '').trim();
        if (s) data[f.name] = f.type.kind === 'state' || f.type.kind === 'partner' ? s.toUpperCase() : s;
      }
    }
  }
  return data;
}

export interface CommandResult {
  readonly cmd: string;
  readonly label: string;
}

export function CommandForm({ spec, world, preset, onDone, onCancel, initial = {}, endpoint, timeBase = realTime }: {
  spec: AvailableCommand;
  world: string;
  /** Where the command is posted (default: the world's commands; a scenario: its act, at scenario time). */
  endpoint?: string;
  preset: Record<string, unknown>;
  onDone: (result: CommandResult) => void;
  onCancel?: () => void;
  initial?: Record<string, Value>;
  /** What "now" is for a typed time (+24h): scenario time in a scenario; T+… needs its start. */
  timeBase?: TimeBase;
}) {
  const { t, lang } = useI18n();
  const uid = useId();
  const [values, setValues] = useState<Record<string, Value>>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error>();
  const fields = spec.fields.filter((f) => !(f.name in preset));
  const labelKey = actionLabelKey(spec.cmd);
  const label = labelKey ? t(labelKey) : spec.summary[lang];
  const set = (name: string, value: Value) => setValues((v) => ({ ...v, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api(endpoint ?? `/api/worlds/${encodeURIComponent(world)}/commands`, { method: 'POST', body: { cmd: spec.cmd, by: spec.by, data: { ...preset, ...toData(fields, values, timeBase) } } });
      onDone({ cmd: spec.cmd, label });
    } catch (e) {
      setError(e instanceof TimeInputError ? new Error(t('council.time_invalid', { field: fieldLabel(t, e.field), value: String(values[e.field] ?? '') })) : e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="command-form" onSubmit={(e) => void submit(e)} aria-label={label} data-cmd={spec.cmd}>
      <p className="command-form__summary">{spec.summary[lang]} <span className="muted">· {t('council.basis', { basis: spec.basis })}</span></p>
      {error && (
        <div className="notice notice--error" role="alert" data-testid="action-error" tabIndex={-1}>
          <h4 className="notice__title">{t('council.refused')}</h4>
          {error instanceof ApiError && error.violations.length > 0 ? (
            // The rules that refused, each in the interface language, with its stable code.
            <ul className="notice__rules">{error.violations.map((v) => <li key={v.code + v.path}><span className="notice__rule">{v.message}</span> <code>{v.code}</code></li>)}</ul>
          ) : <p className="notice__rule">{error.message}</p>}
          {error instanceof ApiError && error.violations.length === 0 && <p className="muted"><code>{error.code}</code></p>}
        </div>
      )}
      {fields.map((f) => {
        const id = `${uid}-${f.name}`;
        const text = fieldLabel(t, f.name);
        const label = f.required ? t('council.field_required', { field: text }) : t('council.field_optional', { field: text });
        switch (f.type.kind) {
          case 'boolean':
            return (
              <div className="field field--check" key={f.name}>
                <input id={id} type="checkbox" checked={values[f.name] === true} onChange={(e) => set(f.name, e.target.checked)} />
                <label htmlFor={id}>{text}</label>
              </div>
            );
          case 'enum':
            return (
              <div className="field" key={f.name}>
                <label htmlFor={id}>{label}</label>
                <select id={id} value={String(values[f.name] ?? '')} required={f.required} onChange={(e) => set(f.name, e.target.value)}>
                  <option value="">—</option>
                  {f.type.values.map((v) => <option key={v} value={v}>{v}</option>)}
                </select>
              </div>
            );
          case 'title':
            return (
              <div className="field-group" key={f.name}>
                <div className="field">
                  <label htmlFor={`${id}-en`}>{t('field.title_en')}</label>
                  <input id={`${id}-en`} type="text" lang="en" required={f.required} value={String(values[`${f.name}.en`] ?? '')} onChange={(e) => set(`${f.name}.en`, e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-fr`}>{t('field.title_fr')}</label>
                  <input id={`${id}-fr`} type="text" lang="fr" value={String(values[`${f.name}.fr`] ?? '')} onChange={(e) => set(`${f.name}.fr`, e.target.value)} />
                </div>
              </div>
            );
          case 'time': {
            const typed = String(values[f.name] ?? '');
            const at = typed.trim() ? resolveTimeInput(typed, timeBase) : undefined;
            return (
              <div className="field" key={f.name}>
                <label htmlFor={id}>{label}</label>
                <input id={id} type="text" autoComplete="off" spellCheck={false} required={f.required} value={typed} onChange={(e) => set(f.name, e.target.value)}
                  aria-describedby={`${id}-hint ${id}-at`} data-time-field={f.name} />
                <span id={`${id}-hint`} className="note">{timeBase.startMs !== undefined ? t('council.time_hint_scenario') : t('council.time_hint')}</span>
                <span id={`${id}-at`} className="note" aria-live="polite" data-testid={`time-${f.name}`}>
                  {typed.trim() ? (at ? t('council.time_is', { dtg: dtg(at) }) : t('council.time_not_yet')) : ''}
                </span>
              </div>
            );
          }
          case 'date':
            return (
              <div className="field" key={f.name}>
                <label htmlFor={id}>{label}</label>
                <input id={id} type="date" required={f.required} value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.target.value)} />
              </div>
            );
          case 'text':
            return (
              <div className="field" key={f.name}>
                <label htmlFor={id}>{label}</label>
                <textarea id={id} rows={2} required={f.required} value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.target.value)} />
              </div>
            );
          default:
            return (
              <div className="field" key={f.name}>
                <label htmlFor={id}>{label}</label>
                <input id={id} type={f.type.kind === 'positive_integer' || f.type.kind === 'count' || f.type.kind === 'amount' ? 'number' : 'text'} required={f.required}
                  value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.target.value)} />
              </div>
            );
        }
      })}
      <div className="command-form__buttons">
        <button type="submit" className="button" disabled={busy} data-testid={`send-${spec.cmd}`}>{busy ? t('app.loading') : `${label} — ${t('council.send')}`}</button>
        {onCancel && <button type="button" className="button button--secondary" onClick={onCancel}>{t('council.cancel')}</button>}
      </div>
    </form>
  );
}
