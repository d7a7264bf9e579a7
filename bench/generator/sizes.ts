/** The benchmark cluster sizes of issue 7, and the shape of a custom one. */
export type SizeName = 'S' | 'M' | 'L' | 'XL';

export const SIZE_NAMES: readonly SizeName[] = ['S', 'M', 'L', 'XL'];

export interface SizeProfile {
  name: string;
  /** Exact number of Pod objects. */
  pods: number;
  /** Exact number of NetworkPolicy objects. */
  policies: number;
  /** Exact number of Namespace objects, the three system namespaces included (at least 4). */
  namespaces: number;
}

/**
 * About 50 pods and 7-10 policies per namespace at every size, as in clusters shared by many teams; the
 * namespace counts stay well inside the Kubernetes scale limit of 10k namespaces.
 */
export const SIZES: Readonly<Record<SizeName, SizeProfile>> = {
  S: { name: 'S', pods: 1_000, policies: 200, namespaces: 20 },
  M: { name: 'M', pods: 10_000, policies: 2_000, namespaces: 200 },
  L: { name: 'L', pods: 50_000, policies: 8_000, namespaces: 1_000 },
  XL: { name: 'XL', pods: 150_000, policies: 20_000, namespaces: 3_000 },
};

export function isSizeName(value: string): value is SizeName {
  return (SIZE_NAMES as readonly string[]).includes(value);
}

export function sizeProfile(size: SizeName | SizeProfile): SizeProfile {
  return typeof size === 'string' ? SIZES[size] : size;
}
