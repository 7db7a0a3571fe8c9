import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spansAt, unrecordedSpans } from './offices.js';

test('a span between two recorded tenures is reported, per office, and only between them', () => {
  const spans = unrecordedSpans([
    { what: 'saceur', from: '1969-07-01', until: '1974-12-01' },
    { what: 'saceur', from: '1987-06-26', until: '1992-04-04' },
    { what: 'saceur', from: '1997-07-11', until: '2000-05-03' },
    { what: 'saceur', from: '2000-05-03' },
    { what: 'sact', from: '2003-06-19', until: '2005-11-10' },
    { what: 'sact', from: '2005-11-10' },
    { what: 'wps', from: '2012-08-27', until: '2014-10-01' },
  ]);
  assert.deepEqual(spans, [
    { what: 'saceur', from: '1974-12-01', until: '1987-06-26' },
    { what: 'saceur', from: '1992-04-04', until: '1997-07-11' },
  ]);
});

test('overlapping tenures close a span only at the latest end; an open tenure ends the search', () => {
  assert.deepEqual(unrecordedSpans([
    { what: 'x', from: '2000-01-01', until: '2005-01-01' },
    { what: 'x', from: '2001-01-01', until: '2003-01-01' },
    { what: 'x', from: '2006-01-01' },
    { what: 'x', from: '2010-01-01', until: '2011-01-01' },
    { what: 'x', from: '2012-01-01' },
  ]), [{ what: 'x', from: '2005-01-01', until: '2006-01-01' }]);
  // Tenures given out of order are read in date order.
  assert.deepEqual(unrecordedSpans([{ what: 'y', from: '2010-01-01' }, { what: 'y', from: '2000-01-01', until: '2001-01-01' }]), [{ what: 'y', from: '2001-01-01', until: '2010-01-01' }]);
});

test('a span is in effect from its first instant up to, not including, the next tenure’s start', () => {
  const spans = [{ what: 'saceur', from: '1974-12-01T00:00:00.000Z', until: '1987-06-26T00:00:00.000Z' }];
  assert.equal(spansAt(spans, '1974-11-30T23:59:59.999Z').length, 0);
  assert.equal(spansAt(spans, '1974-12-01T00:00:00.000Z').length, 1);
  assert.equal(spansAt(spans, '1987-06-25T23:59:59.999Z').length, 1);
  assert.equal(spansAt(spans, '1987-06-26T00:00:00.000Z').length, 0);
});
