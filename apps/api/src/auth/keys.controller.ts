import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/dto/error-body.dto';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { parseKeyGrant } from './key-input';
import { toApiKey, toApiKeyListItem } from './key-views';

/** The admin API for API keys; every route needs an `admin` key for every cluster (route-access.ts). */
@ApiTags('keys')
@Controller('api/v1/keys')
@ApiResponse({
  status: 401,
  type: ErrorBodyDto,
  description: 'No key, or an unknown, revoked or expired one',
})
@ApiResponse({ status: 403, type: ErrorBodyDto, description: 'Not an admin key for every cluster' })
export class KeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the answer holds the key, which is never shown again' })
  @ApiBody({ type: CreateApiKeyDto })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: '`details.field` names the bad field' })
  async create(@Body() body: unknown): Promise<CreatedApiKeyDto> {
    const { record, key } = await this.keys.create(parseKeyGrant(body, new Date()));
    return { ...toApiKey(record), key };
  }

  @Get()
  @ApiOperation({ summary: 'Every API key, newest first, without the keys themselves' })
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(): Promise<ApiKeyListDto> {
    return { items: (await this.keys.list()).map(toApiKeyListItem) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key at once; it stays listed with `revokedAt`' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 404, type: ErrorBodyDto })
  async revoke(@Param('id') id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}
