/**
 * Sign-in (WCAG 3.3.8: a plain username and password form that password managers can fill; no
 * puzzle). Errors are summarised at the top and linked to their field.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { PageProps } from '../app.js';
import { useI18n } from '../lib/i18n.js';
import { useSession } from '../lib/session.js';
import { hrefFor, Link, navigate } from '../lib/router.js';
import { PageHeader } from '../components/ui.js';

export default function SignInPage({ location }: PageProps) {
  const { t, lang, v } = useI18n();
  const { account, signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ field?: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const next = location.query.get('next') ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: { field?: string; message: string }[] = [];
    if (!username.trim()) found.push({ field: 'username', message: t('signin.required', { field: t('signin.username').toLowerCase() }) });
    if (!password) found.push({ field: 'password', message: t('signin.required', { field: t('signin.password').toLowerCase() }) });
    if (found.length === 0) {
      setBusy(true);
      try {
        await signIn(username.trim(), password);
        navigate(hrefFor(lang, /^[a-z0-9/-]*$/.test(next) ? next : '', location.world));
        return;
      } catch (error) {
        found.push({ message: error instanceof Error ? error.message : String(error) });
      } finally {
        setBusy(false);
      }
    }
    setErrors(found);
    window.setTimeout(() => summary.current?.focus(), 0);
  };

  if (account) {
    return (
      <>
        <PageHeader title={t('signin.title')} />
        <p>{t('signin.signed_in', { user: account.username })}</p>
        <p className="muted">{t('signin.role', { role: v('role', account.role), clearance: account.clearance })}</p>
        <p><Link className="button" href={hrefFor(lang, 'council', location.world)}>{t('signin.go_council')}</Link></p>
      </>
    );
  }

  const errorFor = (field: string) => errors.find((e) => e.field === field);
  return (
    <div className="narrow">
      <PageHeader title={t('signin.title')} lead={t('signin.lead')} />
      {errors.length > 0 && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={summary} data-testid="sign-in-error">
          <h2 className="notice__title">{t('signin.error_title')}</h2>
          <ul>{errors.map((e, i) => <li key={i}>{e.field ? <a href={`#${e.field}`}>{e.message}</a> : e.message}</li>)}</ul>
        </div>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className={`field${errorFor('username') ? ' field--error' : ''}`}>
          <label htmlFor="username">{t('signin.username')}</label>
          {errorFor('username') && <p className="field__error" id="username-error">{errorFor('username')?.message}</p>}
          <input id="username" name="username" type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} value={username}
            aria-invalid={errorFor('username') ? true : undefined} aria-describedby={errorFor('username') ? 'username-error' : undefined}
            onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className={`field${errorFor('password') ? ' field--error' : ''}`}>
          <label htmlFor="password">{t('signin.password')}</label>
          {errorFor('password') && <p className="field__error" id="password-error">{errorFor('password')?.message}</p>}
          <input id="password" name="password" type="password" autoComplete="current-password" value={password}
            aria-invalid={errorFor('password') ? true : undefined} aria-describedby={errorFor('password') ? 'password-error' : undefined}
            onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={busy}>{busy ? t('app.loading') : t('signin.submit')}</button>
      </form>
    </div>
  );
}
