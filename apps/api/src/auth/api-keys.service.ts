import { Injectable } from '@nestjs/common';
import { EngineError } from '@podreach/policy-engine';
import { ApiError } from '../common/api-error';
import { generateApiKey } from './api-key-format';
import { ApiKeysRepository, type ApiKeyRecord, type KeyGrant } from './api-keys.repository';
import { PrincipalContext } from './principal-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A key as it is created: its record, and the key itself, which is never available again. */
export interface CreatedKey {
  record: ApiKeyRecord;
  key: string;
}

/** Creating, listing and revoking API keys: the admin API's logic. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly principals: PrincipalContext,
  ) {}

  /** Makes a key with `grant`; the caller must show `key` to the user now, for it is stored only hashed. */
  async create(grant: KeyGrant): Promise<CreatedKey> {
    this.assertManagesKeys();
    const key = generateApiKey();
    return { record: await this.keys.create(key, grant), key };
  }

  /** Every key, newest first, revoked and expired ones included. */
  list(): Promise<ApiKeyRecord[]> {
    this.assertManagesKeys();
    return this.keys.list();
  }

  /** Revokes a key at once, keeping its row; NOT_FOUND when there is no such key. */
  async revoke(id: string, now = new Date()): Promise<void> {
    this.assertManagesKeys();
    if (!UUID.test(id) || !(await this.keys.revoke(id, now))) {
      throw new EngineError('NOT_FOUND', `API key ${id} does not exist`, { id });
    }
  }

  /**
   * Managing keys takes an admin key for every cluster: an admin limited to some clusters could otherwise
   * make itself a key for all of them.
   */
  private assertManagesKeys(): void {
    if (this.principals.visibleClusters() !== null) {
      throw new ApiError(
        'FORBIDDEN',
        'Managing API keys takes an admin key that is not limited to clusters',
        {
          required: 'admin',
        },
      );
    }
  }
}
