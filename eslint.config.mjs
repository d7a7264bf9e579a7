import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'prisma/generated/**', 'coverage/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // The engine is pure TypeScript: no framework, database or HTTP types may leak into it.
    files: ['libs/policy-engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*'], message: 'The policy engine must not import NestJS.' },
            {
              group: ['@prisma/*', 'prisma', '**/prisma/generated/**'],
              message: 'The policy engine must not import Prisma.',
            },
            {
              group: [
                'fastify',
                '@fastify/*',
                'http',
                'node:http',
                'https',
                'node:https',
                'supertest',
                'graphql',
                '@apollo/*',
                'pg',
                '@electric-sql/*',
              ],
              message: 'The policy engine must not import HTTP, GraphQL or database libraries.',
            },
            { group: ['**/apps/**'], message: 'The policy engine must not import application code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/cli/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
