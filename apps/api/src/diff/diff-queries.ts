import { applyDecorators } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { CONNECTIVITY_FORMATS, CONTENT_TYPES } from '@podreach/policy-engine';
import { ErrorBodyDto } from '../common/dto/error-body.dto';
import { ApiOptionsQuery } from '../reachability/rest-queries';

/** OpenAPI of `format` and `ipBlockMatchesPods` of a diff route, what it produces and its common errors. */
export function ApiDiffQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'format',
      required: false,
      enum: CONNECTIVITY_FORMATS,
      schema: { default: 'json' },
      description: '`md` is ready to post as a pull-request comment (first line `<!-- podreach-diff -->`)',
    }),
    ApiOptionsQuery(),
    ApiProduces(...new Set(Object.values(CONTENT_TYPES))),
    ApiResponse({ status: 400, type: ErrorBodyDto, description: 'Bad format or option' }),
    ApiResponse({ status: 404, type: ErrorBodyDto, description: 'Unknown snapshot' }),
  );
}
