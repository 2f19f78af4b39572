import WebSocket from 'ws';
import type { GraphQLError } from '../../testkit/graphql-client.js';

export interface SubscriptionResult<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

export interface Subscription<T> {
  /** The next result the server sends; rejects on an `error` message or after `timeoutMs`. */
  next(timeoutMs?: number): Promise<SubscriptionResult<T>>;
  /** The errors of an `error` message: the server refused the subscription. */
  refused(timeoutMs?: number): Promise<GraphQLError[]>;
  close(): Promise<void>;
}

type Message =
  | { type: 'next'; id: string; payload: SubscriptionResult<unknown> }
  | { type: 'error'; id: string; payload: GraphQLError[] }
  | { type: 'connection_ack' | 'complete' | 'ping' | 'pong'; id?: string };

/**
 * One GraphQL subscription over a WebSocket, speaking graphql-transport-ws as a
 * browser client (graphql-ws) does: connection_init with the token as its
 * payload, then subscribe. Every message is kept, so none is lost between calls.
 */
export async function subscribe<T = Record<string, any>>(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<Subscription<T>> {
  const socket = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const inbox: Message[] = [];
  let wake: (() => void) | null = null;
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as Message;
    if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
    else inbox.push(message);
    wake?.();
  });
  socket.on('close', () => wake?.());

  const take = async (timeoutMs: number): Promise<Message> => {
    const deadline = Date.now() + timeoutMs;
    while (inbox.length === 0) {
      if (socket.readyState === WebSocket.CLOSED) throw new Error('The socket closed');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No message within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
    return inbox.shift()!;
  };

  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.send(
    JSON.stringify({
      type: 'connection_init',
      payload: token ? { authorization: `Bearer ${token}` } : {},
    }),
  );
  const ack = await take(5_000);
  if (ack.type !== 'connection_ack')
    throw new Error(`Expected connection_ack: ${JSON.stringify(ack)}`);
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));

  return {
    async next(timeoutMs = 5_000) {
      const message = await take(timeoutMs);
      if (message.type === 'next') return message.payload as SubscriptionResult<T>;
      throw new Error(`Expected a result: ${JSON.stringify(message)}`);
    },
    async refused(timeoutMs = 5_000) {
      const message = await take(timeoutMs);
      if (message.type === 'error') return message.payload;
      throw new Error(`Expected an error: ${JSON.stringify(message)}`);
    },
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      const closed = new Promise((resolve) => socket.once('close', resolve));
      socket.close(1000);
      await closed;
    },
  };
}
