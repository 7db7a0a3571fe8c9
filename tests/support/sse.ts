/** A minimal server-sent-events reader over fetch, for tests and benchmarks. */
export interface SseEvent { id?: string; event?: string; data: string }

export interface SseClient {
  readonly events: SseEvent[];
  next(test: (e: SseEvent) => boolean, timeoutMs: number): Promise<SseEvent>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  if (!res.ok || !res.body) throw new Error(`SSE ${url}: ${res.status}`);
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const e: SseEvent = { data: '' };
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) e.id = line.slice(4);
            else if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length) {
            e.data = data.join('\n');
            events.push(e);
            for (const wake of waiters) wake();
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    next(test, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(test);
          if (found) { waiters.delete(check); clearTimeout(timer); resolve(found); }
        };
        const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`no matching event within ${timeoutMs} ms`)); }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
