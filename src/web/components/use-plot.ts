/**
 * Mounts an Observable Plot chart in a div, sized to it, as one accessible image: Plot labels its
 * inner groups, which a role-less <g> may not carry, so the chart alone keeps its name.
 */
import { useEffect, useRef, type DependencyList } from 'react';

export function usePlot(draw: (width: number) => SVGSVGElement | HTMLElement, maxWidth: number, deps: DependencyList) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return undefined;
    const chart = draw(Math.max(320, Math.min(node.clientWidth || 720, maxWidth)));
    chart.setAttribute('role', 'img');
    chart.querySelectorAll('[aria-label], [aria-description]').forEach((el) => {
      if (el !== chart) { el.removeAttribute('aria-label'); el.removeAttribute('aria-description'); }
    });
    node.replaceChildren(chart);
    return () => chart.remove();
    // The caller names what the chart depends on.
  }, deps);
  return ref;
}
