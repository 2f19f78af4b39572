import { derivedId, uuidV5 } from './ids.js';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('gives the RFC test vector for www.example.com in the DNS namespace', () => {
    expect(uuidV5(DNS_NAMESPACE, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('derivedId', () => {
  it('is the same for the same parts, and a version-5 UUID', () => {
    const id = derivedId('verdict', 'a', 'b', 'COMPUTED');
    expect(derivedId('verdict', 'a', 'b', 'COMPUTED')).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('differs for other parts, another kind, or the same text split differently', () => {
    const ids = new Set([
      derivedId('verdict', 'a', 'b', 'COMPUTED'),
      derivedId('verdict', 'a', 'b', 'ASSESSED'),
      derivedId('verdict', 'b', 'a', 'COMPUTED'),
      derivedId('audit-entry', 'a', 'b', 'COMPUTED'),
      derivedId('verdict', 'ab', '', 'COMPUTED'),
    ]);
    expect(ids.size).toBe(5);
  });
});
