import { AppError } from '../common/errors/app-error.js';
import { AMENDMENT_STATUSES } from './amendment.entity.js';
import { TRANSITIONS, transition, type AmendmentAction } from './amendment-state.js';

describe('transition', () => {
  it('walks the happy path DRAFT → OPEN → VOTING → ACCEPTED → MERGED', () => {
    expect(transition('DRAFT', 'openComments')).toBe('OPEN');
    expect(transition('OPEN', 'openVoting')).toBe('VOTING');
    expect(transition('VOTING', 'accept')).toBe('ACCEPTED');
    expect(transition('ACCEPTED', 'merge')).toBe('MERGED');
  });

  it('allows withdrawal only from DRAFT or OPEN', () => {
    expect(transition('OPEN', 'withdraw')).toBe('WITHDRAWN');
    expect(() => transition('VOTING', 'withdraw')).toThrow(
      /VOTING cannot be withdrawn \(only from DRAFT or OPEN\)/,
    );
  });

  it('refuses every action outside its allowed states with a CONFLICT naming both states', () => {
    for (const action of Object.keys(TRANSITIONS) as AmendmentAction[]) {
      for (const status of AMENDMENT_STATUSES) {
        const allowed = (TRANSITIONS[action].from as readonly string[]).includes(status);
        if (allowed) continue;
        try {
          transition(status, action);
          throw new Error(`${action} from ${status} should be refused`);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('CONFLICT');
          expect((error as AppError).message).toContain(status);
        }
      }
    }
  });

  it('keeps the status for actions that do not move it', () => {
    expect(transition('VOTING', 'vote')).toBe('VOTING');
    expect(transition('OPEN', 'comment')).toBe('OPEN');
  });

  it('never leaves a final state', () => {
    for (const final of ['REJECTED', 'WITHDRAWN', 'MERGED'] as const) {
      for (const action of Object.keys(TRANSITIONS) as AmendmentAction[]) {
        expect(() => transition(final, action)).toThrow();
      }
    }
  });
});
