import { tally, type TallyVote } from './tally.js';

const policy = { quorum: 0.5, approvalThreshold: 2 / 3 };
const votes = (...choices: Array<TallyVote['choice']>): TallyVote[] =>
  choices.map((choice) => ({ choice, revision: 1 }));

describe('tally', () => {
  it('passes with quorum, two thirds approving and no open concern', () => {
    const result = tally(
      votes('APPROVE', 'APPROVE', 'APPROVE', 'APPROVE', 'REJECT'),
      1,
      7,
      0,
      policy,
    );
    expect(result).toMatchObject({ approve: 4, reject: 1, quorumMet: true, passed: true });
    expect(result.reasons.at(-1)).toBe('The amendment passes.');
  });

  it('needs more than half of the eligible voters to take part, recusals excluded', () => {
    const result = tally(votes('APPROVE', 'APPROVE', 'RECUSE', 'RECUSE'), 1, 4, 0, policy);
    expect(result).toMatchObject({ recused: 2, quorumMet: false, passed: false });
    expect(result.reasons[0]).toBe(
      'No quorum: 2 of 4 eligible voters took part; 3 needed (more than 50%).',
    );
  });

  it('counts exactly two thirds as passing and less as failing', () => {
    expect(tally(votes('APPROVE', 'APPROVE', 'REJECT'), 1, 3, 0, policy).passed).toBe(true);
    expect(tally(votes('APPROVE', 'REJECT', 'REJECT'), 1, 3, 0, policy).passed).toBe(false);
  });

  it('leaves abstentions out of the threshold but in the quorum', () => {
    const result = tally(votes('APPROVE', 'ABSTAIN', 'ABSTAIN'), 1, 5, 0, policy);
    expect(result).toMatchObject({ quorumMet: true, passed: true, abstain: 2 });
  });

  it('does not count votes cast on an earlier revision', () => {
    const result = tally(
      [...votes('APPROVE', 'APPROVE'), { choice: 'APPROVE', revision: 2 }],
      2,
      3,
      0,
      policy,
    );
    expect(result).toMatchObject({ approve: 1, stale: 2, quorumMet: false, passed: false });
    expect(result.reasons.join(' ')).toMatch(/2 vote\(s\) were cast on an earlier revision/);
  });

  it('is blocked by an open concern', () => {
    const result = tally(votes('APPROVE', 'APPROVE', 'APPROVE'), 1, 3, 1, policy);
    expect(result).toMatchObject({ quorumMet: true, passed: false });
    expect(result.reasons).toContain('1 blocking concern(s) remain open.');
  });

  it('does not pass without any decisive vote or any eligible voter', () => {
    expect(tally(votes('ABSTAIN', 'ABSTAIN'), 1, 2, 0, policy).passed).toBe(false);
    expect(tally([], 1, 0, 0, policy)).toMatchObject({ quorumMet: false, passed: false });
  });
});
