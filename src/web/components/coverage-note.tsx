/**
 * What the record holds of an area, said in words beside the figures (GET …/coverage): complete,
 * partial ("5 of 9 partners across the globe recorded", with the source of the reference count)
 * or not recorded. A figure of 0 on a page is then read for what it is: nothing recorded, not
 * nothing happened.
 */
import type { CoverageArea } from '../../app/work-queries.js';
import { COVERAGE_AREA_NAMES, COVERAGE_MEASURE_NAMES, COVERAGE_STATUS_NAMES } from '../../messages/coverage-names.js';
import { useI18n } from '../lib/i18n.js';
import { useApi } from '../lib/data.js';

export function CoverageNote({ world, area, measures }: { world: string; area: string; measures?: readonly string[] }) {
  const { t, lang, num } = useI18n();
  const coverage = useApi<CoverageArea[]>(`/api/worlds/${encodeURIComponent(world)}/coverage`, world);
  const found = coverage.data?.find((a) => a.area === area);
  if (!found) return null;
  const shown = found.measures.filter((m) => !measures || measures.includes(m.measure));
  const name = COVERAGE_AREA_NAMES[area]?.[lang] ?? area;
  return (
    <div className={`coverage-note coverage-note--${found.status}`} data-testid={`coverage-${area}`} data-status={found.status}>
      <p className="coverage-note__head">
        {t('coverage.head', { area: name, status: COVERAGE_STATUS_NAMES[found.status][lang] })}
      </p>
      <ul className="coverage-note__list">
        {shown.map((m) => {
          const label = COVERAGE_MEASURE_NAMES[m.measure]?.[lang] ?? m.measure;
          const text = !m.modelled ? t('coverage.not_modelled', { measure: label })
            : m.recorded === 0 ? t('coverage.none', { measure: label })
            : m.of !== undefined ? t('coverage.of', { measure: label, recorded: num(m.recorded), of: num(m.of) })
            : t('coverage.count', { measure: label, recorded: num(m.recorded) });
          return (
            <li key={m.measure}>
              {text}
              {m.source && <> (<a href={m.source} rel="noopener noreferrer">{t('app.source')}</a>)</>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
