import { Editor, type OnMount } from '@monaco-editor/react'
import { useEffect, useRef } from 'react'

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
  const onSaveRef = useRef(onSave)
  useEffect(() => {
    onSaveRef.current = onSave
  }, [onSave])

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
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => onSaveRef.current())
    showMarkers(editor, errorRef.current)
  }

  return (
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
      }}
    />
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
