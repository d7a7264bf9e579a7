import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCOPES } from '../principal';

const SCOPE_DESCRIPTION = '`admin` implies `write`, which implies `read`';
const CLUSTERS_DESCRIPTION = 'The clusters the key may see; null for every cluster';

/** The body of `POST /api/v1/keys`. */
export class CreateApiKeyDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'ci upload for prod' })
  name!: string;

  @ApiProperty({
    enum: SCOPES,
    isArray: true,
    minItems: 1,
    description: SCOPE_DESCRIPTION,
    example: ['write'],
  })
  scopes!: string[];

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    description: CLUSTERS_DESCRIPTION,
    example: ['prod'],
  })
  clusters?: string[] | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, description: 'In the future; absent: never' })
  expiresAt?: string | null;
}

/** A key as lists show it: never the key itself, nor its hash. */
export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({
    description: 'The first 8 characters after `prk_`, to tell keys apart',
    example: 'Xq3vT0aB',
  })
  prefix!: string;

  @ApiProperty({ enum: SCOPES, isArray: true, description: SCOPE_DESCRIPTION })
  scopes!: string[];

  @ApiProperty({ type: [String], nullable: true, description: CLUSTERS_DESCRIPTION })
  clusters!: string[] | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true })
  expiresAt!: string | null;
}

/** What creating a key answers: the key, this once. */
export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key: shown only now, store it', example: 'prk_…' })
  key!: string;
}

/** A key in the list, with its state. */
export class ApiKeyListItemDto extends ApiKeyDto {
  @ApiProperty({ format: 'date-time', nullable: true })
  revokedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, description: 'Written at most once a minute' })
  lastUsedAt!: string | null;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyListItemDto], description: 'Newest first' })
  items!: ApiKeyListItemDto[];
}
