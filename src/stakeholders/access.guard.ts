import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ACCESS_KEY, type Access } from '../common/auth/decorators.js';
import { hasRole } from '../common/auth/principal.js';
import { forbidden, unauthenticated } from '../common/errors/app-error.js';
import type { RequestContext } from '../common/graphql/request-context.js';
import { PrincipalService } from './principal.service.js';

/**
 * The global guard. It establishes the caller once per request (a bad token is
 * UNAUTHENTICATED even on a public read, never silently anonymous), then checks
 * the operation's declared access. An operation that declares none is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly principals: PrincipalService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    // Several root fields of one request share one look-up.
    ctx.principalLookup ??= this.principals.fromAuthorization(ctx.req.headers.authorization);
    ctx.principal = await ctx.principalLookup;

    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access)
      throw forbidden('NO_ACCESS_RULE', 'This operation declares no access rule and is refused');
    if (access.kind === 'public') return true;
    if (!ctx.principal) throw unauthenticated('SIGN_IN_REQUIRED', 'Sign in to do this');
    if (access.kind === 'role' && !hasRole(ctx.principal, access.role)) {
      throw forbidden('ROLE_REQUIRED', `This needs the ${access.role} role`, { role: access.role });
    }
    return true;
  }
}
