// The JSON shapes of `backend.ai mgr etcd get --prefix` / `put-json`, matching
// ai.backend.common.etcd: get_prefix() nests keys split on "/" (parts
// URL-unquoted), and a key that has a value and children keeps the value under
// ""; put_prefix() flattens back, quoting each part (quote(safe="")) and
// storing str() of each leaf. Output as orjson OPT_INDENT_2: 2-space indent,
// insertion (= etcd key) order, non-ASCII as is.

export function etcdQuote(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function etcdUnquote(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** make_dict_from_pairs(): pairs are [demangled key, value]; returns nested Maps. */
export function nestPairs(keyPrefix, pairs) {
  const root = new Map();
  for (const [k, v] of pairs) {
    if (!k.startsWith(keyPrefix)) continue;
    let sub = k.slice(keyPrefix.length);
    if (sub.startsWith('/')) sub = sub.slice(1);
    const parts = sub.split('/');
    let parent = root;
    for (const raw of parts.slice(0, -1)) {
      const p = etcdUnquote(raw);
      if (!parent.has(p)) parent.set(p, new Map());
      if (!(parent.get(p) instanceof Map)) parent.set(p, new Map([['', parent.get(p)]]));
      parent = parent.get(p);
    }
    parent.set(etcdUnquote(parts[parts.length - 1]), v);
  }
  return root;
}

export function dumpIndent2(value, depth = 0) {
  if (!(value instanceof Map)) return JSON.stringify(value);
  if (value.size === 0) return '{}';
  const pad = '  '.repeat(depth + 1);
  const items = [...value].map(([k, v]) => `${pad}${JSON.stringify(k)}: ${dumpIndent2(v, depth + 1)}`);
  return `{\n${items.join(',\n')}\n${'  '.repeat(depth)}}`;
}

/** Python's str() of a JSON leaf, as put_prefix stores it. */
export function pythonStr(v) {
  if (typeof v === 'string') return v;
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (Array.isArray(v)) return `[${v.map(pythonRepr).join(', ')}]`;
  return String(v);
}

function pythonRepr(v) {
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (v && typeof v === 'object' && !Array.isArray(v)) return `{${Object.entries(v).map(([k, x]) => `${pythonRepr(k)}: ${pythonRepr(x)}`).join(', ')}}`;
  return pythonStr(v);
}

/** put_prefix() flattening: returns [[key relative to the namespace, str value]]. */
export function flattenTree(prefix, tree) {
  const out = [];
  const walk = (base, obj) => {
    for (const [k, v] of Object.entries(obj)) {
      const key = k === '' ? base : `${base}/${etcdQuote(k)}`;
      if (v && typeof v === 'object' && !Array.isArray(v)) walk(key, v);
      else out.push([key.replace(/^\//, ''), pythonStr(v)]);
    }
  };
  walk(prefix, tree);
  return out;
}
