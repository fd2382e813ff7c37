import { describe, expect, it } from 'vitest'

import {
  anyProcessing,
  chunksLabel,
  isProcessing,
  processingProgress,
  uploadPercent,
} from './progress'

describe('processingProgress', () => {
  it('waits at zero while pending and is indeterminate while parsing', () => {
    expect(processingProgress({ processing_status: 'pending' })).toEqual({
      phase: 'pending',
      percent: 0,
      label: 'Waiting to be processed',
    })
    expect(processingProgress({ processing_status: 'parsing' })).toMatchObject({
      phase: 'parsing',
      percent: null,
    })
  })

  it('counts embedded chunks against the total', () => {
    expect(
      processingProgress({ processing_status: 'embedding', total_chunks: 40, chunks_embedded: 12 }),
    ).toEqual({ phase: 'embedding', percent: 30, label: '12 of 40 chunks embedded' })
  })

  it('never passes 100% even when a server over-reports', () => {
    expect(
      processingProgress({ processing_status: 'embedding', total_chunks: 4, chunks_embedded: 9 }),
    ).toMatchObject({ percent: 100, label: '4 of 4 chunks embedded' })
  })

  it('shows embedding without a total as 0% rather than dividing by zero', () => {
    expect(
      processingProgress({ processing_status: 'embedding', total_chunks: 0, chunks_embedded: 0 }),
    ).toEqual({ phase: 'embedding', percent: 0, label: 'Embedding' })
  })

  it('reports completion with the chunk count', () => {
    expect(processingProgress({ processing_status: 'completed', total_chunks: 1 })).toEqual({
      phase: 'completed',
      percent: 100,
      label: '1 chunk embedded',
    })
  })

  it('gives the error reason, or says there was none', () => {
    expect(
      processingProgress({ processing_status: 'error', error_message: 'No text found in PDF' }),
    ).toEqual({ phase: 'error', percent: null, label: 'No text found in PDF' })
    expect(processingProgress({ processing_status: 'error' }).label).toBe(
      'Processing failed without a reason',
    )
  })

  it('shows an unknown status plainly', () => {
    expect(processingProgress({ processing_status: 'queued' })).toEqual({
      phase: 'unknown',
      percent: null,
      label: 'Status: queued',
    })
    expect(processingProgress({}).label).toBe('No status reported')
  })
})

describe('isProcessing and anyProcessing', () => {
  it('polls only while some file is pending, parsing or embedding', () => {
    expect(isProcessing({ processing_status: 'embedding' })).toBe(true)
    expect(isProcessing({ processing_status: 'completed' })).toBe(false)
    expect(isProcessing({ processing_status: null })).toBe(false)
    expect(anyProcessing(undefined)).toBe(false)
    expect(
      anyProcessing([{ processing_status: 'completed' }, { processing_status: 'error' }]),
    ).toBe(false)
    expect(
      anyProcessing([{ processing_status: 'completed' }, { processing_status: 'pending' }]),
    ).toBe(true)
  })
})

describe('chunksLabel', () => {
  it('shows embedded over total, or a dash before counting', () => {
    expect(chunksLabel({ total_chunks: 1200, chunks_embedded: 64 })).toBe('64 / 1,200')
    expect(chunksLabel({ total_chunks: 3 })).toBe('0 / 3')
    expect(chunksLabel({ total_chunks: null })).toBe('—')
  })
})

describe('uploadPercent', () => {
  it('rounds down so 100% means every byte was sent', () => {
    expect(uploadPercent(0, 1000)).toBe(0)
    expect(uploadPercent(999, 1000)).toBe(99)
    expect(uploadPercent(1000, 1000)).toBe(100)
    expect(uploadPercent(5, 0)).toBe(0)
  })
})
