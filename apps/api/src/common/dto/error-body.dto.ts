import { ApiProperty } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiProperty({ example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiProperty()
  message!: string;

  @ApiProperty({ description: 'e.g. `problems` for VALIDATION_FAILED, `limit` for LIMIT_EXCEEDED' })
  details!: Record<string, unknown>;
}

/** The one error shape of every response. */
export class ErrorBodyDto {
  @ApiProperty({ type: ErrorDetailDto })
  error!: ErrorDetailDto;
}
