#!/usr/bin/env node
/*
 * Lints BPMN models with bpmnlint, using the rules in .bpmnlintrc next to this
 * script (bpmnlint:recommended + camunda-compat for Camunda 7.24) and the
 * Camunda 7 moddle extension, so camunda:* attributes are parsed.
 *
 * Usage: node lint.js [DIR_OR_FILE ...]   (default: ../../processes)
 *
 * Prints the findings per file like the bpmnlint CLI and exits with 1 if any
 * error was found (import warnings and unparsable files count as errors),
 * 0 otherwise. Warnings and infos are printed but do not fail.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { BpmnModdle } = require('bpmn-moddle');
const Linter = require('bpmnlint/lib/linter');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { createScopedRequire } = require('bpmnlint/lib/resolver/helper');

const HERE = __dirname;
const scopedRequire = createScopedRequire(HERE);

function loadConfig() {
  const configPath = path.join(HERE, '.bpmnlintrc');
  const config = JSON.parse(fs.readFileSync(configPath, 'utf-8'));
  const extensions = {};
  for (const [ prefix, ref ] of Object.entries(config.moddleExtensions || {})) {
    extensions[prefix] = scopedRequire(ref);
  }
  return { config, extensions };
}

function collectFiles(args) {
  const files = [];
  for (const arg of args) {
    const p = path.resolve(arg);
    if (!fs.existsSync(p)) {
      console.log(`bpmnlint: ${p} does not exist, skipped`);
      continue;
    }
    if (fs.statSync(p).isDirectory()) {
      fs.readdirSync(p)
        .filter(name => name.endsWith('.bpmn'))
        .sort()
        .forEach(name => files.push(path.join(p, name)));
    } else {
      files.push(p);
    }
  }
  return files;
}

function formatPath(pathArr) {
  return (pathArr || []).map(s => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
}

function printTable(rows) {
  const widths = [ 0, 0, 0 ];
  rows.forEach(r => r.slice(0, 3).forEach((c, i) => { widths[i] = Math.max(widths[i], c.length); }));
  rows.forEach(r => {
    console.log('  ' + r.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ').trimEnd());
  });
}

async function lintFile(file, moddle, linter) {
  const reports = [];
  const xml = fs.readFileSync(file, 'utf-8');

  let root;
  try {
    const result = await moddle.fromXML(xml);
    root = result.rootElement;
    for (const w of result.warnings || []) {
      reports.push({ id: (w.element && w.element.id) || '', category: 'error',
        message: 'Import warning: ' + String(w.message).split(/\n/)[0], rule: '' });
    }
  } catch (e) {
    reports.push({ id: '', category: 'error', message: 'Parse error: ' + e.message, rule: '' });
  }

  if (root) {
    const results = await linter.lint(root);
    for (const [ rule, ruleReports ] of Object.entries(results)) {
      for (const r of ruleReports) {
        const id = (r.id || '') + (r.path ? '#' + formatPath(r.path) : '');
        reports.push({ id, category: r.category, message: r.message, rule: r.name || rule });
      }
    }
  }

  let errors = 0;
  let warnings = 0;
  if (reports.length) {
    console.log('');
    console.log(file);
    printTable(reports.map(r => {
      // anything that is not a warning or an info (error, rule-error) fails the build
      const isError = r.category !== 'warn' && r.category !== 'info';
      if (isError) { errors++; } else { warnings++; }
      const label = r.category === 'warn' ? 'warning' : r.category;
      return [ r.id, label, r.message, r.rule ];
    }));
  }
  return { errors, warnings };
}

async function main() {
  const args = process.argv.slice(2);
  const files = collectFiles(args.length ? args : [ path.join(HERE, '..', '..', 'processes') ]);

  if (!files.length) {
    console.log('bpmnlint: no .bpmn files found, nothing to lint');
    return 0;
  }

  const { config, extensions } = loadConfig();
  const moddle = new BpmnModdle(extensions);
  const linter = new Linter({ config, resolver: new NodeResolver({ require: scopedRequire }) });

  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const r = await lintFile(file, moddle, linter);
    errors += r.errors;
    warnings += r.warnings;
  }

  const problems = errors + warnings;
  console.log('');
  console.log(`bpmnlint: ${files.length} file(s) checked, ${problems} problem(s) (${errors} error(s), ${warnings} warning(s)/info(s))`);
  return errors ? 1 : 0;
}

main().then(code => { process.exitCode = code; }, err => {
  console.error('bpmnlint: failed:', err && err.stack || err);
  process.exitCode = 2;
});
