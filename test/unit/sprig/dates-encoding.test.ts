/**
 * Dates with Go layouts and zones, durations, JSON as encoding/json writes it, base64/base32 as Go's
 * strict StdEncoding decodes it, hashes, URLs as net/url parses and prints them, and paths.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GoTime, GoValue } from '../../../src/core/gotemplate/values';
import { formatGoTime, parseGoTime } from '../../../src/core/gotemplate/gotime';
import { durationString, parseDuration } from '../../../src/core/sprig/dates';
import { call } from './helpers';

process.env.TZ = 'UTC';
const t = new GoTime(Date.UTC(2019, 5, 13, 20, 39, 39, 120), 0, 'UTC');

test('Go layouts format every element', () => {
  const rows: [string, string][] = [
    ['2006-01-02T15:04:05Z07:00', '2019-06-13T20:39:39Z'],
    ['Mon Jan _2 15:04:05 MST 2006', 'Thu Jun 13 20:39:39 UTC 2019'],
    ['Monday, January 2 3:04PM', 'Thursday, June 13 8:39PM'],
    ['06 1 2 3 4 5 pm', '19 6 13 8 39 39 pm'],
    ['15:04:05.000|.999|.9|,000', '20:39:39.120|.12|.1|,120'],
    ['002 __2', '164 164'],
    ['-0700 -07:00 -07 Z0700', '+0000 +00:00 +00 Z'],
    ['Janet', 'Janet'], // "Jan" followed by a lowercase letter is a word
  ];
  for (const [layout, want] of rows) assert.equal(formatGoTime(t, layout), want, layout);
});

test('date functions: zones, Unix seconds, and "now" for other inputs', () => {
  assert.equal(call('dateInZone', '2006-01-02 15:04 -0700 MST', t, 'America/New_York'), '2019-06-13 16:39 -0400 EDT');
  assert.equal(call('dateInZone', '15:04 MST', t, 'no/such/zone'), '20:39 UTC');
  assert.equal(call('date', '2006-01-02', 1560458379n), '2019-06-13');
  assert.equal(call('htmlDate', t), '2019-06-13');
  assert.equal(call('unixEpoch', t), '1560458379');
  const year = new Date().getUTCFullYear();
  assert.equal(call('date', '2006', 1.5e9), String(year)); // a float is not a date in Sprig: "now"
  assert.equal(formatGoTime(call('dateModify', '-1.5h', t) as GoTime, '15:04:05'), '19:09:39');
  assert.equal(call('dateModify', 'bogus', t), t);
  assert.throws(() => call('mustDateModify', 'bogus', t), /time: invalid duration "bogus"/);
  assert.throws(() => call('dateModify', '1h', '2020-01-01'), /expected time.Time; got string/);
  assert.throws(() => call('unixEpoch', 5n), /expected time.Time; got int/);
});

test('toDate parses Go layouts; failure gives the zero time (mustToDate errors)', () => {
  const d = call('toDate', '2006-01-02 15:04', '2017-12-31 10:30') as GoTime;
  assert.equal(formatGoTime(d, '2006-01-02T15:04:05Z07:00'), '2017-12-31T10:30:00Z');
  assert.equal(call('date', '2006-01-02', call('toDate', '2006-01-02', 'garbage')), '0001-01-01');
  assert.throws(() => call('mustToDate', '2006-01-02', '2017-13-01'), /month out of range/);
  assert.throws(() => call('mustToDate', '2006-01-02', 'x'), /cannot parse "x" as "2006"/);
  const withZone = parseGoTime('2006-01-02T15:04:05Z07:00', '2020-02-29T23:00:00+02:00');
  assert.equal(withZone.epochMillis, Date.UTC(2020, 1, 29, 21));
});

test('durations print and parse like Go\'s time.Duration', () => {
  const rows: [bigint, string][] = [[0n, '0s'], [1500000000n, '1.5s'], [1500000n, '1.5ms'], [1500n, '1.5µs'], [12n, '12ns'],
    [3600n * 1000000000n, '1h0m0s'], [-61n * 1000000000n, '-1m1s']];
  for (const [ns, s] of rows) assert.equal(durationString(ns), s);
  assert.equal(parseDuration('1h30m'), 5400n * 1000000000n);
  assert.equal(parseDuration('1.5us'), 1500n);
  assert.throws(() => parseDuration('1d'), /unknown unit "d" in duration "1d"/);
  assert.throws(() => parseDuration('5'), /missing unit/);
  assert.equal(call('duration', '90061'), '25h1m1s');
  assert.equal(call('duration', 61n), '1m1s');
  assert.equal(call('duration', 1.5), '0s');
  assert.equal(call('durationRound', '49h'), '2d');
});

test('toJson is encoding/json: sorted keys, HTML escaping, Go float format', () => {
  const rows: [GoValue, string][] = [
    [{ b: 1.0, a: '<x&y>' }, '{"a":"\\u003cx\\u0026y\\u003e","b":1}'],
    [[1e21, 1e-7, 123456789.0, 0.5, 100n], '[1e+21,1e-7,123456789,0.5,100]'],
    [{ e: [], m: {}, n: null, bytes: new Uint8Array([104, 105]) }, '{"bytes":"aGk=","e":[],"m":{},"n":null}'],
    ['\u2028\t"', '"\\u2028\\t\\""'],
  ];
  for (const [v, s] of rows) assert.equal(call('toJson', v), s);
  assert.equal(call('toRawJson', { a: '<' }), '{"a":"<"}');
  assert.equal(call('toPrettyJson', { a: [1n, { b: null }] }), '{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ]\n}');
  assert.equal(call('toJson', NaN), '');
  assert.throws(() => call('mustToJson', NaN), /json: unsupported value: NaN/);
  const cyclic: Record<string, GoValue> = {};
  cyclic.self = cyclic;
  assert.throws(() => call('mustToJson', cyclic), /cycle/);
});

test('fromJson gives float64 numbers; bad input is nil (mustFromJson errors)', () => {
  assert.deepEqual(call('fromJson', '{"a":[1,2.5,"x",null,true]}'), { a: [1, 2.5, 'x', null, true] });
  assert.equal(call('fromJson', '{'), null);
  assert.throws(() => call('mustFromJson', 'x'), /invalid character 'x' looking for beginning of value/);
});

test('base64/base32 use Go\'s strict padded encoding; errors become the output', () => {
  assert.equal(call('b64enc', 'héllo'), 'aMOpbGxv');
  assert.equal(call('b64dec', 'aMOpbGxv'), 'héllo');
  assert.equal(call('b64dec', 'YWJj\r\nZGVm'), 'abcdef');
  assert.equal(call('b64dec', 'abc'), 'illegal base64 data at input byte 0');
  assert.equal(call('b64dec', 'YW Jj'), 'illegal base64 data at input byte 2');
  assert.equal(call('b32enc', 'abc'), 'MFRGG===');
  assert.equal(call('b32dec', 'MFRGG==='), 'abc');
  assert.equal(call('b32dec', 'MFRGG'), 'illegal base32 data at input byte 0');
});

test('hashes', () => {
  assert.equal(call('sha1sum', ''), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
  assert.equal(call('adler32sum', 'Wikipedia'), '300286872');
});

test('urlParse/urlJoin follow net/url', () => {
  assert.deepEqual(call('urlParse', 'https://user:pa%20ss@example.com:8443/a%20b?x=1#frag'), {
    scheme: 'https', host: 'example.com:8443', hostname: 'example.com', path: '/a b', query: 'x=1',
    opaque: '', fragment: 'frag', userinfo: 'user:pa%20ss',
  });
  assert.equal((call('urlParse', 'mailto:joe@x.org') as Record<string, GoValue>).opaque, 'joe@x.org');
  assert.equal(call('urlJoin', { scheme: 'https', host: 'h', path: '/a b', query: 'q=1' }), 'https://h/a%20b?q=1');
  assert.throws(() => call('urlParse', 'http://h:port/'), /unable to parse url: parse "http:\/\/h:port\/": invalid port ":port" after host/);
  assert.throws(() => call('urlJoin', { host: 1n }), /unable to parse host key, must be of type string, but int found/);
});

test('paths use Go\'s slash-only path package', () => {
  const rows: [string, string, GoValue][] = [
    ['base', '/a/b/', 'b'], ['base', '', '.'], ['dir', 'a', '.'], ['dir', '/a/b', '/a'],
    ['clean', 'a//b/../c/.', 'a/c'], ['clean', '/../a', '/a'], ['ext', 'a.tar.gz', '.gz'], ['ext', 'a.d/b', ''],
    ['isAbs', '/x', true], ['osBase', 'a/b', 'b'],
  ];
  for (const [fn, p, want] of rows) assert.equal(call(fn, p), want, `${fn}(${p})`);
});

test('derivePassword matches the Master Password reference vectors; AES round-trips', () => {
  assert.equal(call('derivePassword', 1n, 'long', 'password', 'user', 'example.com'), 'ZedaFaxcZaso9*');
  assert.equal(call('derivePassword', 1n, 'pin', 'password', 'user', 'example.com'), '6685');
  assert.equal(call('derivePassword', 1n, 'nope', 'password', 'user', 'example.com'), 'cannot find password template nope');
  const secret = call('encryptAES', 'key', 'plain text ü') as string;
  assert.notEqual(secret, call('encryptAES', 'key', 'plain text ü'));
  assert.equal(call('decryptAES', 'key', secret), 'plain text ü');
  assert.throws(() => call('decryptAES', 'key', 'AAAA'), /slice bounds/);
  assert.equal(Buffer.from(call('randBytes', 24n) as string, 'base64').length, 24);
  assert.equal(call('getHostByName', 'example.com'), '');
});
