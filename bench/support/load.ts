/** Runs autocannon against a URL (optional request headers as JSON) in this separate process and prints its result as JSON. */
import autocannon from 'autocannon';

const [url, seconds, connections, headers] = process.argv.slice(2);
const result = await autocannon({
  url: url!, duration: Number(seconds ?? 5), connections: Number(connections ?? 16), pipelining: 1,
  ...(headers ? { headers: JSON.parse(headers) as Record<string, string> } : {}),
});
console.log(JSON.stringify({ rps: result.requests.average, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx }));
