import { readFileSync } from 'node:fs';
import type { TypedDocumentNode } from '@apollo/client/core';
import { fileURLToPath } from 'node:url';
import {
  Kind,
  parse,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import {
  committeeMember,
  proposeAmendment,
  signUp,
  stewardToken,
  transition,
  type Account,
} from '../../testkit/factories/index.js';
import type { TestApp } from '../support/test-app.js';

/** The operations file every client test and the codegen check share. */
export const OPERATIONS_FILE = fileURLToPath(new URL('./operations.graphql', import.meta.url));

const operations = parse(readFileSync(OPERATIONS_FILE, 'utf8'));
const fragments = new Map(
  operations.definitions
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .map((d) => [d.name.value, d]),
);

/**
 * One named operation of operations.graphql with the fragments it spreads (and only those),
 * its result loosely typed, as the tests read it field by field.
 */
export function operation<Data = Record<string, any>>(
  name: string,
): TypedDocumentNode<Data, Record<string, unknown>> {
  const found = operations.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!found) throw new Error(`No operation ${name} in operations.graphql`);
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value)!;
        if (!used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(found);
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [found, ...used.values()] };
  return document;
}

/** A fetch that counts the HTTP requests a client library makes through it. */
export function countingFetch(): { fetch: typeof fetch; requests: () => number } {
  let requests = 0;
  return {
    fetch: (input, init) => {
      requests++;
      return fetch(input, init);
    },
    requests: () => requests,
  };
}

export interface VotingAmendment {
  number: number;
  steward: string;
  proposer: Account;
  committee: Account[];
}

/** An OSAID amendment open for voting, with committee members to vote on it. */
export async function votingAmendment(app: TestApp, voters = 3): Promise<VotingAmendment> {
  const steward = await stewardToken(app);
  const proposer = await signUp(app);
  const committee: Account[] = [];
  for (let i = 0; i < voters; i++) committee.push(await committeeMember(app, steward));
  const { number } = await proposeAmendment(app, proposer.token);
  await transition(app, steward, 'openVoting', number);
  return { number, steward, proposer, committee };
}
