import { describe, expect, it } from 'vitest';
import { readDotenv, type DotenvItem } from '../../src/codex/dotenv.js';

/** Reads like Codex: each entry is applied to the environment before the next line is parsed. */
function read(input: string | Uint8Array, shell: Record<string, string> = {}): DotenvItem[] {
  const env = { ...shell };
  const items: DotenvItem[] = [];
  for (const item of readDotenv(input, (name) => env[name])) {
    items.push(item);
    if (item.kind === 'entry') env[item.key] = item.value;
  }
  return items;
}

const entries = (input: string | Uint8Array, shell: Record<string, string> = {}): Array<[string, string]> =>
  read(input, shell).flatMap((i) => (i.kind === 'entry' ? [[i.key, i.value] as [string, string]] : []));

describe('readDotenv: dotenvy 0.15.7 syntax', () => {
  // The cases of dotenvy's own parse.rs tests, plus the corners Codex users hit.
  it.each([
    ['KEY=1', 'KEY', '1'],
    ['KEY2="2"', 'KEY2', '2'],
    ["KEY3='3'", 'KEY3', '3'],
    ["KEY4='fo ur'", 'KEY4', 'fo ur'],
    ['KEY5="fi ve"', 'KEY5', 'fi ve'],
    ['KEY6=s\\ ix', 'KEY6', 's ix'],
    ['KEY7=', 'KEY7', ''],
    ['KEY8=     ', 'KEY8', ''],
    ['KEY9=   # foo', 'KEY9', ''],
    ['KEY10  ="whitespace before ="', 'KEY10', 'whitespace before ='],
    ['KEY11=    "whitespace after ="', 'KEY11', 'whitespace after ='],
    ['export="export as key"', 'export', 'export as key'],
    ['export   SHELL_LOVER=1', 'SHELL_LOVER', '1'],
    ['KEY=my\\ cool\\ value', 'KEY', 'my cool value'],
    ['KEY2=\\$sweet', 'KEY2', '$sweet'],
    ['KEY3="awesome stuff \\"mang\\""', 'KEY3', 'awesome stuff "mang"'],
    ["KEY4='sweet $\\fgs'\\''fds'", 'KEY4', "sweet $\\fgs'fds"],
    ['KEY5="\'\\"yay\\\\"\\ "stuff"', 'KEY5', '\'"yay\\ stuff'],
    ['KEY6="lol" #well you see', 'KEY6', 'lol'],
    ['KEY7="line 1\\nline 2"', 'KEY7', 'line 1\nline 2'],
    ['KEY.Value=VALUE', 'KEY.Value', 'VALUE'],
    ['HASH=val#ue', 'HASH', 'val#ue'],
    ['HASH=value # a comment', 'HASH', 'value'],
    ["WIN='C:\\Users\\ann\\corp.pem'", 'WIN', 'C:\\Users\\ann\\corp.pem'],
    ['SSL_CERT_FILE="/etc/ssl/corp.pem"', 'SSL_CERT_FILE', '/etc/ssl/corp.pem'],
    ['HTTPS_PROXY=http://alice:p%40ss@proxy.corp:8080', 'HTTPS_PROXY', 'http://alice:p%40ss@proxy.corp:8080'],
  ])('%s', (line, key, value) => {
    expect(entries(`${line}\n`)).toEqual([[key, value]]);
  });

  it.each([
    ['  invalid', 'no `=` after the variable name', 'invalid'],
    ['very bacon = yes indeed', 'no `=` after the variable name', 'very'],
    ['=value', 'the line does not start with a variable name', undefined],
    ['KEY=my uncool value', 'an unquoted value contains a blank (quote the value)', 'KEY'],
    ['KEY4=h\\8u', 'unsupported escape \\8 (write \\\\ for a backslash, or use single quotes)', 'KEY4'],
    ['WIN=C:\\Users\\ann', 'unsupported escape \\U (write \\\\ for a backslash, or use single quotes)', 'WIN'],
    ['WIN="C:\\temp"', 'unsupported escape \\t (write \\\\ for a backslash, or use single quotes)', 'WIN'],
    ['export FOO', 'no `=` after the variable name', 'FOO'],
    ['KEY1=>${KEY{<', 'a ${ substitution is never closed', 'KEY1'],
    ['HOME2="$HOME"', 'a quote is never closed: dotenvy swallows the " right after $NAME (write "${NAME}")', 'HOME2'],
  ])('skips %s', (line, reason, key) => {
    expect(read(`OK=1\n${line}\nAFTER=2\n`)).toEqual([
      { kind: 'entry', key: 'OK', value: '1', line: 1 },
      { kind: 'error', line: 2, ...(key !== undefined && { key }), reason },
      { kind: 'entry', key: 'AFTER', value: '2', line: 3 },
    ]);
  });

  it('skips comment lines and blank lines, and numbers lines as an editor does', () => {
    expect(read('# foo=bar\n\n   # indented comment\r\nA=1\r\n\nB=2')).toEqual([
      { kind: 'entry', key: 'A', value: '1', line: 4 },
      { kind: 'entry', key: 'B', value: '2', line: 6 },
    ]);
  });

  it('joins a quoted value across lines and keeps counting lines after it', () => {
    expect(read('A="first\nsecond"\nB=\'x\ny\'\nC=3\n')).toEqual([
      { kind: 'entry', key: 'A', value: 'first\nsecond', line: 1 },
      { kind: 'entry', key: 'B', value: 'x\ny', line: 3 },
      { kind: 'entry', key: 'C', value: '3', line: 5 },
    ]);
  });

  it('loses everything after a quote that is never closed', () => {
    expect(read('A=1\nSSL_CERT_FILE="/etc/corp.pem\nHTTPS_PROXY=http://proxy:8080\n')).toEqual([
      { kind: 'entry', key: 'A', value: '1', line: 1 },
      {
        kind: 'error',
        line: 2,
        key: 'SSL_CERT_FILE',
        reason: 'a double quote is never closed: Codex ignores this line and everything after it',
      },
    ]);
  });

  it('does not strip a UTF-8 byte order mark: the first line is lost (from_path_iter keeps it)', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('SSL_CERT_FILE=/a.pem\nNO_PROXY=localhost\n')]);
    expect(read(bytes)).toEqual([
      { kind: 'error', line: 1, reason: 'the file starts with a byte order mark (BOM), which spoils the first key' },
      { kind: 'entry', key: 'NO_PROXY', value: 'localhost', line: 2 },
    ]);
  });

  it('skips only the line that is not valid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('A=1\nB=caf'), Buffer.from([0xe9]), Buffer.from('\nC=3\n')]);
    expect(read(bytes)).toEqual([
      { kind: 'entry', key: 'A', value: '1', line: 1 },
      { kind: 'error', line: 2, reason: 'the line is not valid UTF-8' },
      { kind: 'entry', key: 'C', value: '3', line: 3 },
    ]);
  });

  it('rejects a last line that ends in blanks without a newline, but not a blank last line', () => {
    expect(read('A=1\nB=2 ')).toEqual([
      { kind: 'entry', key: 'A', value: '1', line: 1 },
      { kind: 'error', line: 2, key: 'B', reason: 'the last line ends with blanks and no newline, which dotenvy rejects' },
    ]);
    expect(read('A=1\n   ')).toEqual([{ kind: 'entry', key: 'A', value: '1', line: 1 }]);
  });
});

describe('readDotenv: substitution', () => {
  it.each([
    ['KEY=test\nKEY1="${KEY}"\n', {}, [['KEY', 'test'], ['KEY1', 'test']]],
    ['KEY=">$KEY1<>${KEY2}<"\n', {}, [['KEY', '><><']]],
    ['KEY=>\\$KEY1<>\\${KEY2}<\n', {}, [['KEY', '>$KEY1<>${KEY2}<']]],
    ["KEY='>${KEY1}<>$KEY2<'\n", {}, [['KEY', '>${KEY1}<>$KEY2<']]],
    ['KEY=VALUE\nKEY1=$KEY$KEY\n', {}, [['KEY', 'VALUE'], ['KEY1', 'VALUEVALUE']]],
    // `_` is not alphanumeric for Rust: $KEY1_2 is $KEY1 followed by "_2".
    ['KEY1=test_user\nKEY2=$KEY1_2\n', {}, [['KEY1', 'test_user'], ['KEY2', 'test_user_2']]],
    ['CA=${HOME}/corp.pem\n', { HOME: '/home/ann' }, [['CA', '/home/ann/corp.pem']]],
    // Codex sets each line before parsing the next, so a later $NAME sees the .env value.
    ['KEY11=from_file\nKEY=">${KEY11}<"\n', { KEY11: 'from_shell' }, [['KEY11', 'from_file'], ['KEY', '>from_file<']]],
  ] as const)('%j', (input, shell, expected) => {
    expect(entries(input, { ...shell })).toEqual(expected);
  });

  it('substitutes a name the caller did not apply from the file itself (a CODEX_* line Codex ignores)', () => {
    const env: Record<string, string> = {};
    const items = [...readDotenv('CODEX_X=/ignored.pem\nCOPY=${CODEX_X}\n', (name) => env[name])];
    expect(items[1]).toEqual({ kind: 'entry', key: 'COPY', value: '/ignored.pem', line: 2 });
  });
});
