import {
  Kind,
  astFromValue,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

type Variables = Record<string, unknown>;

/**
 * The variables with every input-object field the client left out that has a default
 * in the schema filled in, as the client would have written it; null when nothing was
 * missing. graphql-js does this while coercing variables, but graphql-jit (which
 * Mercurius switches to from a query text's second use) refuses a left-out non-null
 * field even when it has a default (`rationale: String! = ""`), so the same request
 * would work once and fail ever after. Filling the defaults in before either runs
 * makes both paths see the same input. Inline literals need nothing: both coerce
 * those with graphql-js' `valueFromAST`, which applies defaults.
 */
export function withInputDefaults(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Variables | undefined,
): Variables | null {
  if (!variables) return null;
  let filled: Variables | null = null;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const declared of definition.variableDefinitions ?? []) {
      const name = declared.variable.name.value;
      const type = typeFromAST(schema, declared.type) as GraphQLInputType | undefined;
      const value = (filled ?? variables)[name];
      if (!type || value === undefined || value === null) continue;
      const completed = complete(type, value);
      if (completed !== value) (filled ??= { ...variables })[name] = completed;
    }
  }
  return filled;
}

/** `value` with defaults filled in below it; the same object when none was missing. */
function complete(type: GraphQLInputType, value: unknown): unknown {
  if (isNonNullType(type)) return complete(type.ofType, value);
  if (isListType(type)) {
    // A single value stands for a list of one (input coercion); complete it in place.
    if (!Array.isArray(value)) return complete(type.ofType, value);
    let items: unknown[] | null = null;
    value.forEach((item, index) => {
      if (item === null || item === undefined) return;
      const completed = complete(type.ofType, item);
      if (completed !== item) (items ??= [...value])[index] = completed;
    });
    return items ?? value;
  }
  if (!isInputObjectType(type) || typeof value !== 'object' || value === null) return value;
  const fields = value as Record<string, unknown>;
  let result: Record<string, unknown> | null = null;
  for (const field of Object.values(type.getFields())) {
    const present = Object.prototype.hasOwnProperty.call(fields, field.name);
    if (!present) {
      if (field.defaultValue === undefined) continue;
      (result ??= { ...fields })[field.name] = externalValue(field.defaultValue, field.type);
    } else if (fields[field.name] !== null) {
      const completed = complete(field.type, fields[field.name]);
      if (completed !== fields[field.name]) (result ??= { ...fields })[field.name] = completed;
    }
  }
  return result ?? value;
}

/** A default as a client would send it: an enum by its name, an input object as JSON. */
function externalValue(internal: unknown, type: GraphQLInputType): unknown {
  const ast = astFromValue(internal, type);
  return ast ? valueFromASTUntyped(ast) : null;
}
