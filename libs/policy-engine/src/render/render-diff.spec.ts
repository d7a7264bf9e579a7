/**
 * Golden-file tests of the diff renderers: every format of every handcrafted answer below is compared with
 * `golden/diff-<answer>.golden.<format>`, byte for byte. Regenerate after an intended change with
 *
 *   UPDATE_GOLDEN=1 npx vitest run libs/policy-engine/src/render
 *
 * and review the changes of golden/ like any other code change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeCause, ConnectivityChange, DiffAnswer } from '../diff/diff-answer';
import { EngineError } from '../errors';
import type { ConnectionSetJson, Peer } from '../evaluate/answers';
import { diffDocument } from './diff-json.formatter';
import { DIFF_MARKER } from './diff-md.formatter';
import { CONNECTIVITY_FORMATS } from './formats';
import { renderDiff, type DiffFormat } from './render-diff';

const GOLDEN = join(__dirname, 'golden');

const workload = (namespace: string, name: string, kind: string): Peer => ({
  type: 'workload',
  namespace,
  name,
  kind,
});
const range = (start: string, end: string): Peer => ({ type: 'ipRange', start, end });
const ALL: ConnectionSetJson = { all: true, text: 'All Connections' };
const tcp = (port: number): ConnectionSetJson => ({
  all: false,
  protocols: { TCP: [[port, port]] },
  text: `TCP ${port}`,
});

const api = workload('shop', 'api', 'Deployment');
const db = workload('shop', 'db', 'StatefulSet');
const frontend = workload('web', 'frontend', 'Deployment');
/** Kubernetes forbids this name; the renderers must still keep it from breaking any format. */
const odd = workload('we"ird,ns|*_', 'x`y', 'Pod');

const isolation = (name: string, text: string): ChangeCause => ({
  kind: 'isolation',
  direction: 'ingress',
  policy: { kind: 'NetworkPolicy', namespace: 'shop', name },
  change: 'added',
  detail: `shop/${name} (added) ${text}`,
});
const allowHttps: ChangeCause = {
  kind: 'policy',
  direction: 'ingress',
  policy: { kind: 'NetworkPolicy', namespace: 'web', name: 'allow-https' },
  change: 'added',
  detail: 'web/allow-https (added) now allows ingress of web/frontend[Deployment]',
};

const REVIEW: DiffAnswer = {
  schemaVersion: 1,
  base: { id: 'snap-1', label: 'main' },
  head: { id: 'snap-2', label: 'pr-7' },
  whatIf: false,
  options: { ipBlockMatchesPods: false },
  complete: true,
  summary: { added: 2, removed: 2, changed: 1, policiesChanged: 2 },
  connectivity: [
    {
      type: 'added',
      src: range('0.0.0.0', '9.255.255.255'),
      dst: frontend,
      before: null,
      after: tcp(443),
      exposure: 'public',
      causedBy: [allowHttps],
    },
    {
      type: 'added',
      src: odd,
      dst: frontend,
      before: null,
      after: ALL,
      workloadChange: { src: 'added' },
      causedBy: [
        {
          kind: 'workload',
          change: 'added',
          object: { kind: 'Pod', namespace: 'we"ird,ns|*_', name: 'x`y' },
          detail: 'workload we"ird,ns|*_/x`y[Pod] was added',
        },
      ],
    },
    {
      type: 'changed',
      src: api,
      dst: db,
      before: ALL,
      after: tcp(5432),
      causedBy: [isolation('db-only-api', 'now isolates ingress of shop/db[StatefulSet]')],
    },
    {
      type: 'removed',
      src: frontend,
      dst: api,
      before: tcp(8080),
      after: null,
      causedBy: [
        isolation('deny-all', 'now isolates ingress of shop/api[Deployment]'),
        {
          kind: 'labels',
          change: 'modified',
          object: { kind: 'Namespace', name: 'web' },
          fields: ['labels.team'],
          detail: 'labels of namespace web changed: labels.team',
        },
      ],
    },
    { type: 'removed', src: frontend, dst: db, before: tcp(5432), after: null, causedBy: [] },
  ],
  workloads: { added: [odd], removed: [] },
  policies: [
    { kind: 'NetworkPolicy', namespace: 'shop', name: 'deny-all', change: 'added', fields: [] },
    {
      kind: 'NetworkPolicy',
      namespace: 'web',
      name: 'allow-https',
      change: 'modified',
      fields: [
        { path: 'spec.ingress[1]', before: null, after: { from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] } },
        { path: 'spec.podSelector.matchLabels["app.kubernetes.io/name"]', before: 'web', after: null },
      ],
    },
  ],
  labels: [
    {
      kind: 'Namespace',
      name: 'web',
      change: 'modified',
      fields: [{ path: 'labels.team', before: 'web', after: 'edge' }],
    },
  ],
};

const ANSWERS: Record<string, DiffAnswer> = {
  review: REVIEW,
  // A what-if that changes nothing, about an incomplete snapshot.
  'what-if-empty': {
    ...REVIEW,
    head: null,
    whatIf: true,
    options: { ipBlockMatchesPods: true },
    complete: false,
    incompleteReasons: ['CiliumNetworkPolicy kube-system/l7 is not evaluated'],
    summary: { added: 0, removed: 0, changed: 0, policiesChanged: 0 },
    connectivity: [],
    workloads: { added: [], removed: [] },
    policies: [],
    labels: [],
  },
};

const render = (answer: DiffAnswer, format: DiffFormat, context = {}) =>
  [...renderDiff(answer, format, context)].join('');

/** A diff of `count` removed connections, the first `exposed` of them exposures. */
function manyChanges(count: number, exposed = 0): DiffAnswer {
  const connectivity: ConnectivityChange[] = Array.from({ length: count }, (_, i) => ({
    type: 'removed',
    src: workload('load', `client-${String(i).padStart(5, '0')}`, 'Deployment'),
    dst: api,
    before: tcp(8080),
    after: null,
    ...(i < exposed && { exposure: 'allNamespaces' as const }),
    causedBy: [isolation('deny-all', 'now isolates ingress of shop/api[Deployment]')],
  }));
  return { ...REVIEW, summary: { ...REVIEW.summary, removed: count }, connectivity };
}

describe('renderDiff', () => {
  const cases = Object.keys(ANSWERS).flatMap((name) =>
    CONNECTIVITY_FORMATS.map((format) => ({ name, format })),
  );

  it.each(cases)('renders $name as $format like its golden file', ({ name, format }) => {
    const file = join(GOLDEN, `diff-${name}.golden.${format}`);
    const output = render(ANSWERS[name], format);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, output);
    expect(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(output).toBe(readFileSync(file, 'utf8'));
  });

  it.each(Object.keys(ANSWERS))('streams JSON of %s equal to JSON.stringify of the document', (name) => {
    expect(render(ANSWERS[name], 'json')).toBe(JSON.stringify(diffDocument(ANSWERS[name])));
    expect(JSON.parse(render(ANSWERS[name], 'json'))).toEqual(ANSWERS[name]);
  });

  it('starts the Markdown with the marker a bot looks for', () => {
    expect(render(REVIEW, 'md').split('\n')[0]).toBe(DIFF_MARKER);
  });

  it('folds a long table but keeps its exposures in sight', () => {
    const md = render(manyChanges(30, 2), 'md');
    const [visible, folded] = md.split('<details>');
    expect(visible).toContain('client-00001');
    expect(visible).not.toContain('client-00002');
    expect(folded).toContain('<summary>28 other connectivity changes</summary>');
    expect(folded).toContain('client-00029');
  });

  it.each([
    ['the default limit', {}, 65_000, 'GET /api/v1/diff?base=snap-1&head=snap-2&format=json'],
    [
      'a given limit and link',
      { maxMarkdownLength: 5_000, fullDiffUrl: 'https://podreach.example/d/1' },
      5_000,
      'https://podreach.example/d/1',
    ],
  ])('keeps a huge diff under %s and points to the full answer', (_, context, limit, pointer) => {
    const md = render(manyChanges(5_000), 'md', context);
    expect(md.length).toBeLessThanOrEqual(limit);
    expect(md).toContain('</details>');
    expect(md).toMatch(/> \d+ more change\(s\) are not shown/);
    expect(md).toContain(pointer);
  });

  it('yields a large answer in several chunks', () => {
    const chunks = [...renderDiff(manyChanges(5_000), 'txt', {})];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.join('')).toContain('client-04999');
  });

  it('rejects an unknown format before rendering anything', () => {
    const attempt = () => renderDiff(REVIEW, 'yaml' as DiffFormat, {});
    expect(attempt).toThrow(EngineError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
