/** The language of the command line's messages and help: --lang, then $EVERE_LANG, $LC_ALL, $LANG. */
import type { Lang } from '../messages/message.js';

export function pickLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const value = (flag ?? env.EVERE_LANG ?? env.LC_ALL ?? env.LANG ?? 'en').toLowerCase();
  return value.startsWith('fr') ? 'fr' : 'en';
}

/** The value of `--lang` in argv (`--lang fr` or `--lang=fr`), if given. */
export function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}
