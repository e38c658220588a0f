import { describe, expect, it } from 'vitest';
import { CliArgsError, parseWebCliArgs } from '../../../main/web/cliArgs';

describe('npm run web -- options', () => {
  it.each([
    [[], { help: false }],
    [['--port', '0'], { help: false, port: 0 }],
    [['--port=8080', '--data-dir', '/tmp/cd'], { help: false, port: 8080, dataDir: '/tmp/cd' }],
    [['--host', '0.0.0.0'], { help: false, host: '0.0.0.0' }],
    [['--help'], { help: true }],
  ])('%j', (argv, expected) => {
    expect(parseWebCliArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--port', 'http'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number from 0 to 65535/],
    [['--port'], /--port needs a value/],
    [['--data-dir', '--port', '1'], /--data-dir needs a value/],
    [['--host', ''], /--host needs an address/],
    [['--verbose'], /Unknown option "--verbose"/],
  ])('%j is refused with a sentence', (argv, message) => {
    expect(() => parseWebCliArgs(argv)).toThrow(CliArgsError);
    expect(() => parseWebCliArgs(argv)).toThrow(message);
  });
});
