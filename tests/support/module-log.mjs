// A module hook for tests: appends the URL of every module Node loads to $EVERE_MODULE_LOG.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

if (import.meta.url.endsWith('?hooks')) {
  // (the hook side, running in Node's loader thread)
} else {
  register(`${import.meta.url}?hooks`);
}

export async function load(url, context, next) {
  if (process.env.EVERE_MODULE_LOG) appendFileSync(process.env.EVERE_MODULE_LOG, `${url}\n`);
  return next(url, context);
}
