'use strict';
/*
 * README.md's newcomer's path, as the newcomer test reads it: the fenced bash block after each marker
 * <!-- newcomer:NAME --> and the paragraph after <!-- newcomer:NAME --> when no block follows.
 */
const fs = require('node:fs');
const path = require('node:path');
const { REPO } = require('./app');

function readme() {
  return fs.readFileSync(path.join(REPO, 'README.md'), 'utf-8');
}

/** The content after the marker: the next fenced ```bash block, or (for prose) the next paragraph. */
function section(name, text = readme()) {
  const marker = `<!-- newcomer:${name} -->`;
  const at = text.indexOf(marker);
  if (at < 0) {
    throw new Error(`README.md has no marker ${marker}: the newcomer test follows the blocks it marks`);
  }
  const rest = text.slice(at + marker.length).replace(/^\s*\n/, '');
  const block = rest.match(/^```bash\n([\s\S]*?)\n```/);
  if (block) {
    return block[1];
  }
  return rest.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
}

/** README's commands talk to localhost:8080; the test runs them against its own port. */
function onPort(command, port) {
  return command.replace(/localhost:8080/g, `localhost:${port}`);
}

module.exports = { readme, section, onPort };
