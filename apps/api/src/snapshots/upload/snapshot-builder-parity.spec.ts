import {
  buildSnapshotContent,
  EngineError,
  SnapshotBuilder,
  type SnapshotContent,
} from '@podreach/policy-engine';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS, decodeUpload } from './decode-upload';
import { bodyOf, tarOf } from './testing/upload-fixtures';

const json = (value: unknown): string => JSON.stringify(value, null, 2);

const shop = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'a' } } };
const webPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', ports: [{ name: 'http', containerPort: 8080 }] }] },
  status: { phase: 'Running', podIP: '10.0.0.5' },
};
const denyAll = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'deny-all', namespace: 'shop' },
  spec: { podSelector: {} },
};
const withoutType = ({ kind: _kind, apiVersion: _apiVersion, ...rest }: Record<string, unknown>) => rest;
const withoutApiVersion = ({ apiVersion: _apiVersion, ...rest }: Record<string, unknown>) => rest;

/** The snapshot content, or the error as the API would report it. */
async function outcome(build: () => Promise<SnapshotContent> | SnapshotContent): Promise<unknown> {
  try {
    return { content: await build() };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { error: { code: error.code, message: error.message, details: error.details } };
  }
}

async function decoded(content: string | Buffer, contentType: string): Promise<SnapshotContent> {
  const builder = new SnapshotBuilder();
  await decodeUpload(bodyOf(content, 100), contentType, undefined, DEFAULT_UPLOAD_LIMITS, builder);
  return builder.finish();
}

describe('decoding a stream into the real SnapshotBuilder gives what the engine reads from whole text', () => {
  it.each([
    {
      name: 'a kubectl List',
      document: { apiVersion: 'v1', items: [shop, webPod, denyAll], kind: 'List', metadata: {} },
      result: 'content',
    },
    {
      name: 'a typed list of kindless items',
      document: { apiVersion: 'v1', items: [withoutType(webPod)], kind: 'PodList' },
      result: 'content',
    },
    {
      name: 'a Calico NetworkPolicyList, whose items are foreign only by the list apiVersion',
      document: {
        apiVersion: 'crd.projectcalico.org/v1',
        items: [withoutApiVersion(denyAll)],
        kind: 'NetworkPolicyList',
      },
      result: 'content',
    },
    {
      name: 'an array of a list and an object',
      document: [{ items: [webPod], kind: 'List' }, shop],
      result: 'content',
    },
    {
      name: 'items breaking validation, named by their index',
      document: {
        items: [shop, { ...webPod, metadata: { name: 'Bad_Name', namespace: 'shop' } }, withoutType(denyAll)],
        kind: 'List',
      },
      result: 'VALIDATION_FAILED',
    },
    {
      name: 'the same object twice',
      document: { items: [webPod, webPod], kind: 'List' },
      result: 'VALIDATION_FAILED',
    },
    {
      name: 'items without a List kind around them',
      document: { items: [webPod, withoutType(denyAll)] },
      result: 'VALIDATION_FAILED',
    },
    {
      name: 'a `__proto__` member, which is a key like any other and no prototype to inherit a kind from',
      document: JSON.parse('{"__proto__": {"kind": "PodList", "apiVersion": "v1"}, "items": [{}]}'),
      result: 'VALIDATION_FAILED',
    },
  ])('$name', async ({ document, result }) => {
    const text = json(document);
    const whole = () => {
      const builder = new SnapshotBuilder();
      builder.addDocument(JSON.parse(text), 'body');
      return builder.finish();
    };
    const streamed = await outcome(() => decoded(text, 'application/json'));
    expect(streamed).toEqual(await outcome(whole));
    expect(streamed).toMatchObject(result === 'content' ? { content: {} } : { error: { code: result } });
  });

  it('a tar.gz manifest folder', async () => {
    const files = [
      { name: 'shop/namespace.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n' },
      { name: 'shop/all.yaml', text: `---\n${json(webPod)}\n---\n${json(denyAll)}\n` },
      {
        name: 'shop/pods.json',
        text: json({
          apiVersion: 'v1',
          items: [withoutType({ ...webPod, metadata: { name: 'web-2', namespace: 'shop' } })],
          kind: 'PodList',
        }),
      },
    ];
    const archive = await tarOf(files.map((file) => ({ name: file.name, content: file.text })));
    const streamed = await outcome(() => decoded(archive, 'application/x-tar'));
    expect(streamed).toEqual(await outcome(() => buildSnapshotContent(files)));
    expect(streamed).toMatchObject({ content: { counts: { Namespace: 1, Pod: 2, NetworkPolicy: 1 } } });
  });
});
