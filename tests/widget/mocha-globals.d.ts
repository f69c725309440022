// The globals @web/test-runner's mocha gives browser tests (typed here without @types/mocha, whose
// globals would clash with node:test's in the server tests).
type MochaTest = (this: { timeout(ms: number): void }) => void | Promise<void>;
declare function describe(name: string, suite: () => void): void;
declare function it(name: string, test: MochaTest): void;
declare function before(hook: MochaTest): void;
declare function after(hook: MochaTest): void;
declare function beforeEach(hook: MochaTest): void;
declare function afterEach(hook: MochaTest): void;
