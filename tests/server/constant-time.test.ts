// Defends "secrets compared with timingSafeEqual, never === or includes" (ASVS 2.7.5; DESIGN §4):
// a scan of server/ with the TypeScript compiler for an equality or an includes() that touches a
// value named like a hash, secret, token or code. It runs on the real tree, and on samples that
// show what it catches and what it lets pass.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';

const SERVER = join(import.meta.dirname, '../../server');

/** The last name of an operand: `token`, `row.code_hash`, `(x as Y).secretKey`, `a['hash']`. */
function nameOf(expression: ts.Expression): string | undefined {
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) {
    e = e.expression;
  }
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) {
    return e.argumentExpression.text;
  }
  return undefined;
}

const SECRET_NAME = /hash|secret|token|code|digest|signature|password|otp|apikey|mac$/i;

const isSecretNamed = (e: ts.Expression) => SECRET_NAME.test(nameOf(e) ?? '');

/**
 * A side that is public by construction: a literal, `null`, `undefined`, or a SCREAMING_CASE
 * constant. Comparing a secret with one leaks nothing an attacker does not already know, and it
 * is how error codes are checked (`error.code === 'ENOENT'`, `error.code === 'invalid_code'`):
 * those are kinds of error, not secrets, and always meet a literal.
 */
function isPublic(expression: ts.Expression): boolean {
  const e = ts.isParenthesizedExpression(expression) ? expression.expression : expression;
  if (ts.isLiteralExpression(e) || ts.isNoSubstitutionTemplateLiteral(e)) return true;
  if (
    e.kind === ts.SyntaxKind.NullKeyword ||
    e.kind === ts.SyntaxKind.TrueKeyword ||
    e.kind === ts.SyntaxKind.FalseKeyword
  ) {
    return true;
  }
  if (ts.isPrefixUnaryExpression(e)) return isPublic(e.operand);
  const name = nameOf(e);
  return name === 'undefined' || /^[A-Z][A-Z0-9_]*$/.test(name ?? '');
}

/** `'abc'.includes(x)` or `['a', 'b'].includes(x)`: searching public text or public values. */
function isPublicList(expression: ts.Expression): boolean {
  if (ts.isStringLiteralLike(expression)) return true;
  return ts.isArrayLiteralExpression(expression) && expression.elements.every(isPublic);
}

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);
const SEARCHES = new Set(['includes', 'indexOf', 'lastIndexOf']);

/** Each place in `source` where a secret-named value meets `===`, `!==`, `==`, `!=` or a search. */
function variableTimeComparisons(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push(`${fileName}:${line}: ${node.getText()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isBinaryExpression(node) && EQUALITY.has(node.operatorToken.kind)) {
      const { left, right } = node;
      if ((isSecretNamed(left) || isSecretNamed(right)) && !isPublic(left) && !isPublic(right)) {
        report(node);
      }
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      SEARCHES.has(node.expression.name.text) &&
      !isPublicList(node.expression.expression) &&
      node.arguments.some((argument) => isSecretNamed(argument) && !isPublic(argument))
    ) {
      report(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return typeScriptFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('constant-time comparison of secrets', () => {
  test('nothing in server/ compares a hash, secret, token or code with === or includes', () => {
    const files = typeScriptFiles(SERVER);
    assert.ok(files.length > 50, `scanned ${files.length} files`);
    const found = files.flatMap((path) =>
      variableTimeComparisons(relative(SERVER, path), readFileSync(path, 'utf8')),
    );
    assert.deepEqual(found, [], 'use timingSafeEqual (node:crypto) on equal-length buffers');
  });

  test('the scan catches the comparisons that leak', () => {
    const caught = [
      'if (storedHash === computedHash) ok();',
      'if (row.code_hash !== hmac(input)) fail();',
      'const same = token == presented;',
      "if ((key as Key).secretKey === header['secretKey']) ok();",
      'if (hashes.includes(codeHash)) ok();',
      'if (list.indexOf(request.body.recoveryCode) >= 0) ok();',
      'const valid = session.token_hash === sha256(raw);',
    ];
    for (const line of caught) {
      assert.equal(variableTimeComparisons('sample.ts', line).length, 1, line);
    }
  });

  test('the scan lets error codes, literals, constants and lengths pass', () => {
    const allowed = [
      "if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;",
      "if (error.code === 'invalid_code') retry();",
      'if (response.ErrorCode !== 0) fail();',
      'if (code.length === RECOVERY_CODE_LENGTH) ok();',
      'if (row.code_encrypted === null) skip();',
      'if (token === undefined) missing();',
      'if (codeHash === MISSING_HASH) skip();',
      "if (typeof token === 'string') ok();",
      "if (['a', 'b'].includes(code)) ok();",
      'if (attempts === limit) lock();',
      'if (timingSafeEqual(a, b)) ok();',
    ];
    for (const line of allowed) {
      assert.deepEqual(variableTimeComparisons('sample.ts', line), [], line);
    }
  });
});
