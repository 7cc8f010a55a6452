import { Parser, Language } from 'web-tree-sitter';
import { readFileSync } from 'node:fs';
await Parser.init();
const [g, f] = process.argv.slice(2);
const lang = await Language.load(readFileSync('node_modules/'+g));
const p = new Parser(); p.setLanguage(lang);
const t = p.parse(readFileSync(f,'utf8'));
function show(n, d, fn) { console.log('  '.repeat(d) + (fn? fn+': ':'') + n.type + (n.childCount===0? ' '+JSON.stringify(n.text):'')); for (let i=0;i<n.childCount;i++){ const c=n.child(i); if (!c.isNamed && c.childCount===0 && c.type.length<3) continue; show(c,d+1,n.fieldNameForChild(i));} }
show(t.rootNode,0);
