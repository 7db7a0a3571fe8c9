import { describe, test } from 'node:test';
import { command, eventsOf, given } from '../testing/specification.js';
import { fourteenEvents } from '../testing/fixtures.js';

const request = (requesters: string[], by = requesters[0] ?? 'TUR', at = '2003-02-10') =>
  command('RequestConsultations', at, by, { consultation: 'TUR-2003', requesters, reason: 'Threat from Iraq' });
const hold = (at = '2003-02-16') => command('HoldConsultations', at, 'NAC', { consultation: 'TUR-2003' });

describe('Art. 4 — consultations when an Ally is threatened', () => {
  test('an Ally requests consultations', () => {
    given(fourteenEvents())
      .when(request(['TUR']))
      .then([{ type: 'ConsultationsRequested', at: '2003-02-10', by: 'TUR', data: { consultation: 'TUR-2003', requesters: ['TUR'], reason: 'Threat from Iraq' } }]);
  });

  test('several Allies may request together', () => {
    given(fourteenEvents()).when(request(['TUR', 'GRC'])).thenAccepts();
  });

  test('every requester must be an Ally at the request', () => {
    given(fourteenEvents()).when(request(['TUR', 'POL'])).thenRejects('consultation.requester_not_ally', { states: ['POL'] });
    given(fourteenEvents()).when(request(['POL'], 'POL')).thenRejects('actor.not_ally');
  });

  test('the Ally giving the request is among the requesters', () => {
    given(fourteenEvents()).when(request(['TUR'], 'GRC')).thenRejects('consultation.requester_mismatch');
  });

  test('a consultation id is used once', () => {
    given(eventsOf([request(['TUR'])], fourteenEvents())).when(request(['TUR'])).thenRejects('consultation.exists');
  });

  test('the Council holds consultations that were requested, once', () => {
    given(fourteenEvents()).when(hold()).thenRejects('consultation.unknown');
    given(eventsOf([request(['TUR'])], fourteenEvents())).when(hold()).thenAccepts();
    given(eventsOf([request(['TUR']), hold()], fourteenEvents())).when(hold('2003-02-17')).thenRejects('consultation.already_held');
    given(eventsOf([request(['TUR'])], fourteenEvents())).when(hold('2003-02-09')).thenRejects('consultation.before_request');
  });

  test('only the Council holds consultations', () => {
    given(eventsOf([request(['TUR'])], fourteenEvents()))
      .when(command('HoldConsultations', '2003-02-16', 'SG', { consultation: 'TUR-2003' }))
      .thenRejects('actor.not_allowed');
  });
});
