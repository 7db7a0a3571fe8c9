/**
 * Opens N server-sent-event subscriptions in this process and reports, for each event received,
 * the delay from its `sentAt` (set by the sender just before appending) to its arrival.
 */
const [url, countText, expectText] = process.argv.slice(2);
const count = Number(countText ?? 1000);
const expected = Number(expectText ?? 20);
const delays: number[] = [];
let received = 0;
let ready = 0;

async function subscribe(): Promise<void> {
  const res = await fetch(url!, { headers: { accept: 'text/event-stream' } });
  ready++;
  if (ready === count) console.log('READY');
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    const arrived = Date.now();
    buffer += decoder.decode(chunk, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = block.split('\n').find((l) => l.startsWith('data: '));
      if (!data) continue;
      const sentAt = (JSON.parse(data.slice(6)) as { payload?: { title?: { en?: string } } }).payload?.title?.en;
      if (sentAt && /^\d+$/.test(sentAt)) {
        delays.push(arrived - Number(sentAt));
        received++;
        if (received === count * expected) {
          delays.sort((a, b) => a - b);
          console.log(JSON.stringify({ received, p50: delays[Math.floor(delays.length * 0.5)], p99: delays[Math.floor(delays.length * 0.99)] }));
          process.exit(0);
        }
      }
    }
  }
}

for (let i = 0; i < count; i++) void subscribe();
setTimeout(() => {
  delays.sort((a, b) => a - b);
  console.log(JSON.stringify({ received, timeout: true, p99: delays[Math.floor(delays.length * 0.99)] ?? null }));
  process.exit(1);
}, 120_000);
