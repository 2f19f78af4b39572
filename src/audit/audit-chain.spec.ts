import { createHash } from 'node:crypto';
import { ChainVerifier, checkLink, verifyChain, type ChainRow } from './audit-chain.js';

// Stands in for redline_audit_hash: any function of the link, the seq and the content.
const hashOf = (prevHash: string, seq: number, content: string) =>
  createHash('sha256').update(`${prevHash}|${seq}|${content}`).digest('hex');

interface Event extends ChainRow {
  content: string;
}

/** A chain as the insert trigger builds it, seq 1…n. */
function chain(n: number): Event[] {
  const events: Event[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const prevHash = events.at(-1)?.hash ?? '';
    const content = `event ${seq}`;
    const hash = hashOf(prevHash, seq, content);
    events.push({ seq: String(seq), prevHash, hash, expected: hash, content });
  }
  return events;
}

/** What the database would recompute for an event whose stored columns were edited. */
const recompute = (event: Event): Event => ({
  ...event,
  expected: hashOf(event.prevHash, Number(event.seq), event.content),
});

describe('verifyChain', () => {
  it('accepts an intact chain and counts every event', () => {
    expect(verifyChain(chain(5))).toEqual({
      ok: true,
      checked: 5,
      firstBroken: null,
      head: { seq: '5', hash: chain(5)[4].hash },
    });
  });

  it('accepts an empty chain', () => {
    expect(verifyChain([])).toEqual({ ok: true, checked: 0, firstBroken: null, head: null });
  });

  it('names an event whose content was edited (reason hash)', () => {
    const events = chain(5);
    events[2] = recompute({ ...events[2], content: 'forged' });
    expect(verifyChain(events)).toMatchObject({
      ok: false,
      checked: 3,
      firstBroken: { seq: '3', reason: 'hash' },
    });
  });

  it('names the next event when an edit also recomputed the hash (reason link)', () => {
    const events = chain(5);
    const forged = { ...events[2], content: 'forged' };
    forged.hash = hashOf(forged.prevHash, 3, forged.content);
    events[2] = recompute(forged);
    expect(verifyChain(events).firstBroken).toEqual({ seq: '4', reason: 'link' });
  });

  it('names the event after a deleted one (reason gap)', () => {
    const events = chain(5);
    events.splice(2, 1);
    expect(verifyChain(events).firstBroken).toEqual({ seq: '4', reason: 'gap' });
  });

  it('notices a deleted first event', () => {
    expect(verifyChain(chain(3).slice(1)).firstBroken).toEqual({ seq: '2', reason: 'gap' });
  });

  it('refuses a first event that links to something', () => {
    const [first] = chain(1);
    const edited = recompute({ ...first, prevHash: 'abc' });
    expect(verifyChain([edited]).firstBroken).toEqual({ seq: '1', reason: 'link' });
  });

  it('reports only the first of several broken links', () => {
    const events = chain(6);
    events[1] = recompute({ ...events[1], content: 'x' });
    events.splice(4, 1);
    expect(verifyChain(events).firstBroken).toEqual({ seq: '2', reason: 'hash' });
  });

  it('compares sequence numbers beyond 2^53 exactly', () => {
    // As numbers, 2^53 + 1 would round to 2^53 and look like a repeat.
    const row = { seq: '9007199254740993', prevHash: 'h', hash: 'x', expected: 'x' };
    expect(checkLink({ seq: '9007199254740992', hash: 'h' }, row)).toBeNull();
    expect(checkLink({ seq: '9007199254740991', hash: 'h' }, row)).toEqual({
      seq: '9007199254740993',
      reason: 'gap',
    });
  });
});

describe('ChainVerifier', () => {
  it('gives the same report whatever the batch boundaries', () => {
    const events = chain(10);
    events[6] = recompute({ ...events[6], content: 'forged' });
    for (const size of [1, 3, 7, 10]) {
      const verifier = new ChainVerifier();
      for (let i = 0; i < events.length; i += size) {
        if (!verifier.push(events.slice(i, i + size))) break;
      }
      expect(verifier.report()).toEqual(verifyChain(events));
    }
  });

  it('tells the caller to stop reading once the chain is broken', () => {
    const events = chain(4);
    events.splice(1, 1);
    const verifier = new ChainVerifier();
    expect(verifier.push(events.slice(0, 1))).toBe(true);
    expect(verifier.push(events.slice(1))).toBe(false);
    expect(verifier.report().checked).toBe(2);
  });
});
