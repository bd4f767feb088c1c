/** `cache`'s value for `key`, worked out by `make` the first time; a cache of 5,000 starts again. */
export function remembered<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= 5_000) cache.clear();
    cache.set(key, (value = make()));
  }
  return value;
}
