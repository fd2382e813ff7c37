import { Editor, type OnMount } from '@monaco-editor/react'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'

import { openCommandPalette } from '@/lib/command-palette-events'

import { monaco, monacoThemeFor } from './monaco-setup'
import { markerRange, type SchemaError } from './schema-errors'

type CodeEditor = Parameters<OnMount>[0]

const MARKER_OWNER = 'tool-schema'

export interface PythonEditorProps {
  /** The text the editor opens with; after that the editor owns its text and reports changes. */
  initialValue: string
  onChange: (value: string) => void
  theme: 'light' | 'dark'
  readOnly: boolean
  /** The schema error of the text, underlined on its line when it names one. */
  error: SchemaError | undefined
  /** Ctrl/Cmd+S inside the editor. */
  onSave: () => void
  /** Asks the editor to show a line, e.g. from the error message under it. */
  revealLine?: { line: number; at: number } | undefined
}

/** Monaco, bundled: this module is loaded only by the tool editor route. */
export function PythonEditor({
  initialValue,
  onChange,
  theme,
  readOnly,
  error,
  onSave,
  revealLine,
}: PythonEditorProps) {
  const editorRef = useRef<CodeEditor | null>(null)
  /** Tab moves focus out instead of indenting: after Escape, once; or always, toggled by Ctrl+M. */
  const [tabMoves, setTabMoves] = useState<'never' | 'once' | 'always'>('never')
  const tabMovesRef = useRef(tabMoves)
  useEffect(() => {
    tabMovesRef.current = tabMoves
    editorRef.current?.updateOptions({ tabFocusMode: tabMoves !== 'never' })
  }, [tabMoves])
  // Updated as the page commits, so a save right after the last key press calls the page's
  // handler of that render, not one a render behind.
  const onSaveRef = useRef(onSave)
  const onChangeRef = useRef(onChange)
  useLayoutEffect(() => {
    onSaveRef.current = onSave
    onChangeRef.current = onChange
  }, [onSave, onChange])

  const errorRef = useRef(error)
  useEffect(() => {
    errorRef.current = error
    showMarkers(editorRef.current, error)
  }, [error])

  useEffect(() => {
    const editor = editorRef.current
    if (!editor || !revealLine) return
    editor.revealLineInCenter(revealLine.line)
    editor.setPosition({ lineNumber: revealLine.line, column: 1 })
    editor.focus()
  }, [revealLine])

  const onMount: OnMount = (editor) => {
    editorRef.current = editor
    // The page listens for Ctrl/Cmd+S too, but Monaco keeps key presses to itself.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => {
      // Keys typed just before may not have reached the page's draft yet on a busy machine: hand
      // it the text shown first, so the save sends exactly that.
      flushSync(() => onChangeRef.current(editor.getValue()))
      onSaveRef.current()
    })
    // Monaco would start a Ctrl+K chord; the console's palette is more use to a keyboard user.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyK, openCommandPalette)
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, () =>
      setTabMoves((current) => (current === 'always' ? 'never' : 'always')),
    )
    editor.onKeyDown((event) => {
      if (tabMovesRef.current === 'always') return
      if (event.keyCode === monaco.KeyCode.Escape) setTabMoves('once')
      else if (event.keyCode !== monaco.KeyCode.Tab && event.keyCode !== monaco.KeyCode.Shift) {
        setTabMoves('never')
      }
    })
    editor.onDidBlurEditorText(() =>
      setTabMoves((current) => (current === 'once' ? 'never' : current)),
    )
    showMarkers(editor, errorRef.current)
  }

  return (
    <div className="flex size-full flex-col">
      <div className="min-h-0 flex-1">
        <Editor
          height="100%"
          language="python"
          theme={monacoThemeFor(theme)}
          // Uncontrolled: feeding every keystroke back as `value` races fast typing and moves the cursor.
          defaultValue={initialValue}
          onChange={(next) => onChange(next ?? '')}
          onMount={onMount}
          loading={<span className="text-sm text-muted-foreground">Loading the editor…</span>}
          options={{
            readOnly,
            readOnlyMessage: { value: 'Built-in tools cannot be changed.' },
            ariaLabel: 'Python source',
            automaticLayout: true,
            minimap: { enabled: false },
            fontSize: 13,
            tabSize: 4,
            insertSpaces: true,
            scrollBeyondLastLine: false,
            padding: { top: 8, bottom: 8 },
            fixedOverflowWidgets: true,
            renderLineHighlight: readOnly ? 'none' : 'line',
            overviewRulerBorder: false,
            hideCursorInOverviewRuler: true,
            tabFocusMode: tabMoves !== 'never',
          }}
        />
      </div>
      <p
        id="python-editor-keys"
        aria-live="polite"
        className="border-t px-3 py-1.5 text-xs text-muted-foreground"
      >
        {tabMoves === 'never'
          ? 'Tab indents. Esc then Tab leaves the editor; Ctrl+M makes Tab always move focus.'
          : tabMoves === 'once'
            ? 'Tab now moves focus out of the editor.'
            : 'Tab moves focus (Ctrl+M to indent with Tab again).'}
      </p>
    </div>
  )
}

function showMarkers(editor: CodeEditor | null, error: SchemaError | undefined) {
  const model = editor?.getModel()
  if (!model) return
  const markers =
    error?.line === undefined
      ? []
      : [
          {
            ...markerRange(error.line, model.getValue()),
            severity: monaco.MarkerSeverity.Error,
            message: error.message,
            source: 'generate-schema',
          },
        ]
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers)
}
