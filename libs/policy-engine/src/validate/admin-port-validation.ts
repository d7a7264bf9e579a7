import { childPath } from './field-path';
import { readInteger, readObject, readString, requireField, type JsonObject } from './json-shape';
import { validateOneOf } from './admin-peer-validation';
import { portNumberErrors } from './names';
import { validateProtocol } from './pod-spec-validation';
import type { ReportProblem } from './problem-report';

/**
 * One v1alpha1 `ports` entry: exactly one of `portNumber` (protocol + port), `portRange`
 * (protocol + start < end) or `namedPort`. Returns whether it is a named port.
 */
export function validateAdminPort(port: JsonObject, path: string, report: ReportProblem): boolean {
  const field = validateOneOf(port, ['portNumber', 'portRange', 'namedPort'], path, report);
  if (field === undefined) return false;
  const fieldPath = childPath(path, field);
  if (field === 'namedPort') {
    const name = readString(port, 'namedPort', path, report);
    if (name === '') report(fieldPath, 'must not be empty');
    return true;
  }
  const value = readObject(port, field, path, report);
  if (!value) return false;
  const protocol = readString(value, 'protocol', fieldPath, report);
  if (protocol !== undefined) validateProtocol(protocol, childPath(fieldPath, 'protocol'), report);
  if (field === 'portNumber') validatePortField(value, 'port', fieldPath, report);
  else validateRange(value, fieldPath, report);
  return false;
}

/**
 * One v1alpha2 `protocols` entry: exactly one of `tcp`, `udp`, `sctp` (each with a `destinationPort`
 * of exactly one of `number` or `range`) or `destinationNamedPort`. Returns whether it is a named port.
 */
export function validateProtocolMatch(match: JsonObject, path: string, report: ReportProblem): boolean {
  const field = validateOneOf(match, ['tcp', 'udp', 'sctp', 'destinationNamedPort'], path, report);
  if (field === undefined) return false;
  const fieldPath = childPath(path, field);
  if (field === 'destinationNamedPort') {
    const name = readString(match, field, path, report);
    if (name === '') report(fieldPath, 'must not be empty');
    return true;
  }
  const protocol = readObject(match, field, path, report);
  if (!protocol || !requireField(protocol, 'destinationPort', fieldPath, report)) return false;
  const destination = readObject(protocol, 'destinationPort', fieldPath, report);
  const destinationPath = childPath(fieldPath, 'destinationPort');
  const kind = destination && validateOneOf(destination, ['number', 'range'], destinationPath, report);
  if (kind === 'number') validatePortField(destination!, 'number', destinationPath, report);
  if (kind === 'range') {
    const range = readObject(destination!, 'range', destinationPath, report);
    if (range) validateRange(range, childPath(destinationPath, 'range'), report);
  }
  return false;
}

function validatePortField(
  value: JsonObject,
  field: string,
  path: string,
  report: ReportProblem,
): number | undefined {
  if (!requireField(value, field, path, report)) return undefined;
  const port = readInteger(value, field, path, report);
  if (port === undefined) return undefined;
  const errors = portNumberErrors(port);
  for (const message of errors) report(childPath(path, field), message);
  return errors.length === 0 ? port : undefined;
}

function validateRange(range: JsonObject, path: string, report: ReportProblem): void {
  const start = validatePortField(range, 'start', path, report);
  const end = validatePortField(range, 'end', path, report);
  if (start !== undefined && end !== undefined && start >= end) {
    report(path, `start port (${start}) must be less than end port (${end})`);
  }
}
