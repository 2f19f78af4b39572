/**
 * What travels on the event bus: one change to one amendment. Only ids and
 * states, never bodies — PostgreSQL refuses a NOTIFY payload of 8000 bytes or
 * more, and a subscriber reads whatever else it wants through the API.
 */
export interface AmendmentEventPayload {
  /** The definition's slug. */
  definition: string;
  /** The amendment's number within its definition. */
  number: number;
  amendmentId: string;
  /** e.g. `amendment.opened`, `comment.added`, `vote.cast`. */
  action: string;
  fromState: string | null;
  toState: string | null;
  actorId: string | null;
  /** ISO 8601. */
  at: string;
}

/** The PostgreSQL channel every Redline process LISTENs on. */
export const EVENTS_CHANNEL = 'redline_events';

/** PostgreSQL's limit on a NOTIFY payload is 8000 bytes in the default build. */
export const MAX_PAYLOAD_BYTES = 7999;

/** The Mercurius pubsub topic of one amendment's subscribers. */
export const amendmentTopic = (definition: string, number: number) =>
  `amendment:${definition}:${number}`;

const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';

/**
 * The payload of a notification, or null when it is not one: anything can NOTIFY
 * on the channel (psql, an older node during a rolling deploy), and a malformed
 * event must not reach subscribers.
 */
export function parseAmendmentEvent(text: string): AmendmentEventPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Record<string, unknown>;
  const valid =
    typeof event.definition === 'string' &&
    Number.isInteger(event.number) &&
    typeof event.amendmentId === 'string' &&
    typeof event.action === 'string' &&
    isStringOrNull(event.fromState) &&
    isStringOrNull(event.toState) &&
    isStringOrNull(event.actorId) &&
    typeof event.at === 'string' &&
    !Number.isNaN(Date.parse(event.at));
  return valid ? (event as unknown as AmendmentEventPayload) : null;
}
