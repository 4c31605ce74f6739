// Validates a JSON-LD DCAT catalogue against SHACL shapes (Turtle, one file or several):
// node validate-dcat.mjs SHAPES.ttl [MORE-SHAPES.ttl ...] CATALOG.jsonld
// Prints each violation and warning; exits 1 when the catalogue does not conform.
import rdf from '@zazuko/env-node'
import JsonLdParser from '@rdfjs/parser-jsonld'
import SHACLValidator from 'rdf-validate-shacl'
import { createReadStream } from 'node:fs'

const files = process.argv.slice(2)
const catalogFile = files.pop()
const shapes = rdf.dataset()
for (const file of files) {
  await shapes.import(rdf.fromFile(file))
}
const data = await rdf.dataset().import(new JsonLdParser({ factory: rdf }).import(createReadStream(catalogFile)))
const report = await new SHACLValidator(shapes, { factory: rdf }).validate(data)
for (const r of report.results) {
  console.log(`${r.severity?.value.split('#')[1]} ${r.focusNode?.value} ${r.path?.value ?? ''}: ${r.message.map(m => m.value).join('; ')} (${r.sourceConstraintComponent?.value.split('#')[1]})`)
}
console.log(`${data.size} triples, ${report.results.length} results, conforms: ${report.conforms}`)
process.exit(report.conforms && report.results.length === 0 ? 0 : 1)
