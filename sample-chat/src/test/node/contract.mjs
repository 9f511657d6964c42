// Checks a generated contract with the official tools; run by ContractNodeTest as
//   node contract.mjs <dir>
// where <dir> holds asyncapi.json, switchboard.d.ts (both as the processor wrote them),
// switchboard.js.d.ts (the client's hand-kept declarations), samples.json (JSON run through the
// generated codecs in Java) and usage/*.ts (this folder's usage files and docs/contract.md's
// example; a file whose first line is "// expect: TS<code>" must fail with that error). Prints one
// line per check and exits 1 if any failed.
import { Parser } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import ts from 'typescript';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let failures = 0;

function check(ok, what) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failures++;
}

// 1. The document is valid AsyncAPI 3.0 for the official parser: no diagnostic of severity error.
const text = readFileSync(join(dir, 'asyncapi.json'), 'utf8');
const { document, diagnostics } = await new Parser().parse(text);
const errors = diagnostics.filter((d) => d.severity === 0);
errors.forEach((d) => console.log('     ' + d.code + ' at ' + d.path.join('.') + ': ' + d.message));
check(document !== undefined && errors.length === 0, 'asyncapi.json parses with @asyncapi/parser, no errors');
if (document) {
  check(document.version() === '3.0.0', 'it is AsyncAPI 3.0.0');
  check(document.channels().length > 0 && document.operations().length > 0, 'it has channels and operations');
}

// 2. Each payload schema (draft 2020-12) accepts what the codec wrote and rejects what it refused.
const contract = JSON.parse(text);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'contract', components: contract.components });
const samples = JSON.parse(readFileSync(join(dir, 'samples.json'), 'utf8'));
for (const sample of samples) {
  const validate = ajv.compile({ $ref: 'contract#/components/schemas/' + sample.type });
  if (sample.codec === 'refused') {
    check(!validate(sample.json), sample.type + ' rejects ' + JSON.stringify(sample.json) + ', which the codec refuses');
  } else {
    const valid = validate(sample.written);
    if (!valid) console.log('     ' + ajv.errorsText(validate.errors));
    check(valid, sample.type + ' accepts ' + JSON.stringify(sample.written) + ', which the codec wrote');
  }
}

// 3. The declarations compile alone under --strict, with a usage file, and a wrong usage fails.
const options = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] };
function diagnose(files) {
  const program = ts.createProgram(files, options);
  return ts.getPreEmitDiagnostics(program).map((d) =>
    'TS' + d.code + ' ' + ts.flattenDiagnosticMessageText(d.messageText, ' '));
}
function compiles(files, what) {
  const found = diagnose(files);
  found.forEach((d) => console.log('     ' + d));
  check(found.length === 0, what);
}
compiles([join(dir, 'switchboard.d.ts')], 'switchboard.d.ts compiles alone under tsc --strict');
compiles([join(dir, 'switchboard.js.d.ts')], 'switchboard.js.d.ts compiles alone under tsc --strict');
const usage = join(dir, 'usage');
for (const name of readdirSync(usage).sort()) {
  copyFileSync(join(usage, name), join(dir, name)); // beside switchboard.d.ts, which it imports
  const files = [join(dir, 'switchboard.js.d.ts'), join(dir, name)];
  const expected = /^\/\/ expect: (TS\d+)/m.exec(readFileSync(join(usage, name), 'utf8'));
  if (expected === null) {
    compiles(files, name + ' compiles against the contract');
  } else {
    const found = diagnose(files);
    check(found.length > 0 && found.every((d) => d.startsWith(expected[1] + ' ')),
      name + ' fails with ' + expected[1] + ' only: ' + (found.join('; ') || 'it compiled'));
  }
}

console.log(failures === 0 ? 'all contract checks passed' : failures + ' contract check(s) failed');
process.exit(failures === 0 ? 0 : 1);
