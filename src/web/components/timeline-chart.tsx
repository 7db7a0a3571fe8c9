/**
 * The scenario timeline as an Observable Plot chart (loaded only by the report page): one dot per
 * entry, scenario hours across, the kind of entry down. Its table is on the page beside it.
 */
import { usePlot } from './use-plot.js';
import * as Plot from '@observablehq/plot';

export type TimelineDatum = { readonly hours: number; readonly lane: string; readonly label: string };

export default function TimelineChart({ data, lanes, label, axis }: { data: readonly TimelineDatum[]; lanes: readonly string[]; label: string; axis: string }) {
  const ref = usePlot((width) => Plot.plot({
    width,
    height: lanes.length * 42 + 76,
    marginLeft: Math.min(260, 24 + Math.max(...lanes.map((l) => l.length)) * 7.6),
    marginRight: 32,
    marginBottom: 48,
    ariaLabel: label,
    style: { fontFamily: 'inherit', fontSize: '13px', background: 'transparent', color: '#1f2933' },
    x: { grid: true, label: axis, labelAnchor: 'right', labelOffset: 42, tickFormat: (n: number) => `T+${n}h` },
    y: { label: null, domain: [...lanes] },
    marks: [
      Plot.dot(data, { x: 'hours', y: 'lane', r: 4.5, fill: '#245fa8', fillOpacity: 0.55, stroke: '#0b2545', strokeWidth: 0.7, title: 'label' }),
      Plot.ruleX([0]),
    ],
  }), 1100, [data, lanes, label, axis]);
  return <div ref={ref} className="plot" />;
}
