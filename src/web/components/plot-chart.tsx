/**
 * Observable Plot charts, loaded only by the pages that draw them (the first visit to the home
 * page never downloads Plot). Every chart is paired with a table of the same data on its page.
 */
import { usePlot } from './use-plot.js';
import * as Plot from '@observablehq/plot';

export type BarDatum = { readonly label: string; readonly value: number; readonly group?: string };

export default function BarChart({ data, label, format, tick }: { data: readonly BarDatum[]; label: string; format: (n: number) => string; tick?: (n: number) => string }) {
  const ref = usePlot((width) => Plot.plot({
    width,
    height: Math.max(120, data.length * 28 + 40),
    // Margins never take the whole of a phone's width: labels are cut before the bars vanish.
    marginLeft: Math.min(330, width * 0.42, 28 + Math.max(...data.map((d) => d.label.length)) * 7.8),
    marginRight: Math.min(120, width * 0.25),
    ariaLabel: label,
    style: { fontFamily: 'inherit', fontSize: '13px', background: 'transparent', color: '#1f2933' },
    x: { grid: true, label: null, ticks: 5, tickFormat: (n: number) => (tick ?? format)(n) },
    y: { label: null },
    marks: [
      Plot.barX(data, { x: 'value', y: 'label', fill: '#245fa8', sort: { y: '-x' } }),
      Plot.text(data, { x: 'value', y: 'label', text: (d: BarDatum) => format(d.value), textAnchor: 'start', dx: 4, fill: '#1f2933' }),
      Plot.ruleX([0]),
    ],
  }), 900, [data, label, format, tick]);
  return <div ref={ref} className="plot" />;
}
