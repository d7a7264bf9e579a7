import { NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { EngineError, ValidationError } from '@podreach/policy-engine';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { toErrorResponse } from './error-response';

const problem = { document: 'body', kind: 'Pod', name: 'p', path: 'metadata.name', message: 'invalid' };

describe('toErrorResponse', () => {
  it.each([
    { error: new EngineError('PARSE_ERROR', 'bad'), status: 400, code: 'PARSE_ERROR' },
    { error: new ValidationError([problem]), status: 422, code: 'VALIDATION_FAILED' },
    { error: new EngineError('LIMIT_EXCEEDED', 'big'), status: 413, code: 'LIMIT_EXCEEDED' },
    { error: new EngineError('NOT_FOUND', 'gone'), status: 404, code: 'NOT_FOUND' },
    { error: new EngineError('BAD_USER_INPUT', 'no'), status: 400, code: 'BAD_USER_INPUT' },
    { error: new EngineError('AMBIGUOUS', 'which?'), status: 400, code: 'AMBIGUOUS' },
    { error: new ApiError('CONFLICT', 'reused'), status: 409, code: 'CONFLICT' },
    { error: new NotFoundException('Cannot GET /x'), status: 404, code: 'NOT_FOUND' },
    { error: new ServiceUnavailableException({ status: 'error' }), status: 503, code: 'UNAVAILABLE' },
  ])('$code is $status', ({ error, status, code }) => {
    const response = toErrorResponse(error);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.cause).toBeUndefined();
  });

  it('keeps the details of domain errors: every validation problem with its path', () => {
    expect(toErrorResponse(new ValidationError([problem])).body.error.details).toEqual({
      problems: [problem],
    });
  });

  it('answers anything unexpected with 500 INTERNAL, keeping the cause for the log only', () => {
    const cause = new Error('connection refused to postgres://admin:hunter2@db');
    const response = toErrorResponse(cause);
    expect(response).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'Internal server error', details: {} } },
      cause,
    });
  });
});
