import { Global, Module } from '@nestjs/common';
import { ADMIN_KEY_ANNOUNCER, AdminKeyBootstrap, announceOnStdout } from './admin-key-bootstrap';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { KeysController } from './keys.controller';
import { PrincipalContext } from './principal-context';

/**
 * API keys and who is calling. Global, so that any service can ask PrincipalContext for the caller; the
 * authentication hook itself is registered on Fastify by configureApp (app-setup.ts).
 */
@Global()
@Module({
  controllers: [KeysController],
  providers: [
    ApiKeysRepository,
    ApiKeysService,
    ApiKeyAuthenticator,
    PrincipalContext,
    AdminKeyBootstrap,
    { provide: ADMIN_KEY_ANNOUNCER, useValue: announceOnStdout },
  ],
  exports: [PrincipalContext, ApiKeyAuthenticator],
})
export class AuthModule {}
