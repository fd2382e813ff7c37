import { plural } from './format'

/** The fields of a file that say how many passages it holds. */
export interface PassageCounts {
  chunks_embedded?: number | null
}

/** Every embedded chunk of a file is one stored passage, so the files alone tell what goes with them. */
export function passageCount(files: readonly PassageCounts[]): number {
  return files.reduce((sum, file) => sum + (file.chunks_embedded ?? 0), 0)
}

/** The sentence a deletion confirmation opens with. */
export function deletionImpact(files: readonly PassageCounts[]): string {
  if (files.length === 0) return 'It has no files or passages.'
  return `Its ${plural(files.length, 'file')} and ${plural(passageCount(files), 'passage')} will be deleted with it.`
}
