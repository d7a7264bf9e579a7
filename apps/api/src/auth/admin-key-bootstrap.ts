import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { generateApiKey, keyPrefix } from './api-key-format';
import { ApiKeysRepository, type KeyGrant } from './api-keys.repository';

/** Where the first admin key is shown: one plain line, apart from the JSON logs (standard output by default). */
export const ADMIN_KEY_ANNOUNCER = Symbol('ADMIN_KEY_ANNOUNCER');
export type AdminKeyAnnouncer = (line: string) => void;

/** Writes a line to standard output, where the operator who started the service reads it. */
export const announceOnStdout: AdminKeyAnnouncer = (line) => {
  process.stdout.write(`${line}\n`);
};

const ADMIN: Omit<KeyGrant, 'name'> = { scopes: ['admin'], clusters: null, expiresAt: null };

/**
 * Makes sure that, with authentication on, someone can manage keys: the operator's declared admin key
 * (PODREACH_ADMIN_KEY) is stored, or else, when no live admin key exists, one is made and shown once.
 */
@Injectable()
export class AdminKeyBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminKeyBootstrap.name);

  constructor(
    private readonly keys: ApiKeysRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ADMIN_KEY_ANNOUNCER) private readonly announce: AdminKeyAnnouncer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAdminKey();
  }

  /** Stores the declared admin key, or creates and announces the first one when there is no live admin key. */
  async ensureAdminKey(now = new Date()): Promise<void> {
    const { enabled, adminKey } = this.config.auth;
    if (!enabled) return;
    if (adminKey !== undefined) {
      const record = await this.keys.createUnlessExists(adminKey, { name: 'PODREACH_ADMIN_KEY', ...ADMIN });
      if (record.revokedAt) {
        this.logger.warn(
          `PODREACH_ADMIN_KEY (key ${record.id}) was revoked and does not work: declare a new one`,
        );
      }
      return;
    }
    const key = generateApiKey();
    if (await this.keys.createIfNoActiveAdmin(key, { name: 'first admin key', ...ADMIN }, now)) {
      this.logger.log(
        `Created the first admin key (prefix ${keyPrefix(key)}); it is shown once on standard output`,
      );
      this.announce(`podreach admin key (shown once, keep it safe): ${key}`);
    }
  }
}
