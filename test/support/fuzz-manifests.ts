import fc from 'fast-check';
import { fixtureObjects, understood, type Manifest, type Mutation } from './fuzz-fixtures';
import { targetedMutation, validMutation } from './fuzz-object-mutations';
import { applyRandomEdit, randomEdit } from './fuzz-random-edits';
import { weirdValue } from './fuzz-values';

/**
 * Upload contents for the fuzz tests: fixture objects with targeted mutations (the answer is
 * predictable: stored, or 422 naming each broken field), or with random edits (anything but a 5xx).
 */

/** Objects to upload and the problem paths the answer must name (empty: the upload is valid). */
export interface ManifestCase {
  objects: unknown[];
  expectedPaths: string[];
  /** What was done, for failure messages. */
  changes: string[];
}

/** Mutations chosen for some objects of a fixture world (each object changed at most once). */
function mutate(
  objects: Manifest[],
  choices: { pick: number; mutation: Mutation }[],
  duplicate: number | undefined,
): ManifestCase {
  const changes: string[] = [];
  const expectedPaths: string[] = [];
  const untouched = new Set(objects.keys());
  const extra: Manifest[] = [];
  if (duplicate !== undefined) {
    const object = objects[duplicate % objects.length];
    if (understood(object)) {
      untouched.delete(objects.indexOf(object));
      extra.push(structuredClone(object));
      expectedPaths.push('metadata.name');
      changes.push(`duplicate ${String(object.kind)} ${JSON.stringify(object.metadata)}`);
    }
  }
  for (const { pick, mutation } of choices) {
    const candidates = [...untouched].filter((i) => mutation.applies(objects[i]));
    if (candidates.length === 0) continue;
    const index = candidates[pick % candidates.length];
    untouched.delete(index);
    const path = mutation.apply(objects[index]);
    if (path !== undefined) expectedPaths.push(path);
    changes.push(`${mutation.name} on ${String(objects[index].kind)} -> ${path ?? 'valid'}`);
  }
  return { objects: [...objects, ...extra], expectedPaths, changes };
}

const mutationChoices = (mutations: fc.Arbitrary<Mutation>) =>
  fc.array(fc.record({ pick: fc.nat(), mutation: mutations }), { maxLength: 3 });

/** Fixture objects with targeted and valid mutations: the answer is predictable. */
export const targetedCase: fc.Arbitrary<ManifestCase> = fc
  .tuple(
    fixtureObjects,
    mutationChoices(
      fc.oneof({ weight: 3, arbitrary: targetedMutation }, { weight: 1, arbitrary: validMutation }),
    ),
    fc.option(fc.nat(), { freq: 5 }),
  )
  .map(([objects, choices, duplicate]) => mutate(objects, choices, duplicate ?? undefined));

/** Fixture objects with random edits anywhere, or replaced by random JSON: anything goes but a 5xx. */
export const randomCase: fc.Arbitrary<ManifestCase> = fc.oneof(
  fc
    .tuple(fixtureObjects, fc.array(fc.tuple(fc.nat(), randomEdit), { minLength: 1, maxLength: 4 }))
    .map(([objects, edits]) => {
      const changed = objects.map((object): unknown => object);
      for (const [pick, edit] of edits) {
        const index = pick % changed.length;
        const target = changed[index];
        changed[index] =
          typeof target === 'object' && target !== null && !Array.isArray(target)
            ? applyRandomEdit(target as Manifest, edit)
            : edit.value;
      }
      return { objects: changed, expectedPaths: [], changes: edits.map(([, edit]) => edit.op) };
    }),
  fc
    .array(weirdValue, { maxLength: 3 })
    .map((values) => ({ objects: values, expectedPaths: [], changes: ['random values'] })),
);
