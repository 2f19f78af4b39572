import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from './principal.js';
import type { RequestContext } from '../graphql/request-context.js';

export const ACCESS_KEY = 'redline:access';

/**
 * What an operation requires. Every query and mutation must declare one; the
 * global guard refuses any that does not (deny by default).
 */
export type Access = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'role'; role: Role };

/** Anyone, signed in or not (reads). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);

/** Any signed-in stakeholder. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, { kind: 'signed-in' } satisfies Access);

/** Holders of `role` or a role that implies it. */
export const RequireRole = (role: Role) =>
  SetMetadata(ACCESS_KEY, { kind: 'role', role } satisfies Access);

/** The caller's principal (null when anonymous); identity always comes from the token, never from input. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    GqlExecutionContext.create(context).getContext<RequestContext>().principal ?? null,
);
