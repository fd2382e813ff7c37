import type { Plugin } from 'vite'

/** A static import cycle among `chunks` (file names, first repeated at the end), or undefined. */
export function findImportCycle(
  chunks: ReadonlyMap<string, readonly string[]>,
): string[] | undefined {
  const finished = new Set<string>()
  const path: string[] = []
  const onPath = new Set<string>()
  const visit = (file: string): string[] | undefined => {
    if (onPath.has(file)) return [...path.slice(path.indexOf(file)), file]
    if (finished.has(file)) return undefined
    path.push(file)
    onPath.add(file)
    for (const imported of chunks.get(file) ?? []) {
      const cycle = visit(imported)
      if (cycle) return cycle
    }
    path.pop()
    onPath.delete(file)
    finished.add(file)
    return undefined
  }
  for (const file of chunks.keys()) {
    const cycle = visit(file)
    if (cycle) return cycle
  }
  return undefined
}

/**
 * Vite plugin: fails the build when chunks import each other in a cycle. The bundler's chunk
 * groups can produce one, and then a module may run before a module it uses from the other chunk,
 * which breaks the page at load ("x is not a function") while every test of the sources passes.
 */
export function refuseChunkCycles(): Plugin {
  return {
    name: 'letta-admin:refuse-chunk-cycles',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, readonly string[]>()
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') chunks.set(output.fileName, output.imports)
      }
      const cycle = findImportCycle(chunks)
      if (cycle) this.error(`Chunks import each other in a cycle: ${cycle.join(' -> ')}`)
    },
  }
}
