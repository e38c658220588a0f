// A minimal etcd v3 client over etcd's JSON gateway (/v3/kv/*), which the real
// etcd of the node serves on its client port: get, get by prefix, put, put
// many in one transaction, delete by prefix. Keys and values are UTF-8 text.
import http from 'node:http';

const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');
const unb64 = (text) => Buffer.from(text ?? '', 'base64').toString('utf8');

/** The smallest key greater than every key with this prefix (etcd's range_end). */
function prefixEnd(prefix) {
  const bytes = Buffer.from(prefix, 'utf8');
  for (let i = bytes.length - 1; i >= 0; i -= 1) {
    if (bytes[i] < 0xff) {
      const end = Buffer.from(bytes.subarray(0, i + 1));
      end[i] += 1;
      return end.toString('base64');
    }
  }
  return Buffer.from([0]).toString('base64');
}

export function etcdClient(endpoint = 'http://127.0.0.1:2379') {
  const url = new URL(endpoint);
  function call(route, body) {
    return new Promise((resolve, reject) => {
      const data = JSON.stringify(body);
      const req = http.request({ host: url.hostname, port: url.port || 2379, path: route, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }, timeout: 5000 }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => { text += c; });
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`etcd ${route} answered HTTP ${res.statusCode}: ${text}`));
          else resolve(JSON.parse(text || '{}'));
        });
      });
      req.on('timeout', () => req.destroy(new Error(`etcd at ${endpoint} did not answer within 5 s`)));
      req.on('error', reject);
      req.end(data);
    });
  }
  return {
    async get(key) {
      const res = await call('/v3/kv/range', { key: b64(key) });
      return res.kvs?.length ? unb64(res.kvs[0].value) : null;
    },
    /** [key, value] pairs in etcd's (byte) key order. */
    async getPrefix(prefix) {
      const res = await call('/v3/kv/range', { key: b64(prefix), range_end: prefixEnd(prefix) });
      return (res.kvs ?? []).map((kv) => [unb64(kv.key), unb64(kv.value)]);
    },
    async put(key, value) {
      await call('/v3/kv/put', { key: b64(key), value: b64(value) });
    },
    async putMany(pairs) {
      if (pairs.length === 0) return;
      // etcd limits a transaction to 128 operations by default.
      for (let i = 0; i < pairs.length; i += 128) {
        await call('/v3/kv/txn', { success: pairs.slice(i, i + 128).map(([k, v]) => ({ requestPut: { key: b64(k), value: b64(v) } })) });
      }
    },
    async deletePrefix(prefix) {
      await call('/v3/kv/deleterange', { key: b64(prefix), range_end: prefixEnd(prefix) });
    },
    async delete(key) {
      await call('/v3/kv/deleterange', { key: b64(key) });
    },
  };
}
