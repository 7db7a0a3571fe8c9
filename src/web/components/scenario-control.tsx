/**
 * Exercise control in the browser, for a director — what `evere scenario` does on the command
 * line: create a scenario from a file (pasted or chosen; every problem shown with its line and
 * column, and the text selected there) or from the record at a date; give seats to people or back
 * to their bots; admit controllers, evaluators and observers; branch a what-if at a scenario time
 * and compare it with its parent. Everything goes through the scenarios API, which decides who may.
 */
import { useId, useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, type FileProblem } from '../lib/api.js';
import { dtg, stateName, useI18n } from '../lib/i18n.js';
import { useStates } from '../lib/reference.js';
import { hrefFor, Link, navigate } from '../lib/router.js';
import { partyOfSeat, type ScenarioStatus } from '../lib/scenario.js';
import { useSession } from '../lib/session.js';

const NAME_PATTERN = '[a-z0-9][a-z0-9\\-]{0,62}';

/** What a refusal says, with the rules or the file's problems, in the page language. */
export function ControlError({ error, onProblem }: { error: Error; onProblem?: (p: FileProblem) => void }) {
  const { t } = useI18n();
  const api = error instanceof ApiError ? error : undefined;
  return (
    <div className="notice notice--error" role="alert" data-testid="control-error">
      <h3 className="notice__title">{t('council.refused')}</h3>
      {api && api.problems.length > 0 ? (
        <>
          <p>{t('control.file_problems', { count: api.problems.length })}</p>
          <ul className="notice__rules" data-testid="file-problems">
            {api.problems.map((p) => (
              <li key={`${p.line}:${p.column}:${p.field}`} data-line={p.line} data-column={p.column}>
                <span className="notice__rule">{t('control.problem_at', { line: p.line, column: p.column })}</span>
                {p.field ? <> <code>{p.field}</code></> : null} — {p.reason}
                {onProblem && <> <button type="button" className="button button--secondary button--small" onClick={() => onProblem(p)}>{t('control.show_in_text')}</button></>}
              </li>
            ))}
          </ul>
        </>
      ) : api && api.violations.length > 0 ? (
        <ul className="notice__rules">{api.violations.map((v) => <li key={v.code + v.path}><span className="notice__rule">{v.message}</span> <code>{v.code}</code></li>)}</ul>
      ) : <p className="notice__rule">{error.message} {api && <code>{api.code}</code>}</p>}
    </div>
  );
}

/** Runs one request of a form: busy while it runs, its error kept for the form to show. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await work();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** The offset of a 1-based line and column in a text. */
function offsetOfPosition(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return Math.min(text.length, at + Math.max(0, column - 1));
}

/** A new scenario: from a scenario file (pasted or chosen) or from the record at a date. */
export function NewScenarioForm() {
  const { t, lang } = useI18n();
  const uid = useId();
  const [name, setName] = useState('');
  const [source, setSource] = useState<'file' | 'record'>('file');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [asOf, setAsOf] = useState('');
  const [checked, setChecked] = useState<{ title: { en: string; fr?: string }; asOf: string; injects: number; seats: number }>();
  const area = useRef<HTMLTextAreaElement>(null);
  const { busy, error, setError, run } = useAction();
  const { refresh } = useSession();

  const body = (check: boolean) => (source === 'file'
    ? { name: name || 'check', text, ...(asOf ? { asOf } : {}), ...(check ? { check: true } : {}) }
    : { name, asOf });

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    setChecked(undefined);
    setError(undefined);
  };
  const showProblem = (p: FileProblem) => {
    const el = area.current;
    if (!el) return;
    const start = offsetOfPosition(el.value, p.line, p.column);
    const lineEnd = el.value.indexOf('\n', start);
    el.focus();
    el.setSelectionRange(start, lineEnd < 0 ? el.value.length : Math.max(start + 1, lineEnd));
    // Scroll the text so that the line is in view.
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, (p.line - 3) * lineHeight);
  };
  const check = () => void run(async () => {
    setChecked(await api<{ title: { en: string; fr?: string }; asOf: string; injects: number; seats: number }>('/api/scenarios', { method: 'POST', body: body(true) }));
  });
  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const status = await api<ScenarioStatus>('/api/scenarios', { method: 'POST', body: body(false) });
      await refresh();
      navigate(hrefFor(lang, `scenarios/${status.name}`, status.name));
    });
  };

  return (
    <form className="form scenario-new" onSubmit={create} data-testid="new-scenario" aria-labelledby="new-scenario-heading">
      {error && <ControlError error={error} onProblem={source === 'file' ? showProblem : undefined} />}
      <div className="field">
        <label htmlFor={`${uid}-name`}>{t('control.name')}</label>
        <input id={`${uid}-name`} name="name" type="text" required pattern={NAME_PATTERN} maxLength={63} autoComplete="off" spellCheck={false}
          value={name} onChange={(e) => setName(e.target.value)} aria-describedby={`${uid}-name-hint`} />
        <span id={`${uid}-name-hint`} className="note">{t('control.name_hint')}</span>
      </div>
      <fieldset className="field choice">
        <legend>{t('control.source')}</legend>
        <div className="field--check">
          <input id={`${uid}-src-file`} type="radio" name="source" value="file" checked={source === 'file'} onChange={() => { setSource('file'); setError(undefined); }} />
          <label htmlFor={`${uid}-src-file`}>{t('control.source_file')}</label>
        </div>
        <div className="field--check">
          <input id={`${uid}-src-record`} type="radio" name="source" value="record" checked={source === 'record'} onChange={() => { setSource('record'); setError(undefined); }} />
          <label htmlFor={`${uid}-src-record`}>{t('control.source_record')}</label>
        </div>
      </fieldset>
      {source === 'file' && (
        <>
          <div className="field">
            <label htmlFor={`${uid}-upload`}>{t('control.upload')}</label>
            <input id={`${uid}-upload`} type="file" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml,text/plain" onChange={(e) => void onFile(e)} />
            {fileName && <span className="note" data-testid="file-name">{t('control.file_loaded', { file: fileName })}</span>}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-text`}>{t('control.text')}</label>
            <textarea id={`${uid}-text`} ref={area} className="code-input" rows={14} required spellCheck={false} value={text}
              onChange={(e) => { setText(e.target.value); setChecked(undefined); }} aria-describedby={`${uid}-text-hint`} />
            <span id={`${uid}-text-hint`} className="note">{t('control.text_hint')}</span>
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor={`${uid}-asof`}>{source === 'file' ? t('control.as_of_override') : t('control.as_of')}</label>
        <input id={`${uid}-asof`} type="text" inputMode="numeric" placeholder={t('control.date_placeholder')} pattern="\d{4}-\d{2}-\d{2}" required={source === 'record'}
          value={asOf} onChange={(e) => setAsOf(e.target.value.trim())} aria-describedby={`${uid}-asof-hint`} />
        <span id={`${uid}-asof-hint`} className="note">{source === 'file' ? t('control.as_of_override_hint') : t('control.as_of_hint')}</span>
      </div>
      {checked && (
        <p className="notice notice--success" role="status" data-testid="file-valid">
          {t('control.file_valid', { title: checked.title[lang] ?? checked.title.en, injects: checked.injects, seats: checked.seats, date: checked.asOf })}
        </p>
      )}
      <div className="command-form__buttons">
        {source === 'file' && <button type="button" className="button button--secondary" disabled={busy || !text.trim()} onClick={check} data-testid="check-scenario">{t('control.check')}</button>}
        <button type="submit" className="button" disabled={busy} data-testid="create-scenario">{busy ? t('app.loading') : t('control.create')}</button>
      </div>
    </form>
  );
}

/** A seat's name in the page language (International Staff, or a state). */
function SeatName({ seat }: { seat: string }) {
  const { t, lang } = useI18n();
  const states = useStates();
  return <>{seat === 'IS' ? t('scenario.seat_is') : stateName(lang, states, seat)}</>;
}

function Row({ children }: { children: ReactNode }) {
  return <div className="control-panel__row">{children}</div>;
}

/** The director's controls of one scenario: seats, people admitted, what-if branches. */
export function DirectorPanel({ status, onDone }: { status: ScenarioStatus; onDone: (what: string) => void }) {
  const { t, lang } = useI18n();
  const states = useStates();
  const uid = useId();
  const n = encodeURIComponent(status.name);
  const seats = [...status.seats].sort((a, b) => (a.seat === 'IS' ? -1 : b.seat === 'IS' ? 1 : stateName('en', states, a.seat).localeCompare(stateName('en', states, b.seat), 'en')));
  const [seat, setSeat] = useState('');
  const [user, setUser] = useState('');
  const [admitUser, setAdmitUser] = useState('');
  const [branch, setBranch] = useState('');
  const [at, setAt] = useState('');
  const [change, setChange] = useState<'seat' | 'inject'>('seat');
  const [branchSeat, setBranchSeat] = useState('');
  const [policy, setPolicy] = useState('');
  const [inject, setInject] = useState('');
  const [injectText, setInjectText] = useState('');
  const [drop, setDrop] = useState(false);
  const [toEnd, setToEnd] = useState(false);
  const [made, setMade] = useState<string>();
  const seatsAction = useAction();
  const admitAction = useAction();
  const branchAction = useAction();
  const { refresh } = useSession();
  const injects = [...new Set([...status.delivered.map((d) => d.inject), ...(status.upcoming ?? []).map((u) => u.inject)])].sort();
  const held = status.seats.find((s) => s.seat === seat)?.holder;

  const give = (bot: boolean) => void seatsAction.run(async () => {
    await api(`/api/scenarios/${n}/seats/${encodeURIComponent(seat)}`, { method: 'PUT', body: bot ? { bot: true } : { username: user.trim() } });
    onDone(bot ? t('control.seat_to_bot_done', { seat: partyOfSeat(seat) }) : t('control.seat_given_done', { seat: partyOfSeat(seat), user: user.trim() }));
    setUser('');
  });
  const admit = (e: FormEvent) => {
    e.preventDefault();
    void admitAction.run(async () => {
      await api(`/api/scenarios/${n}/participants`, { method: 'POST', body: { username: admitUser.trim() } });
      onDone(t('control.admitted_done', { user: admitUser.trim() }));
      setAdmitUser('');
    });
  };
  const makeBranch = (e: FormEvent) => {
    e.preventDefault();
    void branchAction.run(async () => {
      const body = {
        branch, at,
        ...(change === 'seat' ? { seat: branchSeat, policy } : { inject, ...(drop ? { drop: true } : { set: injectText }) }),
        ...(toEnd ? { toEnd: true } : {}),
      };
      await api(`/api/scenarios/${n}/branch`, { method: 'POST', body });
      await refresh();
      setMade(branch);
      onDone(t('control.branched_done', { branch }));
    });
  };

  return (
    <div className="panel control-panel director-panel" data-testid="director-panel">
      

      <h3 id={`${uid}-seats`}>{t('control.seats_heading')}</h3>
      {seatsAction.error && <ControlError error={seatsAction.error} />}
      <Row>
        <form className="inline-form" aria-labelledby={`${uid}-seats`} onSubmit={(e) => { e.preventDefault(); give(false); }} data-testid="assign-form">
          <label htmlFor={`${uid}-seat`}>{t('scenario.seat')}</label>
          <select id={`${uid}-seat`} value={seat} onChange={(e) => setSeat(e.target.value)} required>
            <option value="">—</option>
            {seats.map((s) => <option key={s.seat} value={s.seat}>{`${s.seat === 'IS' ? t('scenario.seat_is') : stateName(lang, states, s.seat)} (${s.seat}) — ${s.holder ?? t('scenario.bot')}`}</option>)}
          </select>
          <label htmlFor={`${uid}-user`}>{t('control.player')}</label>
          <input id={`${uid}-user`} type="text" autoComplete="off" spellCheck={false} minLength={2} maxLength={63} value={user} onChange={(e) => setUser(e.target.value)} />
          <button type="submit" className="button button--secondary" disabled={seatsAction.busy || !seat || user.trim().length < 2} data-testid="assign-person">{t('control.give_seat')}</button>
          <button type="button" className="button button--neutral" disabled={seatsAction.busy || !seat || !held} onClick={() => give(true)} data-testid="assign-bot">{t('control.give_bot')}</button>
        </form>
      </Row>
      {seat && <p className="note">{held ? t('control.seat_held', { user: held }) : t('control.seat_bot')} <SeatName seat={seat} /></p>}

      <h3 id={`${uid}-admit`}>{t('control.admit_heading')}</h3>
      {admitAction.error && <ControlError error={admitAction.error} />}
      <Row>
        <form className="inline-form" aria-labelledby={`${uid}-admit`} onSubmit={admit} data-testid="admit-form">
          <label htmlFor={`${uid}-admit-user`}>{t('control.username')}</label>
          <input id={`${uid}-admit-user`} type="text" autoComplete="off" spellCheck={false} minLength={2} maxLength={63} required value={admitUser} onChange={(e) => setAdmitUser(e.target.value)} aria-describedby={`${uid}-admit-hint`} />
          <button type="submit" className="button button--secondary" disabled={admitAction.busy || admitUser.trim().length < 2}>{t('control.admit')}</button>
          <span id={`${uid}-admit-hint`} className="note">{t('control.admit_hint')}</span>
        </form>
      </Row>

      <h3 id={`${uid}-branch`}>{t('control.branch_heading')}</h3>
      <p className="note">{t('control.branch_lead')}</p>
      {branchAction.error && <ControlError error={branchAction.error} />}
      {made && (
        <p className="notice notice--success" role="status" data-testid="branch-made">
          {t('control.branch_made', { branch: made })}{' '}
          <Link href={hrefFor(lang, `scenarios/${made}/report`, made)}>{t('control.branch_compare')}</Link>{' · '}
          <Link href={hrefFor(lang, `scenarios/${made}`, made)}>{t('control.branch_open')}</Link>
        </p>
      )}
      <form className="branch-form" aria-labelledby={`${uid}-branch`} onSubmit={makeBranch} data-testid="branch-form">
        <div className="field-group">
          <div className="field">
            <label htmlFor={`${uid}-bname`}>{t('control.branch_name')}</label>
            <input id={`${uid}-bname`} type="text" required pattern={NAME_PATTERN} maxLength={63} autoComplete="off" spellCheck={false} value={branch} onChange={(e) => setBranch(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-at`}>{t('control.branch_at')}</label>
            <input id={`${uid}-at`} type="text" required maxLength={40} autoComplete="off" spellCheck={false} placeholder="T+6h" value={at} onChange={(e) => setAt(e.target.value)} aria-describedby={`${uid}-at-hint`} />
            <span id={`${uid}-at-hint`} className="note">{t('control.branch_at_hint', { now: dtg(status.now) })}</span>
          </div>
        </div>
        <fieldset className="field choice">
          <legend>{t('control.branch_change')}</legend>
          <div className="field--check">
            <input id={`${uid}-ch-seat`} type="radio" name="change" checked={change === 'seat'} onChange={() => setChange('seat')} />
            <label htmlFor={`${uid}-ch-seat`}>{t('control.change_seat')}</label>
          </div>
          <div className="field--check">
            <input id={`${uid}-ch-inject`} type="radio" name="change" checked={change === 'inject'} onChange={() => setChange('inject')} />
            <label htmlFor={`${uid}-ch-inject`}>{t('control.change_inject')}</label>
          </div>
        </fieldset>
        {change === 'seat' ? (
          <div className="field-group">
            <div className="field">
              <label htmlFor={`${uid}-bseat`}>{t('scenario.seat')}</label>
              <select id={`${uid}-bseat`} required value={branchSeat} onChange={(e) => setBranchSeat(e.target.value)}>
                <option value="">—</option>
                {seats.map((s) => <option key={s.seat} value={s.seat}>{`${s.seat === 'IS' ? t('scenario.seat_is') : stateName(lang, states, s.seat)} (${s.seat})`}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${uid}-policy`}>{t('control.policy')}</label>
              <textarea id={`${uid}-policy`} className="code-input" rows={4} required spellCheck={false} value={policy} onChange={(e) => setPolicy(e.target.value)} aria-describedby={`${uid}-policy-hint`} />
              <span id={`${uid}-policy-hint`} className="note">{t('control.policy_hint')}</span>
            </div>
          </div>
        ) : (
          <div className="field-group">
            <div className="field">
              <label htmlFor={`${uid}-binject`}>{t('control.inject')}</label>
              <select id={`${uid}-binject`} required value={inject} onChange={(e) => setInject(e.target.value)}>
                <option value="">—</option>
                {injects.map((i) => <option key={i} value={i}>{i}</option>)}
              </select>
              <div className="field--check">
                <input id={`${uid}-drop`} type="checkbox" checked={drop} onChange={(e) => setDrop(e.target.checked)} />
                <label htmlFor={`${uid}-drop`}>{t('control.drop')}</label>
              </div>
            </div>
            {!drop && (
              <div className="field">
                <label htmlFor={`${uid}-set`}>{t('control.set')}</label>
                <textarea id={`${uid}-set`} className="code-input" rows={5} required spellCheck={false} value={injectText} onChange={(e) => setInjectText(e.target.value)} aria-describedby={`${uid}-set-hint`} />
                <span id={`${uid}-set-hint`} className="note">{t('control.set_hint')}</span>
              </div>
            )}
          </div>
        )}
        <div className="field--check">
          <input id={`${uid}-toend`} type="checkbox" checked={toEnd} onChange={(e) => setToEnd(e.target.checked)} />
          <label htmlFor={`${uid}-toend`}>{t('control.to_end')}</label>
        </div>
        <div className="command-form__buttons">
          <button type="submit" className="button" disabled={branchAction.busy} data-testid="make-branch">{branchAction.busy ? t('app.loading') : t('control.branch')}</button>
        </div>
      </form>
    </div>
  );
}
