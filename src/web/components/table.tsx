/**
 * A readable, sortable table: header buttons announce their sort state (aria-sort), numbers
 * align right, a caption names the table. Sorting is stable and locale-aware.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n.js';

export interface Column<R> {
  readonly key: string;
  readonly header: string;
  readonly render: (row: R) => ReactNode;
  /** Present = sortable by this value. */
  readonly sort?: (row: R) => string | number | undefined;
  readonly numeric?: boolean;
  /** The row's header cell (scope=row). */
  readonly rowHeader?: boolean;
}

export function SortableTable<R>({ caption, columns, rows, rowKey, initialSort, initialDir = 'asc', captionHidden, dense }: {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  initialSort?: string;
  initialDir?: 'asc' | 'desc';
  captionHidden?: boolean;
  dense?: boolean;
}) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState<{ key: string | undefined; dir: 'asc' | 'desc' }>({ key: initialSort, dir: initialDir });
  const collator = useMemo(() => new Intl.Collator(lang === 'fr' ? 'fr' : 'en', { numeric: true, sensitivity: 'base' }), [lang]);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key);
    if (!column?.sort) return rows;
    const value = column.sort;
    const out = [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === undefined && y === undefined) return 0;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return sort.dir === 'asc' ? c : -c;
    });
    return out;
  }, [rows, columns, sort, collator]);

  const toggle = (key: string) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));

  return (
    <div className="table-wrap">
      <table className={`table${dense ? ' table--dense' : ''}`}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort.key === c.key;
              const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : c.sort ? 'none' : undefined;
              return (
                <th key={c.key} scope="col" aria-sort={ariaSort} className={c.numeric ? 'num' : undefined}>
                  {c.sort ? (
                    <button type="button" className="sort" onClick={() => toggle(c.key)}>
                      {c.header}
                      <span className="sort__icon" aria-hidden="true">{active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                      <span className="visually-hidden">{active ? `, ${t(sort.dir === 'asc' ? 'app.sorted_asc' : 'app.sorted_desc')}` : ''}</span>
                    </button>
                  ) : c.header}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => c.rowHeader
                ? <th key={c.key} scope="row" className={c.numeric ? 'num' : undefined}>{c.render(row)}</th>
                : <td key={c.key} className={c.numeric ? 'num' : undefined}>{c.render(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
