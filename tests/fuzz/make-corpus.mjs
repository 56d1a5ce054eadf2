// Writes the seed corpora of the libFuzzer targets into tests/fuzz/corpus/<target>/ (committed; rerun
// after a data or format change): node tests/fuzz/make-corpus.mjs
//   fuzz_search, fuzz_text: every 7th real query of the working relevance sets (never the held-out ones, which
//   are read only as totals), plus a few edge cases;
//   fuzz_load: the real data file, the unit-test fixture, and a few broken files.
// File names are a hash of the content, as libFuzzer names the inputs it adds.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

function write(target, bytes) {
  const dir = path.join(here, 'corpus', target);
  fs.mkdirSync(dir, { recursive: true });
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8');
  fs.writeFileSync(path.join(dir, crypto.createHash('sha1').update(buf).digest('hex')), buf);
}
for (const t of ['fuzz_search', 'fuzz_text', 'fuzz_load']) fs.rmSync(path.join(here, 'corpus', t), { recursive: true, force: true });

const queries = [];
for (const f of ['queries.tsv', 'dev2.tsv', 'behaviours.tsv'])
  for (const line of fs.readFileSync(path.join(repo, 'tests/relevance', f), 'utf8').split('\n'))
    if (line && !line.startsWith('#') && line.split('\t').length === 3) queries.push(line.split('\t')[1]);
const picked = queries.filter((_, i) => i % 7 === 0);
const edge = ['', ' ', '2512-1-007', '2512', 'и\u0306', 'е\u0308лочный', '\u200d\u200b', '\u202eврач', '😀 врач',
  '\u0301\u0301', '!!!', "bag'darlama", 'ӘҒҚҢӨҰҮҺІ', 'dhfx-jyrjkju', 'ыщаецфку', 'қәңғ-ү', 'shchuka'];
for (const q of [...picked, ...edge]) { write('fuzz_search', q); write('fuzz_text', q); }
write('fuzz_search', Buffer.from([0xff, 0xfe, 0x20, 0xd0, 0xb2, 0xc3]));
write('fuzz_text', Buffer.from([0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xc0, 0xaf]));

const data = fs.readFileSync(path.join(repo, 'data/professions.json'), 'utf8');
const mini = fs.readFileSync(path.join(repo, 'tests/fixtures/mini.json'), 'utf8');
write('fuzz_load', data);
write('fuzz_load', mini);
write('fuzz_load', '{"groups":[],"professions":[]}');
write('fuzz_load', fs.readFileSync(path.join(repo, 'tests/data/broken/wrong-type.json')));

const broken = JSON.parse(mini);
broken.professions[1].code = broken.professions[0].code;
broken.professions[2].kk = 5;
broken.professions[3] = 7;
write('fuzz_load', JSON.stringify(broken));
for (const t of ['fuzz_search', 'fuzz_text', 'fuzz_load'])
  console.log(`${t}: ${fs.readdirSync(path.join(here, 'corpus', t)).length} seeds`);
