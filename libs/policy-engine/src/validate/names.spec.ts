import { describe, expect, it } from 'vitest';
import {
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelValueErrors,
  portNameErrors,
  portNumberErrors,
  qualifiedNameErrors,
} from './names';

const valid = (errors: string[]) => errors.length === 0;

describe('API server name rules', () => {
  it.each([
    ['web', true],
    ['web-1', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['Web', false],
    ['-web', false],
    ['web-', false],
    ['web.prod', false],
    ['', false],
  ])('namespace name (DNS-1123 label) %j valid: %s', (name, expected) => {
    expect(valid(dns1123LabelErrors(name))).toBe(expected);
  });

  it.each([
    ['web', true],
    ['web.prod.example', true],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, true],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, false],
    ['web..prod', false],
    ['web_1', false],
    ['.web', false],
  ])('object name (DNS-1123 subdomain) %j valid: %s', (name, expected) => {
    expect(valid(dns1123SubdomainErrors(name))).toBe(expected);
  });

  it.each([
    ['app', true],
    ['App_Name.v1', true],
    ['app.kubernetes.io/name', true],
    ['example.com/a', true],
    ['/name', false],
    ['Example.com/name', false],
    ['a/b/c', false],
    ['app.kubernetes.io/', false],
    ['_app', false],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    [`${'p'.repeat(253)}/name`, true],
    [`${'p'.repeat(254)}/name`, false],
  ])('label key (qualified name) %j valid: %s', (key, expected) => {
    expect(valid(qualifiedNameErrors(key))).toBe(expected);
  });

  it.each([
    ['', true],
    ['web', true],
    ['Web_1.x-y', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['-web', false],
    ['web.', false],
    ['a b', false],
  ])('label value %j valid: %s', (value, expected) => {
    expect(valid(labelValueErrors(value))).toBe(expected);
  });

  it.each([
    ['http', []],
    ['metrics-9090', []],
    ['h2c', []],
    ['a'.repeat(15), []],
    ['a'.repeat(16), ['must be no more than 15 characters']],
    [
      'HTTP',
      [
        'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'must contain at least one letter (a-z)',
      ],
    ],
    ['8080', ['must contain at least one letter (a-z)']],
    ['web--ui', ['must not contain consecutive hyphens']],
    ['-web', ['must not begin or end with a hyphen']],
    ['web-', ['must not begin or end with a hyphen']],
  ])('named port %j: %j', (name, errors) => {
    expect(portNameErrors(name)).toEqual(errors);
  });

  it.each([
    [0, false],
    [1, true],
    [65535, true],
    [65536, false],
  ])('port number %d valid: %s', (port, expected) => {
    expect(valid(portNumberErrors(port))).toBe(expected);
  });
});
