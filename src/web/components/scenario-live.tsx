/**
 * The scenario page's channels and evaluation: the messages the reader may read (live), a form to
 * send from a seat they hold (or, exercise control, from EXCON) to a seat, the chair or everyone;
 * and the exercise objectives with what the system measured and the evaluators' scores, with a
 * form to score for evaluators and exercise control. Everything goes through the scenario API.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api.js';
import { useApi } from '../lib/data.js';
import { dtg, stateName, useI18n } from '../lib/i18n.js';
import type { MessageKey } from '../lib/messages.js';
import { useStates } from '../lib/reference.js';
import type { ScenarioStatus } from '../lib/scenario.js';
import { Chip, QueryView, Section } from './ui.js';

interface MessageView {
  readonly seq: number;
  readonly at: string;
  readonly offset: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly channel: 'all' | 'chair' | 'bilateral' | 'control';
  readonly text: string;
  readonly classification: string;
  readonly signedBy: string;
}

interface ObjectiveView {
  readonly id: string;
  readonly title: { readonly en: string; readonly fr?: string };
  readonly description?: { readonly en: string; readonly fr?: string };
  readonly measured: { readonly status: string; readonly code: string; readonly params: Record<string, string | number | readonly string[]> };
  readonly scores: readonly { readonly seq: number; readonly offset: string; readonly rating: string; readonly observation: string; readonly evaluator: string }[];
}

function Problem({ error }: { error: Error }) {
  return (
    <p className="notice notice--error" role="alert" data-testid="live-error">
      {error.message} {error instanceof ApiError && <code>{error.code}</code>}
    </p>
  );
}

/** The messages the reader may read, newest first, and the form to send one. */
export function ChannelsSection({ status, seats, control, live, onDone }: {
  status: ScenarioStatus; seats: readonly string[]; control: boolean; live: string | null; onDone: (what: string) => void;
}) {
  const { t, lang } = useI18n();
  const states = useStates();
  const n = encodeURIComponent(status.name);
  const messages = useApi<{ messages: MessageView[] }>(`/api/scenarios/${n}/messages`, live);
  const senders = [...seats, ...(control ? ['EXCON'] : [])];
  const [from, setFrom] = useState(senders[0] ?? '');
  const [to, setTo] = useState('ALL');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const seatName = (seat: string): string => (seat === 'ALL' ? t('channels.everyone') : seat === 'IS' ? t('channels.chair') : seat === 'EXCON' ? t('channels.control') : stateName(lang, states, seat));
  const sender = from || senders[0] || '';
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/scenarios/${n}/messages`, { method: 'POST', body: { from: sender, to: [to], text } });
      setText('');
      messages.reload();
      onDone(t('channels.sent'));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  const newest = [...(messages.data?.messages ?? [])].sort((a, b) => b.seq - a.seq);
  return (
    <Section title={t('channels.title')} id="messages">
      <p className="muted">{t('channels.lead')}</p>
      {senders.length > 0 && (
        <form className="panel message-form" onSubmit={(e) => void send(e)} data-testid="message-form">
          {error && <Problem error={error} />}
          <div className="message-form__row">
            {senders.length > 1 && (
              <>
                <label htmlFor="message-from">{t('channels.from')}</label>
                <select id="message-from" value={sender} onChange={(e) => setFrom(e.target.value)}>
                  {senders.map((s) => <option key={s} value={s}>{seatName(s)}</option>)}
                </select>
              </>
            )}
            <label htmlFor="message-to">{t('channels.to')}</label>
            <select id="message-to" value={to} onChange={(e) => setTo(e.target.value)} data-testid="message-to">
              <option value="ALL">{t('channels.everyone')}</option>
              {status.seats.filter((s) => s.seat !== sender).map((s) => <option key={s.seat} value={s.seat}>{`${seatName(s.seat)} (${s.seat})`}</option>)}
            </select>
          </div>
          <label htmlFor="message-text">{t('channels.text')}</label>
          <textarea id="message-text" rows={2} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} required data-testid="message-text" />
          <button type="submit" className="button" disabled={busy || !text.trim()} data-testid="message-send">{t('channels.send')}</button>
        </form>
      )}
      <QueryView query={messages} isEmpty={(d) => d.messages.length === 0} empty={t('channels.none')}>
        {() => (
          <ol className="messages" data-testid="messages">
            {newest.map((m) => (
              <li key={m.seq} className="message panel" data-channel={m.channel}>
                <p className="chips-line">
                  <Chip tone={m.channel === 'control' ? 'accent' : m.channel === 'all' ? 'info' : 'neutral'}>{t(`channels.kind_${m.channel}` as MessageKey)}</Chip>
                  <span>{`${seatName(m.from)} → ${m.to.map(seatName).join(', ')}`}</span>
                  <span className="dtg">{dtg(m.at)}</span>
                  <span className="muted">{m.offset}</span>
                  <span className="muted">{m.classification}</span>
                </p>
                <p className="message__text">{m.text}</p>
                <p className="muted">{t('channels.signed_by', { who: m.signedBy })}</p>
              </li>
            ))}
          </ol>
        )}
      </QueryView>
    </Section>
  );
}

const RATINGS = ['met', 'partly-met', 'not-met'] as const;

/** The objectives, what the system measured, the scores; a form to score for evaluators and exercise control. */
export function ObjectivesSection({ status, canScore, live, onDone }: { status: ScenarioStatus; canScore: boolean; live: string | null; onDone: (what: string) => void }) {
  const { t, lang } = useI18n();
  const n = encodeURIComponent(status.name);
  const evaluation = useApi<{ objectives: ObjectiveView[] }>(`/api/scenarios/${n}/objectives`, live);
  const [objective, setObjective] = useState('');
  const [rating, setRating] = useState<string>('met');
  const [observation, setObservation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const list = evaluation.data?.objectives ?? [];
  const chosen = objective || list[0]?.id || '';
  const score = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/scenarios/${n}/scores`, { method: 'POST', body: { objective: chosen, rating, observation } });
      setObservation('');
      evaluation.reload();
      onDone(t('objectives.scored'));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  const say = (code: string, params: Record<string, unknown> = {}) => t(code as MessageKey, params as Record<string, string>);
  return (
    <Section title={t('objectives.title')} id="objectives">
      <QueryView query={evaluation} isEmpty={(d) => d.objectives.length === 0} empty={t('objectives.none')}>
        {() => (
          <ol className="objectives" data-testid="objectives">
            {list.map((o) => (
              <li key={o.id} className="objective panel" data-objective={o.id} data-status={o.measured.status}>
                <h3 className="objective__title"><span className="code">{o.id}</span> {o.title[lang] ?? o.title.en}</h3>
                {o.description && <p className="muted">{o.description[lang] ?? o.description.en}</p>}
                <p><strong>{t('objectives.measured')}:</strong> <Chip tone={o.measured.status === 'met' ? 'success' : o.measured.status === 'not-met' ? 'danger' : 'neutral'}>{say(`objective.status_${o.measured.status}`)}</Chip> {say(o.measured.code, o.measured.params)}</p>
                <p><strong>{t('objectives.scores')}:</strong> {o.scores.length === 0 ? t('objectives.no_scores') : null}</p>
                {o.scores.length > 0 && (
                  <ul className="objective__scores">
                    {o.scores.map((x) => <li key={x.seq} data-testid="objective-score">{`${say(`objective.rating_${x.rating}`)} — ${x.evaluator}, ${x.offset}: ${x.observation}`}</li>)}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </QueryView>
      {canScore && list.length > 0 && (
        <form className="panel score-form" onSubmit={(e) => void score(e)} data-testid="score-form">
          {error && <Problem error={error} />}
          <label htmlFor="score-objective">{t('objectives.objective')}</label>
          <select id="score-objective" value={chosen} onChange={(e) => setObjective(e.target.value)}>
            {list.map((o) => <option key={o.id} value={o.id}>{`${o.id} — ${o.title[lang] ?? o.title.en}`}</option>)}
          </select>
          <label htmlFor="score-rating">{t('objectives.rating')}</label>
          <select id="score-rating" value={rating} onChange={(e) => setRating(e.target.value)}>
            {RATINGS.map((r) => <option key={r} value={r}>{say(`objective.rating_${r}`)}</option>)}
          </select>
          <label htmlFor="score-observation">{t('objectives.observation')}</label>
          <textarea id="score-observation" rows={2} maxLength={4000} value={observation} onChange={(e) => setObservation(e.target.value)} required />
          <button type="submit" className="button" disabled={busy || !observation.trim()} data-testid="score-submit">{t('objectives.score')}</button>
        </form>
      )}
    </Section>
  );
}
