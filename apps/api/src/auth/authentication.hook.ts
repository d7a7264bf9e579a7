import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, type ApiErrorCode } from '../common/api-error';
import { toErrorResponse } from '../common/error-response';
import type { AuthConfig } from './auth-config';
import type { ApiKeyAuthenticator, AuthenticationProblem } from './api-key-authenticator';
import { LOCAL_PRINCIPAL, type Scope } from './principal';
import type { PrincipalContext } from './principal-context';
import { routeAccess } from './route-access';

const REALM = 'realm="podreach"';

const PROBLEM_MESSAGES: Record<AuthenticationProblem, string> = {
  missing: 'An API key is required: send Authorization: Bearer <key>',
  malformed: 'The Authorization header does not hold an API key',
  unknown: 'The API key is not valid',
  revoked: 'The API key was revoked',
  expired: 'The API key has expired',
};

/**
 * Sends a refusal in the shape the route's clients read: GraphQL clients look for `errors`, everyone else
 * for the service's one error shape. `challenge` is the RFC 6750 WWW-Authenticate value.
 */
function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  error: ApiError,
  challenge: string,
): FastifyReply {
  const { status, body } = toErrorResponse(error);
  const graphql = request.routeOptions.url === '/graphql';
  const payload = graphql
    ? { errors: [{ message: error.message, extensions: { code: error.code, details: error.details } }] }
    : body;
  return reply.status(status).header('www-authenticate', challenge).send(payload);
}

function unauthenticated(problem: AuthenticationProblem): [ApiError, string] {
  const code: ApiErrorCode = 'UNAUTHENTICATED';
  // A request without a key gets the bare challenge; a key that does not work is an invalid_token.
  const challenge = problem === 'missing' ? `Bearer ${REALM}` : `Bearer ${REALM}, error="invalid_token"`;
  return [new ApiError(code, PROBLEM_MESSAGES[problem], { reason: problem }), challenge];
}

function forbidden(scope: Scope): [ApiError, string] {
  return [
    new ApiError('FORBIDDEN', `This API key lacks the ${scope} scope`, { required: scope }),
    `Bearer ${REALM}, error="insufficient_scope", scope="${scope}"`,
  ];
}

/**
 * Authenticates every request as it arrives, before its body is read: a key is looked up, checked against
 * the route's scope (route-access.ts) and attached as `request.principal`; missing or dead keys get 401,
 * keys without the scope 403. The route's handler then runs inside the principal's context, where
 * SnapshotsService applies the key's cluster scope. In local mode every request is the local principal.
 */
export function registerAuthentication(
  instance: FastifyInstance,
  config: AuthConfig,
  authenticator: ApiKeyAuthenticator,
  principals: PrincipalContext,
): void {
  instance.addHook('onRequest', async (request, reply) => {
    if (!config.enabled) {
      request.principal = LOCAL_PRINCIPAL;
      return;
    }
    const access = routeAccess(request.method, request.routeOptions.url, config.metricsPublic);
    if (access.public) return;
    const authentication = await authenticator.authenticate(request.headers.authorization);
    if ('problem' in authentication) {
      return refuse(request, reply, ...unauthenticated(authentication.problem));
    }
    if (!authentication.principal.scopes.has(access.scope)) {
      return refuse(request, reply, ...forbidden(access.scope));
    }
    request.principal = authentication.principal;
  });
  // Body parsing is over by now; everything the handler does, however far it awaits, sees the principal.
  instance.addHook('preHandler', (request, _reply, done) => {
    if (request.principal === undefined) done();
    else principals.run(request.principal, done);
  });
}
