/**
 * Writes the real files the server's ingestion tests upload (server/test/fixtures). Run with
 * `npx tsx scripts/make-fixtures.ts`; the output is committed, so tests never build documents.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { PDFDocument, StandardFonts } from 'pdf-lib'

const dir = fileURLToPath(new URL('../server/test/fixtures/', import.meta.url))
mkdirSync(dir, { recursive: true })
const write = (name: string, data: string | Uint8Array) => writeFileSync(dir + name, data)
const FIXED_DATE = new Date('2024-01-02T03:04:05Z')

/** Three pages, each with its own subject, so tests can tell which page a passage came from. */
async function pdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create()
  document.setTitle('Orchard handbook')
  document.setCreationDate(FIXED_DATE)
  document.setModificationDate(FIXED_DATE)
  const font = await document.embedFont(StandardFonts.Helvetica)
  const pages = [
    ['Page one is about apples.', 'Apples grow in the northern orchard.', 'Pick them in autumn.'],
    ['Page two is about bicycles.', 'Bicycles need oil on the chain.', 'Check the tyres weekly.'],
    [
      'Page three is about comets.',
      'Comets have icy nuclei.',
      'Their tails point away from the sun.',
    ],
  ]
  for (const lines of pages) {
    const page = document.addPage([595, 842])
    lines.forEach((line, index) => {
      page.drawText(line, { x: 60, y: 760 - index * 24, size: 14, font })
    })
  }
  return document.save()
}

async function docx(): Promise<Uint8Array> {
  const document = new Document({
    creator: 'Letta Admin tests',
    title: 'Quarterly notes',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Quarterly notes', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('The warehouse in Lyon shipped 420 crates of '),
              new TextRun({ text: 'saffron', bold: true }),
              new TextRun(' this quarter.'),
            ],
          }),
          new Paragraph({ text: 'Staffing', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Two forklift drivers joined the night shift in March.'),
        ],
      },
    ],
  })
  return Packer.toBuffer(document)
}

const unicode = [
  'Grüße aus München: die Straße ist schön, und Ärger gibt es nie.',
  'Ελληνικά: η γρήγορη καφέ αλεπού πηδά πάνω από τον τεμπέλη σκύλο.',
  '日本語のテキストです。東京は大きな都市です。',
  'Emoji survive too: 🚲 and 🍎, and so does naïve café façade.',
  '',
].join('\n')

const csv = [
  'id,name,city,notes',
  '1,Ada Lovelace,London,"Wrote the first program, for the Analytical Engine"',
  '2,Grace Hopper,New York,"Found a moth in the relay;',
  'logged it as the first bug"',
  '3,Katherine Johnson,White Sulphur Springs,Computed orbital trajectories',
  '',
].join('\n')

const markdown = `# Installation guide

Install the package with the usual tool. It needs no network once installed.

## Configuration

Set the data directory before the first start. The server creates it when missing.

\`\`\`bash
# not a heading: a comment inside a code fence
export LETTA_ADMIN_DATA_DIR=/srv/letta
\`\`\`

## Troubleshooting

When the port is taken, pick another with --port.
`

const html = `<!doctype html>
<html>
  <head>
    <title>Lighthouse keeping</title>
    <style>body { font-family: serif; }</style>
    <script>window.trackVisitor = function () { return 'tracking code' }</script>
  </head>
  <body>
    <h1>Lighthouse keeping</h1>
    <p>The keeper trims the <a href="https://example.invalid/wick">wick</a> every evening.</p>
    <h2>Fog signals</h2>
    <p>In fog the horn sounds twice a minute.</p>
    <ul><li>Check the lens</li><li>Log the weather</li></ul>
  </body>
</html>
`

const json = `${JSON.stringify(
  [
    { id: 1, planet: 'Mercury', moons: 0, fact: 'closest to the sun' },
    { id: 2, planet: 'Venus', moons: 0, fact: 'hottest surface' },
    { id: 3, planet: 'Earth', moons: 1, fact: 'liquid water on the surface' },
  ],
  null,
  2,
)}\n`

const jsonl = [
  { event: 'login', user: 'ada', at: '2024-01-01T10:00:00Z' },
  { event: 'upload', user: 'grace', file: 'notes.pdf' },
  { event: 'logout', user: 'ada' },
]
  .map((record) => JSON.stringify(record))
  .join('\n')

const python = `import math


def area(radius: float) -> float:
    """Area of a circle."""
    return math.pi * radius**2


class Greeter:
    def greet(self, name: str) -> str:
        return f"Hello, {name}"
`

// Starts like a PNG: a signature, then a header chunk whose length field holds zero bytes.
const binary = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0xf3, 0xff,
])

// "café olé" in ISO-8859-1: 0xe9 is not valid UTF-8 on its own.
const latin1 = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6c, 0xe9, 0x0a])

write('orchard.pdf', await pdf())
write('quarterly-notes.docx', await docx())
write('unicode.txt', unicode)
write('people.csv', csv)
write('guide.md', markdown)
write('lighthouse.html', html)
write('planets.json', json)
write('events.jsonl', jsonl)
write('geometry.py', python)
write('empty.txt', '')
write('image.txt', binary)
write('latin1.txt', latin1)
console.log(`Wrote the fixtures in ${dir}`)
