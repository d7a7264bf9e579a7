import { childPath } from './field-path';
import {
  objectElements,
  readArray,
  readBoolean,
  readInteger,
  readString,
  requireField,
  type JsonObject,
} from './json-shape';
import { portNameErrors, portNumberErrors } from './names';
import type { ReportProblem } from './problem-report';

const PROTOCOL_NAMES = ['TCP', 'UDP', 'SCTP'];

/** Reports a protocol that is not TCP, UDP or SCTP (the values are case-sensitive, as in the API). */
export function validateProtocol(value: string, path: string, report: ReportProblem): void {
  if (!PROTOCOL_NAMES.includes(value)) {
    report(path, `Unsupported value: ${JSON.stringify(value)}: supported values: "TCP", "UDP", "SCTP"`);
  }
}

/**
 * The parts of a pod spec (a pod's or a workload template's) that podreach keeps: `hostNetwork`,
 * `nodeName`, and each container's `ports` (containerPort 1-65535, optional IANA_SVC_NAME `name`
 * unique within the container, protocol TCP/UDP/SCTP).
 */
export function validatePodSpec(spec: JsonObject, path: string, report: ReportProblem): void {
  readBoolean(spec, 'hostNetwork', path, report);
  readString(spec, 'nodeName', path, report);
  const containers = readArray(spec, 'containers', path, report);
  if (!containers) return;
  for (const { item, path: containerPath } of objectElements(
    containers,
    childPath(path, 'containers'),
    report,
  )) {
    validateContainerPorts(item, containerPath, report);
  }
}

function validateContainerPorts(container: JsonObject, path: string, report: ReportProblem): void {
  const ports = readArray(container, 'ports', path, report);
  if (!ports) return;
  const names = new Set<string>();
  for (const { item, path: portPath } of objectElements(ports, childPath(path, 'ports'), report)) {
    if (requireField(item, 'containerPort', portPath, report)) {
      const port = readInteger(item, 'containerPort', portPath, report);
      if (port !== undefined) {
        for (const message of portNumberErrors(port)) report(childPath(portPath, 'containerPort'), message);
      }
    }
    const hostPort = readInteger(item, 'hostPort', portPath, report);
    if (hostPort !== undefined && hostPort !== 0) {
      for (const message of portNumberErrors(hostPort)) report(childPath(portPath, 'hostPort'), message);
    }
    const name = readString(item, 'name', portPath, report);
    if (name) {
      for (const message of portNameErrors(name)) report(childPath(portPath, 'name'), message);
      if (names.has(name)) report(childPath(portPath, 'name'), `Duplicate value: ${JSON.stringify(name)}`);
      names.add(name);
    }
    const protocol = readString(item, 'protocol', portPath, report);
    if (protocol !== undefined) validateProtocol(protocol, childPath(portPath, 'protocol'), report);
  }
}
