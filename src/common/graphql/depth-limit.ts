import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { ErrorCode } from '../errors/app-error.js';

/**
 * Fields nested deeper than `max` are refused before anything runs, counted as
 * Mercurius counts them (`{ a { b } }` is two deep). With `allowIntrospection`, an
 * operation that selects only introspection fields (`__schema`, `__type`) is not
 * limited here: the in-browser IDE's schema query is fifteen deep. Mercurius'
 * own `queryDepth`, set higher, still bounds every operation.
 */
export function depthLimit(max: number, allowIntrospection: boolean) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }
    // Shared by the document's operations: a fragment's depth does not depend on where it is spread.
    const known = new Map<string, number>();
    return {
      OperationDefinition(operation: OperationDefinitionNode) {
        if (allowIntrospection && isIntrospectionOnly(operation)) return;
        const depth = depthOf(operation.selectionSet, fragments, known);
        if (depth <= max) return;
        const name = operation.name?.value ?? 'unnamedQuery';
        context.reportError(
          new GraphQLError(
            `${name} query depth (${depth}) exceeds the query depth limit of ${max}`,
            {
              nodes: [operation],
              extensions: {
                code: 'QUERY_TOO_COMPLEX' satisfies ErrorCode,
                reason: 'DEPTH_LIMIT',
                maxDepth: max,
              },
            },
          ),
        );
      },
    };
  };
}

/** True when every root field of the operation is an introspection field. */
export function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
  );
}

/**
 * The depth of a selection set, each fragment's depth computed once and remembered
 * in `known`: walking a fragment again at every spread made a chain of fragments that
 * each spread the previous one twice cost 2^n steps (a 1 KB query took seconds).
 */
function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  known: Map<string, number>,
  visiting = new Set<string>(),
): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, known, visiting));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, known, visiting));
    } else {
      const name = selection.name.value;
      let depth = known.get(name);
      if (depth === undefined) {
        const fragment = fragments.get(name);
        // A cycle is reported by graphql-js' own rules; it must not loop here.
        if (!fragment || visiting.has(name)) continue;
        visiting.add(name);
        depth = depthOf(fragment.selectionSet, fragments, known, visiting);
        visiting.delete(name);
        known.set(name, depth);
      }
      deepest = Math.max(deepest, depth);
    }
  }
  return deepest;
}
