import type { StorageArea } from '../../components/settings-store';

/** A `storage.local` stand-in backed by a plain object, which it returns for inspection. */
export function memoryArea(initial: Record<string, unknown> = {}): StorageArea & { data: Record<string, unknown> } {
  const data = structuredClone(initial);
  return {
    data,
    get: (async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {})) as StorageArea['get'],
    set: (async (items: Record<string, unknown>) => {
      Object.assign(data, structuredClone(items));
    }) as StorageArea['set'],
  };
}
